/* A team's panel: its briefing, its own view, its orders and answers, and each round's results.
   Used by the team page (a device team) and by the host page (a hot-seat team after a hand-off).
   A submission is kept in localStorage with its key until the server acknowledges it, and is
   sent again with the same key after a reconnect, so it is applied exactly once. */
"use strict";

D.TeamPanel = function (root, send, storageKey, prefix) {
  const p = prefix || "";  // ids in this panel: "" on the team page, another prefix inside the host page
  const panel = { data: null, formKey: "", chosen: [], open: null, lastRound: null, lastDue: null };
  const part = (id, heading, level) => {
    const h = D.el(level || "h2", { id: `${p}${id}-h`, text: heading });
    const body = D.el("div", { id: `${p}${id}-body` });
    root.append(D.el("section", { "aria-labelledby": `${p}${id}-h` }, h, body));
    return { h, body };
  };
  const head = D.el("div", {});
  root.append(head);
  root.append(D.el("nav", { "aria-label": "On this page", class: "bar" },
    [["move-h", "Your move"], ["event-h", "Event"], ["brief-h", "Briefing"], ["meters-h", "Meters"],
      ["results-h", "Results"]].map(([id, text]) => D.el("a", { href: `#${p}${id}`, text }))));
  const move = part("move", "Your move");
  const event = part("event", "This round's event");
  const brief = part("brief", "Your briefing and objectives");
  const meters = part("meters", "The meters as you see them");
  const results = part("results", "Results");
  const endNode = D.el("div", {});
  root.insertBefore(endNode, move.h.parentNode);

  function pending() {
    try { return JSON.parse(localStorage.getItem(storageKey) || "null"); } catch (err) { return null; }
  }
  function setPending(value) {
    if (value) localStorage.setItem(storageKey, JSON.stringify(value));
    else localStorage.removeItem(storageKey);
  }
  function submit(message) {
    setPending(message);
    D.fill(move.body, D.el("p", { role: "status", text: "Sending…" }));
    panel.formKey = "";
    send(message);
  }

  panel.resend = function () {
    const waiting = pending();
    if (waiting) send(waiting);
  };

  panel.ack = function (message) {
    const waiting = pending();
    if (waiting && waiting.key === message.key) {
      setPending(null);
      D.announce(waiting.type === "orders" ? "Your orders were received." : "Your answers were received.");
      panel.formKey = "";
      if (panel.data) panel.update(panel.data);
    }
  };

  panel.error = function (message) {
    const waiting = pending();
    if (waiting && message.key && waiting.key === message.key) {
      setPending(null);
      panel.formKey = "";
      if (panel.data) panel.update(panel.data);
    }
    const note = document.getElementById(`${p}move-error`);
    if (note) note.textContent = message.message;
    D.announce(message.message, true);
  };

  panel.draft = function (message) {
    panel.open = new Set(message.open);
    const left = document.getElementById(`${p}points-left`);
    if (left) left.textContent = `Points left: ${message.points_left}`;
    for (const box of move.body.querySelectorAll("input[type=checkbox]")) {
      const closed = !box.checked && !panel.open.has(box.value);
      box.disabled = closed;
      box.closest(".choice").classList.toggle("closed", closed);
      box.closest(".choice").querySelector(".state").textContent = closed ? " (not open now)" : "";
    }
  };

  function ordersForm(data) {
    panel.chosen = [];
    const families = [];
    for (const item of data.menu) {
      let group = families.find((f) => f.name === item.family);
      if (!group) { group = { name: item.family, items: [] }; families.push(group); }
      group.items.push(item);
    }
    const form = D.el("form", { "aria-describedby": `${p}orders-help` },
      D.el("p", { id: `${p}orders-help`, text: `Choose your actions in secret. You have ${data.points} points; each action costs 1 or 2. Offers go to their targets, who accept or decline.` }),
      families.map((group) => D.el("fieldset", {}, D.el("legend", { class: "family", text: group.name }),
        group.items.map((item, i) => {
          const id = `${p}a-${group.name.replace(/\W/g, "")}-${i}`;
          return D.el("div", { class: "choice" },
            D.el("input", { type: "checkbox", id, value: item.id, "aria-describedby": `${id}-d`,
              onchange: (e) => {
                if (e.target.checked) panel.chosen.push(item.id);
                else panel.chosen = panel.chosen.filter((c) => c !== item.id);
                send({ type: "draft", chosen: panel.chosen });
              } }),
            D.el("label", { for: id }, `[${item.cost} pt] ${item.label}`, item.offer ? " (an offer)" : "",
              D.el("span", { class: "state" }),
              D.el("span", { class: "desc", id: `${id}-d`, text: `${item.description} ${item.note}` })));
        }))),
      D.el("p", { id: `${p}points-left`, role: "status", text: `Points left: ${data.points}` }),
      D.el("p", { id: `${p}move-error`, class: "error", role: "alert" }),
      D.el("button", { type: "submit", text: "Give these orders" }));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      submit({ type: "orders", key: D.newKey(), actions: panel.chosen.slice() });
    });
    return form;
  }

  function answersForm(data) {
    const form = D.el("form", {},
      D.el("p", { text: "These offers were made to your delegation. Accept or decline each one, in secret." }),
      data.offers.map((offer, i) => D.el("fieldset", {}, D.el("legend", { text: offer.label }),
        D.el("p", { text: offer.description }), D.el("p", { class: "muted", text: offer.teaching_note }),
        D.el("div", { class: "choice" }, D.el("input", { type: "radio", name: `${p}o${i}`, id: `${p}o${i}-y`, value: "yes", required: true }),
          D.el("label", { for: `${p}o${i}-y`, text: "Accept" })),
        D.el("div", { class: "choice" }, D.el("input", { type: "radio", name: `${p}o${i}`, id: `${p}o${i}-n`, value: "no" }),
          D.el("label", { for: `${p}o${i}-n`, text: "Decline" })))),
      D.el("p", { id: `${p}move-error`, class: "error", role: "alert" }),
      D.el("button", { type: "submit", text: "Give these answers" }));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const decisions = {};
      data.offers.forEach((offer, i) => {
        const picked = form.querySelector(`input[name=${p}o${i}]:checked`);
        if (picked) decisions[offer.key] = picked.value === "yes";
      });
      if (Object.keys(decisions).length !== data.offers.length) {
        panel.error({ message: "Answer every offer: accept or decline." });
        return;
      }
      submit({ type: "answers", key: D.newKey(), decisions });
    });
    return form;
  }

  function waitingText(data) {
    if (data.phase === "over") return "The game is over.";
    if (pending()) return "Sending…";
    if (data.phase === "orders") return `Your orders are in (${data.orders.join("; ") || "no orders"}). Waiting for the other delegations.`;
    return "Waiting for the answers to this round's offers.";
  }

  function drawMove(data) {
    const key = `${data.round}|${data.phase}|${data.due}|${data.due ? "" : data.version}`;
    if (key === panel.formKey) return;
    panel.formKey = key;
    panel.open = null;
    if (data.due && !pending() && data.phase === "orders") D.fill(move.body, ordersForm(data));
    else if (data.due && !pending() && data.phase === "responses") D.fill(move.body, answersForm(data));
    else D.fill(move.body, D.el("p", { text: waitingText(data) }));
  }

  panel.update = function (data) {
    panel.data = data;
    D.fill(head, D.el("h1", { text: `${data.role_name}: ${data.title}` }),
      D.el("p", { class: "big", text: D.headline(data) }),
      D.el("p", { class: "muted", text: `Tension ${data.tension} (${data.band}). Your domestic support: ${data.support.find((s) => s.exact && s.role === data.role_name)?.low ?? "?"}.` }),
      p ? null : D.el("p", { class: "timer", id: "timer" }),
      data.paused ? D.el("p", { class: "banner", text: "The facilitator has paused the game." }) : null);
    if (!p) D.setTimer(document.getElementById("timer"), data.timer);
    drawMove(data);
    D.fill(event.body, D.eventCard(data.event), D.soFar(data.so_far));
    if (!brief.body.childElementCount) {
      D.fill(brief.body, D.el("details", {}, D.el("summary", { text: "Briefing" }),
        D.el("p", { text: data.description }), ...data.briefing.split(/\n\s*\n/).map((t) => D.el("p", { text: t }))),
      D.el("h3", { text: "Your private objectives" }),
      D.el("ul", {}, data.objectives.map((o) => D.el("li", { text: `${o.text} (${o.points} points)` }))));
    }
    D.fill(meters.body, D.meters(data));
    D.fill(results.body, D.records(data.records));
    D.fill(endNode, D.outcome(data.outcome));
    if (panel.lastRound !== null && data.round !== panel.lastRound && data.records.length) {
      D.announce(`Round ${data.records[0].round} revealed. Round ${data.round} begins: see Results.`);
    } else if (data.due && panel.lastDue === false) {
      D.announce(data.phase === "responses" ? "Offers arrived: your answers are needed." : "Your orders are needed.");
    }
    if (data.outcome && panel.lastRound !== null && !panel.ended) D.announce(`The game is over: ${data.outcome.name}.`);
    panel.ended = !!data.outcome;
    panel.lastRound = data.round;
    panel.lastDue = data.due;
  };
  return panel;
};

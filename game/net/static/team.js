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
  root.append(D.el("nav", { "aria-label": D.t("page_menu"), class: "bar" },
    [["move-h", "your_move"], ["event-h", "event"], ["brief-h", "briefing"], ["meters-h", "meters"],
      ["results-h", "results"]].map(([id, key]) => D.el("a", { href: `#${p}${id}`, text: D.t(key) }))));
  const move = part("move", D.t("your_move"));
  const event = part("event", D.t("round_event"));
  const brief = part("brief", D.t("brief_objectives"));
  const meters = part("meters", D.t("meters_yours"));
  const results = part("results", D.t("results"));
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
    D.fill(move.body, D.el("p", { role: "status", text: D.t("sending") }));
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
      if (waiting.type === "orders") sessionStorage.removeItem(draftKey);
      D.announce(D.t(waiting.type === "orders" ? "orders_received" : "answers_received"));
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

  /* The ticked orders of this round, kept in this tab (sessionStorage) so that a refusal, a
     pause, a reconnect or a reload never loses them. */
  const draftKey = `${storageKey}-draft`;
  function savedDraft(round) {
    try {
      const saved = JSON.parse(sessionStorage.getItem(draftKey) || "null");
      return saved && saved.round === round ? saved.chosen : [];
    } catch (err) { return []; }
  }
  function saveDraft() {
    if (panel.data) sessionStorage.setItem(draftKey, JSON.stringify({ round: panel.data.round, chosen: panel.chosen }));
  }
  function costOf(id) {
    const item = panel.data && panel.data.menu.find((m) => m.id === id);
    return item ? item.cost : 0;
  }
  function pointsLeft() {
    return panel.data.points - panel.chosen.reduce((sum, id) => sum + costOf(id), 0);
  }
  function setNote(text) {
    const note = document.getElementById(`${p}move-error`);
    if (note) note.textContent = text || "";
  }

  /* Each box: open, or closed with the reason in words (the server's, or too few points left,
     worked out here at once so that a fast hand can never tick more than the team has). */
  function markBoxes(closedWhy) {
    const left = pointsLeft();
    const counter = document.getElementById(`${p}points-left`);
    if (counter) counter.textContent = D.t("points_left", { n: left });
    for (const box of move.body.querySelectorAll("input[type=checkbox]")) {
      let why = "";
      if (!box.checked) {
        if (closedWhy && closedWhy[box.value]) why = closedWhy[box.value];
        else if (costOf(box.value) > left) why = D.t("too_few_points");
      }
      box.disabled = !!why;
      const choice = box.closest(".choice");
      choice.classList.toggle("closed", !!why);
      choice.querySelector(".state").textContent = why ? D.t("closed_why", { why }) : "";
    }
  }

  panel.draft = function (message) {
    panel.closed = message.closed || {};
    markBoxes(panel.closed);
  };

  function tick(box, item) {
    if (box.checked && item.cost > pointsLeft()) {
      box.checked = false;
      setNote(D.t("cannot_afford", { name: item.label, cost: item.cost, left: pointsLeft() }));
      return;
    }
    setNote("");
    if (box.checked) panel.chosen.push(item.id);
    else panel.chosen = panel.chosen.filter((c) => c !== item.id);
    saveDraft();
    // Until the server's reply: a tick only closes more; an untick reopens all but the round's closures.
    if (!box.checked) panel.closed = { ...panel.menuClosed };
    markBoxes(panel.closed);
    send({ type: "draft", chosen: panel.chosen });
  }

  function choiceRow(item, id) {
    const state = item.open ? "" : D.t("closed_why", { why: item.why });
    return D.el("div", { class: item.open ? "choice" : "choice closed" },
      D.el("input", { type: "checkbox", id, value: item.id, disabled: !item.open,
        checked: panel.chosen.includes(item.id), "aria-describedby": `${id}-m ${id}-d`,
        onchange: (e) => tick(e.target, item) }),
      D.el("div", {},
        D.el("label", { for: id, text: item.label }),
        D.el("span", { class: "meta", id: `${id}-m` }, D.t("cost_only", item),
          item.offer ? D.t(item.offer_to ? "offer_to" : "an_offer", { target: item.offer_to }) : "",
          D.el("span", { class: "state", text: state })),
        D.el("span", { class: "desc", id: `${id}-d` }, `${item.description} ${item.note}`, D.stakes(item))));
  }

  function ordersForm(data) {
    const ids = new Set(data.menu.filter((m) => m.open).map((m) => m.id));
    panel.menuClosed = Object.fromEntries(data.menu.filter((m) => !m.open).map((m) => [m.id, m.why]));
    panel.closed = { ...panel.menuClosed };
    panel.chosen = savedDraft(data.round).filter((id) => ids.has(id));
    while (panel.chosen.length && pointsLeft() < 0) panel.chosen.pop();
    const families = [];
    for (const item of data.menu) {
      let group = families.find((f) => f.name === item.family);
      if (!group) { group = { name: item.family, items: [] }; families.push(group); }
      group.items.push(item);
    }
    const form = D.el("form", { "aria-describedby": `${p}orders-help` },
      D.el("p", { id: `${p}orders-help`, text: D.t("orders_help", data) }),
      families.map((group) => D.el("fieldset", {}, D.el("legend", { class: "family", text: group.name }),
        group.items.map((item, i) => choiceRow(item, `${p}a-${group.name.replace(/\W/g, "")}-${i}`)))),
      D.el("p", { id: `${p}points-left`, role: "status", text: D.t("points_left", { n: pointsLeft() }) }),
      D.el("p", { id: `${p}move-error`, class: "error", role: "alert" }),
      D.el("button", { type: "submit", text: D.t("give_orders") }));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      if (pointsLeft() < 0) { setNote(D.t("over_budget")); return; }
      D.fill(move.body, confirmStep(data));
      move.body.querySelector("button").focus();
    });
    window.setTimeout(() => { markBoxes(panel.closed); if (panel.chosen.length) send({ type: "draft", chosen: panel.chosen }); }, 0);
    return form;
  }

  /* Orders end only on an explicit choice: a summary to confirm, or "give no orders". */
  function confirmStep(data) {
    const chosen = panel.chosen.slice();
    const labels = chosen.map((id) => (data.menu.find((m) => m.id === id) || { label: id }).label);
    const back = () => { panel.formKey = ""; drawMove(panel.data); };
    return D.el("div", { class: "card soft", role: "group", "aria-labelledby": `${p}confirm-h` },
      D.el("h3", { id: `${p}confirm-h`, text: D.t(chosen.length ? "confirm_orders" : "confirm_none") }),
      chosen.length ? D.el("ul", {}, labels.map((l) => D.el("li", { text: l })))
        : D.el("p", { text: D.t("none_help") }),
      D.el("div", { class: "bar" },
        D.el("button", { type: "button", text: D.t(chosen.length ? "send_orders" : "send_none"),
          onclick: () => submit(chosen.length ? { type: "orders", key: D.newKey(), actions: chosen }
            : { type: "orders", key: D.newKey(), actions: [], wait: true }) }),
        D.el("button", { type: "button", class: "secondary", text: D.t("back_to_menu"), onclick: back })));
  }

  function answersForm(data) {
    const form = D.el("form", {},
      D.el("p", { text: D.t("answers_help") }),
      data.offers.map((offer, i) => D.el("fieldset", {}, D.el("legend", { text: offer.label }),
        D.el("p", { text: offer.description }), D.el("p", { class: "muted", text: offer.teaching_note }),
        offer.backing_down === null ? null : D.el("p", { class: "stake", text: D.t("backing_down", { ...offer, support_label: data.support_label }) }),
        D.el("div", { class: "choice" }, D.el("input", { type: "radio", name: `${p}o${i}`, id: `${p}o${i}-y`, value: "yes", required: true }),
          D.el("label", { for: `${p}o${i}-y`, text: D.t("accept") })),
        D.el("div", { class: "choice" }, D.el("input", { type: "radio", name: `${p}o${i}`, id: `${p}o${i}-n`, value: "no" }),
          D.el("label", { for: `${p}o${i}-n`, text: D.t("decline") })))),
      D.el("p", { id: `${p}move-error`, class: "error", role: "alert" }),
      D.el("button", { type: "submit", text: D.t("give_answers") }));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const decisions = {};
      data.offers.forEach((offer, i) => {
        const picked = form.querySelector(`input[name=${p}o${i}]:checked`);
        if (picked) decisions[offer.key] = picked.value === "yes";
      });
      if (Object.keys(decisions).length !== data.offers.length) {
        panel.error({ message: D.t("answer_all") });
        return;
      }
      submit({ type: "answers", key: D.newKey(), decisions });
    });
    return form;
  }

  function waitingText(data) {
    if (data.phase === "over") return D.t("game_over");
    if (pending()) return D.t("sending");
    if (data.phase === "orders") return D.t("orders_in", { orders: data.orders.join("; ") || D.t("no_orders") });
    return D.t("waiting_answers");
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
    const own = data.support.find((s) => s.exact && s.role === data.role_name);
    D.fill(head, D.el("h1", { text: D.t("team_title", { role: data.role_name, title: data.title }) }),
      D.el("p", { class: "big", text: D.headline(data) }),
      D.el("p", { class: "muted", text: D.t("team_status", { tension: data.tension, band: data.band, support: own ? own.low : "?" }) }),
      p ? null : D.el("p", { class: "timer", id: "timer" }),
      data.paused ? D.el("p", { class: "banner", text: D.t("paused") }) : null);
    if (!p) D.setTimer(document.getElementById("timer"), data.timer);
    drawMove(data);
    if (panel.lastPaused !== undefined && panel.lastPaused !== data.paused) {  // a refusal belongs to its pause
      setNote("");
      D.clearAlert();
    }
    panel.lastPaused = data.paused;
    D.fill(event.body, D.eventCards(data), D.soFar(data.so_far));
    if (!brief.body.childElementCount) {
      D.fill(brief.body, D.el("details", { open: data.round === 1 }, D.el("summary", { text: D.t("briefing") }),
        D.el("p", { text: data.description }), ...data.briefing.split(/\n\s*\n/).map((t) => D.el("p", { text: t }))),
      D.el("h3", { text: D.t("objectives") }),
      D.el("ul", {}, data.objectives.map((o) => D.el("li", { text: D.t("objective", o) }))));
    }
    D.fill(meters.body, D.meters(data));
    D.fill(results.body, D.records(data.records));
    D.fill(endNode, D.outcome(data.outcome));
    if (panel.lastRound !== null && data.round !== panel.lastRound && data.records.length) {
      D.announce(D.t("live_revealed", { revealed: data.records[0].round, round: data.round }));
    } else if (data.due && panel.lastDue === false) {
      D.announce(D.t(data.phase === "responses" ? "live_offers" : "live_orders"));
    }
    if (data.outcome && panel.lastRound !== null && !panel.ended) D.announce(D.t("live_over", data.outcome));
    panel.ended = !!data.outcome;
    panel.lastRound = data.round;
    panel.lastDue = data.due;
  };
  return panel;
};

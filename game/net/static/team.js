/* A team's panel: the round's event, its objectives, what changed, its orders and answers,
   the meters and each round's results. Used by the team page (a device team) and by the
   host page (a hot-seat team after a hand-off).

   The panel is a list of parts in reading order (`PARTS`); each draws itself from the
   state and is drawn again only when what it shows changes. A new part (talks between
   delegations, say) is one more entry. A submission is kept in localStorage with its key
   until the server acknowledges it, and is sent again with the same key after a
   reconnect, so it is applied exactly once. */
"use strict";

/* options: {prefix: ids in this panel ("" on the team page), level: the title's heading level,
   storageKey: where the panel keeps what it has not yet had acknowledged}. */
D.TeamPanel = function (root, send, options) {
  const p = options.prefix || "", level = options.level || 1, storageKey = options.storageKey;
  const panel = { data: null, formKey: "", chosen: [], lastRound: null, lastDue: null };
  const head = D.el("div", { class: "team-head" });
  const endNode = D.el("div", {});
  const nav = D.el("nav", { "aria-label": D.t("page_menu"), class: "bar page-menu" });
  root.append(head, nav, endNode);
  const parts = {};

  /* One part of the panel: a section with its heading and a body drawn by `draw(data)`
     whenever `key(data)` changes. */
  function part(id, titleKey, draw, key) {
    const h = D.h(level + 1, { id: `${p}${id}-h`, tabindex: "-1", text: D.t(titleKey) });
    const body = D.el("div", { id: `${p}${id}-body` });
    const section = D.el("section", { "aria-labelledby": `${p}${id}-h`, class: `part part-${id}` }, h, body);
    const link = D.el("a", { href: `#${p}${id}-h`, text: D.t(`${titleKey}_short`) });
    root.append(section);
    nav.append(link);
    parts[id] = { h, body, draw, key, section, link };
    return parts[id];
  }

  const PARTS = [
    ["event", "round_event", (d) => [D.eventCards(d, level + 2), D.soFar(d.so_far, level + 2)],
      (d) => [d.event, d.brought_in, d.so_far]],
    ["objectives", "objectives", drawObjectives, (d) => [d.objectives, d.briefing]],
    ["changes", "what_changed", drawChanges, (d) => d.records[0] || null],
    ["move", "your_move", null, null],
    ["talks", "talks_part", (d) => drawTalks(d), (d) => [d.talks, panel.talkKey]],
    ["meters", "meters_yours", (d) => D.meters(d, level + 2, p),
      (d) => [d.tension, d.band, d.breakdown, d.trust, d.support, d.milestones, d.commitments, d.demands]],
    ["results", "results", (d) => D.records(d.records, false, level + 2), (d) => d.records],
  ];
  for (const [id, title, draw, key] of PARTS) part(id, title, draw, key);
  const move = parts.move;

  function drawObjectives(data) {
    return [D.el("ul", {}, data.objectives.map((o) => D.el("li", { text: D.t("objective", o) }))),
      D.el("details", { key: "briefing" },
        D.el("summary", { text: D.t("read_briefing") }),
        D.el("p", { text: data.description }), ...data.briefing.split(/\n\s*\n/).map((t) => D.el("p", { text: t })))];
  }

  function drawChanges(data) {
    const last = data.records[0];
    if (!last) return D.el("p", { class: "muted", text: D.t("nothing_changed") });
    return [D.el("p", {}, D.el("strong", { text: D.t("changed_in", last) })), D.ledger(last.ledger)];
  }

  function pending() {
    try { return JSON.parse(localStorage.getItem(storageKey) || "null"); } catch (err) { return null; }
  }
  function setPending(value) {
    if (value) localStorage.setItem(storageKey, JSON.stringify(value));
    else localStorage.removeItem(storageKey);
  }
  /* After sending: the move part says so, and the focus goes to that line. */
  function submit(message) {
    setPending(message);
    D.patch(move.body, statusLine(D.t("sending")));
    panel.formKey = "";
    D.focus(document.getElementById(`${p}move-status`));
    send(message);
  }
  function statusLine(text) {
    return D.el("p", { id: `${p}move-status`, class: "move-status", tabindex: "-1", text });
  }

  panel.resend = function () {
    const waiting = pending();
    if (waiting) send(waiting);
    const talking = talkPending();
    if (talking) sendTalk(talking);
  };

  panel.ack = function (message) {
    const talking = talkPending();
    if (talking && talking.key === message.key) {
      setTalkPending(null);
      if (talking.kind === "counter" || talking.kind === "propose") panel.counterRef = 0;
      talkNote("");
      D.announce(D.t("talk_sent"));
      redrawTalks();
      return;
    }
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
    const talking = talkPending();
    if (talking && message.key && talking.key === message.key) {
      setTalkPending(null);
      redrawTalks();
      talkNote(message.message);
      D.announce(message.message, true);
      return;
    }
    const waiting = pending();
    if (waiting && message.key && waiting.key === message.key) {
      setPending(null);
      panel.formKey = "";
      if (panel.data) panel.update(panel.data);
    }
    setNote(message.message);
    D.announce(message.message, true);
  };

  /* --- the talks: packages proposed, answered, countered and withdrawn ----------------
     A message is kept in localStorage with its key until the server answers, and sent
     again with the same key after a reconnect or a reload: it is applied once. The
     choices of the form live in the panel, so that news (a proposal arriving) redraws the
     part without losing a half-made package. */
  const talkKey = `${storageKey}-talk`;
  const sendTalk = options.talk || send;
  panel.choice = {}; panel.toChosen = []; panel.counterRef = 0; panel.talkKey = 0;
  function talkPending() {
    try { return JSON.parse(localStorage.getItem(talkKey) || "null"); } catch (err) { return null; }
  }
  function setTalkPending(value) {
    if (value) localStorage.setItem(talkKey, JSON.stringify(value));
    else localStorage.removeItem(talkKey);
  }
  function talkNote(text) {
    const note = document.getElementById(`${p}talk-error`);
    if (note) note.textContent = text || "";
  }
  function redrawTalks() {
    panel.talkKey += 1;
    if (panel.data) D.section(parts.talks.body, parts.talks.key(panel.data), () => drawTalks(panel.data));
  }
  function talk(kind, ref, extra) {
    if (talkPending()) { talkNote(D.t("talk_wait")); return; }
    const message = { type: "talk", key: D.newKey(), kind, ref: ref || 0, to: [], terms: {}, ...(extra || {}) };
    setTalkPending(message);
    talkNote("");
    redrawTalks();
    sendTalk(message);
  }
  function counter(item) {
    panel.counterRef = item.id;
    panel.choice = { ...item.terms };
    redrawTalks();
    D.focus(document.getElementById(`${p}talk-form-h`));
  }
  function proposalCard(item, answering, closed, busy) {
    const id = `${p}talk-${item.id}`;
    const head = answering ? D.t("talk_from", { heading: item.heading, sender: item.sender_name })
      : D.t("talk_to", { heading: item.heading, to: item.to_names.join(", ") });
    const buttons = answering
      ? [D.el("button", { type: "button", id: `${id}-accept`, disabled: !!(closed || busy || item.accept_closed),
        "aria-describedby": item.accept_closed ? `${id}-why` : null,
        text: D.t("talk_accept", item), onclick: () => talk("accept", item.id) }),
      D.el("button", { type: "button", class: "secondary", disabled: !!(closed || busy),
        text: D.t("talk_counter", item), onclick: () => counter(item) }),
      D.el("button", { type: "button", class: "secondary", disabled: !!(closed || busy),
        text: D.t("talk_decline", item), onclick: () => talk("decline", item.id) })]
      : [D.el("button", { type: "button", class: "secondary", disabled: !!(closed || busy),
        text: D.t("talk_withdraw", item), onclick: () => talk("withdraw", item.id) })];
    return D.el("div", { class: "card proposal", key: `${answering ? "w" : "m"}-${item.id}`, role: "group",
      "aria-labelledby": `${id}-h` },
    D.h(level + 3, { id: `${id}-h`, text: head }),
    D.el("ul", {}, item.lines.map((line) => D.el("li", { text: line }))),
    D.el("p", { class: "trade", text: item.trade }),
    [item.worth, ...(item.warnings || [])].filter((line) => line).map((line) => D.el("p", { class: "stake", text: line })),
    item.waiting.length ? D.el("p", { class: "muted", text: D.t("talk_waiting", { names: item.waiting.join(", ") }) }) : null,
    item.accept_closed ? D.el("p", { class: "stake", id: `${id}-why`, text: D.t("closed_why", { why: item.accept_closed }) }) : null,
    D.el("div", { class: "bar" }, buttons));
  }
  function talkForm(t, closed, busy) {
    const countering = t.waiting.find((w) => w.id === panel.counterRef);
    if (!countering) panel.counterRef = 0;
    for (const issue of t.issues) {
      const open = issue.options.filter((o) => !o.closed).map((o) => o.id);
      if (!open.includes(panel.choice[issue.id])) panel.choice[issue.id] = open[0] || issue.options[0].id;
    }
    panel.toChosen = panel.toChosen.filter((r) => t.parties.some((party) => party.id === r));
    /* The handler goes through D.el (onsubmit), never addEventListener: D.patch keeps the form
       already in the page, and only an `on...` handler is handed over to it, so a counter made
       after a proposal is sent as a counter. */
    const onsubmit = (e) => {
      e.preventDefault();
      if (countering) { talk("counter", countering.id, { terms: { ...panel.choice } }); return; }
      if (!panel.toChosen.length) { talkNote(D.t("talk_pick_to")); return; }
      talk("propose", 0, { to: panel.toChosen.slice(), terms: { ...panel.choice } });
    };
    return D.el("form", { class: "talk-form", "aria-labelledby": `${p}talk-form-h`, onsubmit },
      D.h(level + 2, { id: `${p}talk-form-h`, tabindex: "-1",
        text: countering ? D.t("talk_counter_title", countering) : D.t("talk_propose_title") }),
      D.el("p", { class: "muted", text: D.t(countering ? "talk_counter_help" : "talk_propose_help") }),
      t.issues.map((issue) => {
        const id = `${p}issue-${issue.id}`;
        return D.el("div", { class: "issue", key: id },
          D.el("label", { for: id, text: `${issue.number}. ${issue.name}` }),
          issue.description ? D.el("p", { class: "muted", id: `${id}-d`, text: issue.description }) : null,
          D.el("select", { id, name: issue.id, value: panel.choice[issue.id], disabled: !!closed,
            "aria-describedby": issue.description ? `${id}-d` : null,
            onchange: (e) => {
              panel.choice[issue.id] = e.target.value;
              const old = document.getElementById(`${p}talk-sum`);
              if (old) old.replaceWith(packageSummary(t));
            } },
          issue.options.map((o) => D.el("option", { value: o.id, disabled: !!o.closed,
            text: (o.closed ? D.t("talk_option_closed", o) : `${o.number}. ${o.name}`)
              + ` (${D.t("talk_option_value", o)})` }))));
      }),
      packageSummary(t),
      countering ? null : D.el("fieldset", {}, D.el("legend", { text: D.t("talk_to_legend") }),
        t.parties.map((party) => D.el("div", { class: "choice", key: party.id },
          D.el("input", { type: "checkbox", id: `${p}to-${party.id}`, value: party.id, disabled: !!closed,
            checked: panel.toChosen.includes(party.id),
            onchange: (e) => {
              panel.toChosen = panel.toChosen.filter((r) => r !== party.id);
              if (e.target.checked) panel.toChosen.push(party.id);
            } }),
          D.el("label", { for: `${p}to-${party.id}`, text: party.name })))),
      D.el("div", { class: "bar" },
        D.el("button", { type: "submit", id: `${p}talk-send`, disabled: !!(closed || busy),
          text: D.t(countering ? "talk_send_counter" : "talk_send_proposal") }),
        countering ? D.el("button", { type: "button", class: "secondary", text: D.t("talk_cancel_counter"),
          onclick: () => { panel.counterRef = 0; redrawTalks(); } }) : null));
  }
  /* What the package being built is worth to this team against its walk-away value, what
     its options' ratification puts at stake and what it binds each side to: the team's own
     values only, in the words of game/words/talk_stakes.py. */
  function packageSummary(t) {
    const chosen = t.issues.map((issue) => issue.options.find((o) => o.id === panel.choice[issue.id]) || issue.options[0]);
    const value = chosen.reduce((sum, o) => sum + (o.value || 0), 0);
    const away = t.walk_away;
    const compare = value > away ? "talk_better" : value < away ? "talk_worse" : "talk_same";
    const binds = chosen.flatMap((o) => o.binds || []);
    return D.el("div", { id: `${p}talk-sum`, class: "card package-sum", role: "status" },
      D.el("p", { class: "stake", text: `${D.t("talk_worth", { value, away })} ${D.t(compare)}` }),
      chosen.filter((o) => o.ratify).map((o) => D.el("p", { class: "stake", text: o.ratify })),
      binds.length ? D.el("ul", {}, binds.map((line) => D.el("li", { text: line })))
        : D.el("p", { class: "muted", text: D.t("talk_binds_none") }));
  }
  function drawTalks(data) {
    const t = data.talks;
    if (!t) return null;
    const busy = !!talkPending();
    const closed = t.closed;
    const list = (items) => D.el("ul", {}, items.map((line) => D.el("li", { text: line })));
    return [
      D.el("p", { id: `${p}talk-error`, class: "error", role: "alert" }),
      busy ? D.el("p", { class: "move-status", role: "status", text: D.t("sending") }) : null,
      closed ? D.el("p", { class: "stake", text: D.t("talk_closed", { why: closed }) })
        : D.el("p", { class: "muted", text: D.t("talk_left", { n: t.left }) }),
      t.sent ? D.el("p", { class: "move-status", text: t.sent }) : null,
      t.walk_away_line ? D.el("p", { class: "stake", text: t.walk_away_line }) : null,
      (t.demand_notes || []).map((line) => D.el("p", { class: "stake", text: line })),
      t.reasons.length ? [D.h(level + 2, { text: D.t("talk_reasons_title") }), list(t.reasons)] : null,
      D.h(level + 2, { text: D.t("talk_waiting_title") }),
      t.waiting.length ? t.waiting.map((item) => proposalCard(item, true, closed, busy))
        : D.el("p", { class: "muted", text: D.t("talk_none_waiting") }),
      talkForm(t, closed, busy),
      D.h(level + 2, { text: D.t("talk_mine_title") }),
      t.mine.length ? t.mine.map((item) => proposalCard(item, false, closed, busy))
        : D.el("p", { class: "muted", text: D.t("talk_none_mine") }),
      D.h(level + 2, { text: D.t("talk_history_title") }),
      t.history.length ? list(t.history) : D.el("p", { class: "muted", text: D.t("talk_no_history") }),
      D.h(level + 2, { text: D.t("talk_agreement_title") }),
      D.el("p", { text: t.agreement }),
      t.terms.length ? list(t.terms) : null,
    ];
  }

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

  /* One order. Its description is given once per action (the same action toward another
     delegation points to it), and a closed order gives only its reason, so that the menu
     stays short on a phone. */
  function choiceRow(item, id, describedAt) {
    const state = item.open ? "" : D.t("closed_why", { why: item.why });
    const own = !describedAt && item.open;
    const stakes = item.open ? D.stakes(item) : null;
    if (stakes) stakes.id = `${id}-s`;
    const describedBy = [`${id}-m`, own ? `${id}-d` : describedAt, stakes ? `${id}-s` : null].filter(Boolean).join(" ");
    return D.el("div", { class: item.open ? "choice" : "choice closed" },
      D.el("input", { type: "checkbox", id, value: item.id, disabled: !item.open,
        checked: panel.chosen.includes(item.id), "aria-describedby": describedBy,
        onchange: (e) => tick(e.target, item) }),
      D.el("div", {},
        D.el("label", { for: id, text: `${item.number}. ${item.label}` }),
        D.el("span", { class: "meta", id: `${id}-m` }, D.t("cost_only", item),
          item.offer ? D.t(item.offer_to ? "offer_to" : "an_offer", { target: item.offer_to }) : "",
          D.el("span", { class: "state", text: state })),
        own ? D.el("details", { class: "about", open: wide() }, D.el("summary", { text: D.t("what_it_does") }),
          D.el("span", { class: "desc", id: `${id}-d` }, `${item.description} ${item.note}`)) : null,
        stakes));
  }

  /* On a wide screen what each order does is shown; on a phone it is a fold to open. */
  const wide = () => window.matchMedia("(min-width: 40rem)").matches;

  /* Each family's orders, the description of an action kept with its first open row. */
  function familyRows(group) {
    const described = {};
    return group.items.map((item) => {
      const id = `${p}a-${item.number}`;
      const row = choiceRow(item, id, described[item.name]);
      if (item.open && !described[item.name]) described[item.name] = `${id}-d`;
      return row;
    });
  }

  /* The send bar stays at the foot of the screen while the menu scrolls past it. */
  function sendBar(buttonKey) {
    return D.el("div", { class: "sendbar" },
      buttonKey === "give_orders" ? D.el("p", { id: `${p}points-left`, role: "status", text: D.t("points_left", { n: pointsLeft() }) }) : null,
      D.el("p", { id: `${p}move-error`, class: "error", role: "alert" }),
      D.el("button", { type: "submit", id: `${p}send`, text: D.t(buttonKey) }));
  }

  function ordersForm(data) {
    const ids = new Set(data.menu.filter((m) => m.open).map((m) => m.id));
    panel.menuClosed = Object.fromEntries(data.menu.filter((m) => !m.open).map((m) => [m.id, m.why]));
    panel.closed = { ...panel.menuClosed };
    panel.chosen = savedDraft(data.round).filter((id) => ids.has(id));
    while (panel.chosen.length && pointsLeft() < 0) panel.chosen.pop();
    const families = [];
    /* The server's items in the server's order and numbers (the same as the window's and
       the text mode's): a family's heading starts each run of its items, never regroups them. */
    for (const item of data.menu) {
      let group = families[families.length - 1];
      if (!group || group.name !== item.family) { group = { name: item.family, items: [] }; families.push(group); }
      group.items.push(item);
    }
    const onsubmit = (e) => {  // through D.el, so that a form D.patch keeps gets this round's handler
      e.preventDefault();
      if (pointsLeft() < 0) { setNote(D.t("over_budget")); return; }
      D.patch(move.body, confirmStep(data));
      move.body.querySelector("button").focus();
    };
    const form = D.el("form", { "aria-describedby": `${p}orders-help`, class: "orders", onsubmit },
      D.el("p", { id: `${p}orders-help`, text: D.t("orders_help", data) }),
      families.map((group) => D.el("fieldset", {}, D.el("legend", { class: "family", text: group.name }),
        familyRows(group))),
      sendBar("give_orders"));
    window.setTimeout(() => { markBoxes(panel.closed); if (panel.chosen.length) send({ type: "draft", chosen: panel.chosen }); }, 0);
    return form;
  }

  /* Orders end only on an explicit choice: a summary to confirm, or "give no orders". */
  function confirmStep(data) {
    const chosen = panel.chosen.slice();
    const labels = chosen.map((id) => (data.menu.find((m) => m.id === id) || { label: id }).label);
    const back = () => {
      panel.formKey = "";
      drawMove(panel.data);
      D.focus(document.getElementById(`${p}send`));
    };
    return D.el("div", { class: "card soft", role: "group", "aria-labelledby": `${p}confirm-h` },
      D.h(level + 2, { id: `${p}confirm-h`, text: D.t(chosen.length ? "confirm_orders" : "confirm_none") }),
      chosen.length ? D.el("ul", {}, labels.map((l) => D.el("li", { text: l })))
        : D.el("p", { text: D.t("none_help") }),
      D.el("div", { class: "bar" },
        D.el("button", { type: "button", text: D.t(chosen.length ? "send_orders" : "send_none"),
          onclick: () => submit(chosen.length ? { type: "orders", key: D.newKey(), actions: chosen }
            : { type: "orders", key: D.newKey(), actions: [], wait: true }) }),
        D.el("button", { type: "button", class: "secondary", text: D.t("back_to_menu"), onclick: back })));
  }

  /* The answers, like the orders, go only after a review: "Send these answers?" with each
     answer in words, "Confirm" to send them and "Change" (the default) back to the form with
     the answers as they were. The chosen answers live in the panel (panel.answers). */
  function answersForm(data) {
    const keys = data.offers.map((o) => o.key);
    if (!panel.answers || panel.answers.round !== data.round || panel.answers.keys !== keys.join("|")) {
      panel.answers = { round: data.round, keys: keys.join("|"), picked: {} };
    }
    const picked = panel.answers.picked;
    const radio = (i, offer, yes) => D.el("div", { class: "choice" },
      D.el("input", { type: "radio", name: `${p}o${i}`, id: `${p}o${i}-${yes ? "y" : "n"}`, value: yes ? "yes" : "no",
        required: yes, checked: picked[offer.key] === yes, onchange: () => { picked[offer.key] = yes; } }),
      D.el("label", { for: `${p}o${i}-${yes ? "y" : "n"}`, text: D.t(yes ? "accept" : "decline") }));
    const onsubmit = (e) => {  // through D.el, so that a form D.patch keeps gets these offers' handler
      e.preventDefault();
      if (!keys.every((k) => k in picked)) {
        panel.error({ message: D.t("answer_all") });
        return;
      }
      D.patch(move.body, answersReview(data));
      move.body.querySelector("button").focus();
    };
    return D.el("form", { onsubmit },
      D.el("p", { text: D.t("answers_help") }),
      data.offers.map((offer, i) => D.el("fieldset", {}, D.el("legend", { text: offer.number ? `${offer.number}. ${offer.label}` : offer.label }),
        D.el("p", { text: offer.description }), D.el("p", { class: "muted", text: offer.teaching_note }),
        offer.backing_down === null ? null : D.el("p", { class: "stake", text: D.t("backing_down", { ...offer, support_label: data.support_label }) }),
        radio(i, offer, true), radio(i, offer, false))),
      sendBar("give_answers"));
  }

  function answersReview(data) {
    const picked = { ...panel.answers.picked };
    const back = () => {
      panel.formKey = "";
      drawMove(panel.data);
      D.focus(document.getElementById(`${p}send`));
    };
    return D.el("div", { class: "card soft", role: "group", "aria-labelledby": `${p}confirm-h` },
      D.h(level + 2, { id: `${p}confirm-h`, text: D.t("confirm_answers") }),
      D.el("ul", {}, data.offers.map((o) => D.el("li", {
        text: D.t(picked[o.key] ? "answer_accept" : "answer_decline", { maker: o.maker, action: o.action_label }) }))),
      D.el("div", { class: "bar" },
        D.el("button", { type: "button", id: `${p}confirm-send`, text: D.t("send_answers"),
          onclick: () => submit({ type: "answers", key: D.newKey(), decisions: picked }) }),
        D.el("button", { type: "button", class: "secondary", text: D.t("change_answers"), onclick: back })));
  }

  function waitingText(data) {
    if (data.phase === "over") return D.t("game_over");
    if (pending()) return D.t("sending");
    if (data.phase === "orders") return D.t("orders_in", { orders: data.orders.join("; ") || D.t("no_orders") });
    return D.t("waiting_answers");
  }

  /* The move part is drawn again only when the round, the phase or what is due changes, so
     that ticks and a half-made choice survive every other update. A reader whose focus was
     in it keeps their place at the part's heading. */
  function drawMove(data) {
    const key = `${data.round}|${data.phase}|${data.due}|${data.due ? "" : data.version}`;
    if (key === panel.formKey) return;
    panel.formKey = key;
    const hadFocus = move.body.contains(document.activeElement);
    if (data.due && !pending() && data.phase === "orders") D.patch(move.body, ordersForm(data));
    else if (data.due && !pending() && data.phase === "responses") D.patch(move.body, answersForm(data));
    else D.patch(move.body, statusLine(waitingText(data)));
    if (hadFocus && !move.body.contains(document.activeElement)) D.focus(move.h);
  }

  function drawHead(data) {
    const own = data.support.find((s) => s.exact && s.role === data.role_name);
    const table = data.table && data.table.count > 1 ? data.table.label : null;
    D.patch(head, D.h(level, { text: D.t("team_title", { role: data.role_name, title: data.title }) }),
      table ? D.el("p", { class: "muted", text: table }) : null,
      D.el("p", { class: "big", text: D.headline(data) }),
      D.el("p", { class: "muted", text: D.t("team_status", { tension: data.tension, band: data.band, support: own ? own.low : "?" }) }),
      p ? null : D.el("p", { class: "timer", id: "timer" }),
      data.paused ? D.el("p", { class: "banner", text: D.t("paused") }) : null);
    if (!p) D.setTimer(document.getElementById("timer"), data.timer);
  }

  panel.update = function (data) {
    panel.data = data;
    drawHead(data);
    drawMove(data);
    if (panel.lastPaused !== undefined && panel.lastPaused !== data.paused) {  // a refusal belongs to its pause
      setNote("");
      D.clearAlert();
    }
    panel.lastPaused = data.paused;
    parts.talks.section.hidden = parts.talks.link.hidden = !data.talks;  // a case without talks: no panel
    for (const item of Object.values(parts)) if (item.draw) D.section(item.body, item.key(data), () => item.draw(data));
    D.section(endNode, data.outcome, () => D.outcome(data.outcome, false, level + 1, p));
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

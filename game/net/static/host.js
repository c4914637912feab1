/* The facilitator's page: every table at a glance, more tables, and the controls (pause,
   the talks timer, events, undo, end, joining) for the table shown or for every table;
   the shown table's seats, links, devices and hot-seat teams. The PIN stays in this tab
   (sessionStorage) and leaves the address bar. */
"use strict";

(function () {
  const byId = (id) => document.getElementById(id);
  let conn = null, data = null, hot = null, hotRole = null, first = true, stateKey = "", focusNext = null;
  let target = "one";  // the controls act on the table shown ("one") or on every table ("all")
  const form = { scenario: null, count: 1, seed: "", rounds: "", seats: {} };
  const match = location.hash.match(/pin=(\d+)/);
  if (match) { sessionStorage.setItem("detente-pin", match[1]); history.replaceState(null, "", location.pathname); }

  function command(name, arg) {
    conn.send({ type: "command", command: name, arg, table: target === "all" ? "all" : data.desk.table.id });
  }
  function reply(text, bad) {
    const r = byId("reply");
    r.textContent = text;
    r.className = bad ? "reply error" : "reply ok";
  }
  const several = () => data.desk.tables.length > 1;
  const ask = (key, values, then) => () => { if (confirm(D.t(key, values))) then(); };

  /* --- the class at a glance -------------------------------------------------------- */
  function devicesLine(t) {
    return t.teams.map((team) => (team.kind === "device" ? D.t(team.devices ? "devices_n" : "devices_none", team)
      : D.t(team.kind === "ai" ? "devices_ai" : "devices_hotseat", team))).join(" · ");
  }
  function glanceCard(t) {
    const isShown = t.id === data.desk.table.id;
    return D.el("article", { class: isShown ? "card glance shown" : "card glance", key: `t-${t.id}`,
      "aria-labelledby": `t-${t.id}-h`, "aria-current": isShown ? "true" : null },
      D.h(3, { id: `t-${t.id}-h`, text: D.t("glance_title", t) }),
      D.el("p", { class: "glance-round", text: D.t("glance_round", { ...t, phase: D.t(`phase_${t.phase}`) }) }),
      t.over ? D.el("p", { text: D.t("glance_over", t) })
        : D.el("p", { text: t.waiting.length ? D.t("glance_waiting", { names: t.waiting.join(", ") }) : D.t("glance_none_waiting") }),
      D.el("p", { text: D.t("glance_tension", t) }),
      D.el("p", { text: D.t("glance_devices", { devices: devicesLine(t) }) }),
      t.over ? null : D.el("p", { class: "glance-timer", "data-clock": t.id }),
      t.paused ? D.el("p", { class: "banner", text: D.t("paused_short") }) : null,
      D.el("div", { class: "bar" },
        isShown ? D.el("p", { class: "muted", text: D.t("shown_below") })
          : D.el("button", { type: "button", class: "secondary", text: D.t("look_at", t), onclick: () => show(t.id) }),
        D.el("a", { href: `/board/${t.id}`, target: "_blank", text: D.t("board_of", t) })));
  }
  function show(id) {
    if (hot) handBack(false);
    D.patch(byId("teamlink"));
    focusNext = "table";
    conn.send({ type: "show", table: id });
  }

  /* --- more tables ---------------------------------------------------------------------- */
  function newTableForm() {
    const scenarios = data.desk.scenarios;
    if (!form.scenario) form.scenario = scenarios[0] && scenarios[0].file;
    const chosen = scenarios.find((s) => s.file === form.scenario) || scenarios[0];
    const room = data.desk.max_tables - data.desk.tables.length;
    if (room <= 0) return D.el("p", { text: D.t("tables_full", { n: data.desk.max_tables }) });
    const kinds = ["device", "hotseat", ...data.personas];
    const field = (id, label, input) => D.el("p", {}, D.el("label", { for: id, text: D.t(label) }), D.el("br", {}), input);
    /* Through D.el (onsubmit): D.patch keeps the form in the page, and hands it only `on...`
       handlers, so the scenario chosen last is the one started. */
    const onsubmit = (e) => {
      e.preventDefault();
      const number = (text) => (String(text).trim() === "" ? null : Number(text));
      focusNext = "reply";
      conn.send({ type: "new_tables", scenario: chosen.file, count: number(form.count) || 1,
        seed: number(form.seed), rounds: number(form.rounds),
        seats: Object.fromEntries(chosen.roles.map((r) => [r.id, form.seats[r.id] || "device"])) });
    };
    return D.el("form", { class: "new-table", onsubmit },
      field("nt-scenario", "nt_scenario", D.el("select", { id: "nt-scenario", value: chosen.file,
        onchange: (e) => { form.scenario = e.target.value; form.seats = {}; drawNewTable(); } },
        scenarios.map((s) => D.el("option", { value: s.file, text: s.title })))),
      field("nt-count", "nt_count", D.el("input", { type: "number", id: "nt-count", min: "1", max: String(room), class: "narrow",
        value: String(Math.min(form.count, room)), oninput: (e) => { form.count = e.target.value; } })),
      field("nt-seed", "nt_seed", D.el("input", { type: "number", id: "nt-seed", min: "0", class: "narrow", value: form.seed,
        "aria-describedby": "nt-seed-help", oninput: (e) => { form.seed = e.target.value; } })),
      D.el("p", { id: "nt-seed-help", class: "muted", text: D.t("nt_seed_help") }),
      field("nt-rounds", "nt_rounds", D.el("input", { type: "number", id: "nt-rounds", min: "1", max: "40", class: "narrow",
        value: form.rounds, placeholder: String(chosen.rounds), oninput: (e) => { form.rounds = e.target.value; } })),
      D.el("fieldset", {}, D.el("legend", { text: D.t("nt_seats") }),
        chosen.roles.map((r) => field(`nt-seat-${r.id}`, D.t("new_seat", r), D.el("select", { id: `nt-seat-${r.id}`,
          value: form.seats[r.id] || "device", onchange: (e) => { form.seats[r.id] = e.target.value; } },
        kinds.map((k) => D.el("option", { value: k, text: seatName(k, r.personas) })))))),
      D.el("button", { type: "submit", text: D.t("nt_start") }));
  }
  function drawNewTable() { D.patch(byId("new-table"), newTableForm()); }
  /* A seat in words: an AI seat by the neutral label of its position (`labels`: persona id ->
     label for that delegation), never by the persona's id. */
  function seatName(kind, labels) {
    if (kind === "device") return D.t("device");
    if (kind === "hotseat") return D.t("hotseat");
    return D.t("ai_seat", { persona: (labels && labels[kind]) || D.t("ai_other") });
  }

  /* --- the controls ------------------------------------------------------------------------ */
  function controls() {
    const all = target === "all";
    const over = all ? data.desk.tables.every((x) => x.over) : !!data.outcome;
    const off = { disabled: over };
    /* Once a package is agreed the talks are over for every delegation: no timer to run. */
    const talksOver = !all && data.talks_over;
    const timerOff = { disabled: over || !!talksOver };
    const events = D.el("select", { id: "event", ...off }, data.events.map((e) => D.el("option", { value: e.id, text: e.title })));
    const targetPick = several() ? D.el("p", {}, D.el("label", { for: "target", text: D.t("apply_to") }), " ",
      D.el("select", { id: "target", value: target, onchange: (e) => { target = e.target.value; update(data); } },
        D.el("option", { value: "one", text: D.t("apply_one", { table: data.desk.table.label }) }),
        D.el("option", { value: "all", text: D.t("apply_all", { n: data.desk.tables.length }) }))) : null;
    return [targetPick, D.el("div", { class: "bar" },
      all ? [D.el("button", { type: "button", id: "pause", onclick: () => command("pause"), text: D.t("pause_all"), ...off }),
        D.el("button", { type: "button", id: "resume", onclick: () => command("resume"), text: D.t("resume_all"), ...off })]
        : D.el("button", { type: "button", id: "pause", onclick: () => command(data.paused ? "resume" : "pause"),
          text: D.t(data.paused ? "resume_game" : "pause_game"), ...off }),
      D.el("span", { class: "field" }, D.el("label", { for: "minutes", text: D.t("talks_minutes") }),
        D.el("input", { type: "number", id: "minutes", min: "1", max: "60", value: String(data.talks_minutes), class: "narrow", ...timerOff }), " ",
        D.el("button", { type: "button", id: "timer-start", onclick: () => command("timer_start", Number(byId("minutes").value)),
          text: D.t("start_timer"), "aria-describedby": talksOver ? "talks-over" : null, ...timerOff })),
      D.el("button", { type: "button", class: "secondary", onclick: () => command("timer_pause"), text: D.t("pause_timer"), ...timerOff }),
      D.el("button", { type: "button", class: "secondary", onclick: () => command("timer_resume"), text: D.t("resume_timer"), ...timerOff }),
      D.el("button", { type: "button", class: "secondary", onclick: () => command("timer_add", 60), text: D.t("one_more"), ...timerOff }),
      D.el("span", { class: "field" }, D.el("label", { for: "event", text: D.t("event_pick") }), events, " ",
        D.el("button", { type: "button", onclick: () => {
          const title = byId("event").options[byId("event").selectedIndex].text;
          if (confirm(D.t(all ? "inject_ask_all" : "inject_ask", { title }))) command("inject", byId("event").value);
        }, text: D.t("inject"), ...off })),
      D.el("button", { type: "button", class: "secondary", onclick: ask(all ? "undo_ask_all" : "undo_ask", {}, () => command("undo")),
        text: D.t("undo"), ...off }),
      all ? [D.el("button", { type: "button", class: "secondary", id: "joining", onclick: () => command("joining", false), text: D.t("close_joining_all") }),
        D.el("button", { type: "button", class: "secondary", id: "joining-open", onclick: () => command("joining", true), text: D.t("open_joining_all") })]
        : D.el("button", { type: "button", class: "secondary", id: "joining", onclick: () => command("joining", !data.joining_open),
          text: D.t(data.joining_open ? "close_joining" : "open_joining") }),
      D.el("button", { type: "button", class: "secondary", onclick: ask(all ? "end_ask_all" : "end_ask", {}, () => { focusNext = "outcome"; command("end"); }),
        text: D.t(all ? "end_all" : "end"), ...off })),
    D.el("p", { class: "timer", id: "timer" }),
    talksOver ? D.el("p", { id: "talks-over", class: "stake", text: D.t("talks_over", { why: data.talks_over }) }) : null,
    over ? D.el("p", { id: "locked", class: "muted", text: D.t("over_locked") }) : null];
  }

  /* --- the shown table: its delegations ------------------------------------------------------- */
  function seatCard(s) {
    const devices = data.desk.devices[s.role] || 0;
    return D.el("article", { class: "card seat", key: `seat-${s.role}`, "aria-labelledby": `seat-${s.role}-h` },
      D.h(4, { id: `seat-${s.role}-h`, text: s.name }),
      D.el("p", {}, D.t("seat_label"), D.el("strong", { text: s.kind === "ai" ? D.t("ai_seat", { persona: s.persona_label }) : seatName(s.kind) })),
      s.kind === "device" ? D.el("p", {}, D.t("code_label"), D.el("span", { class: "code", text: s.code || "–" })) : null,
      s.kind === "device" ? D.el("p", { class: devices ? null : "warn", text: D.t(devices ? "devices_connected" : "no_device", { n: devices }) }) : null,
      D.el("p", { text: D.t(s.due ? "move_due_yes" : "move_due_no") }),
      D.el("div", { class: "bar" },
        s.kind === "device" ? D.el("button", { type: "button", class: "secondary", text: D.t("show_link", s),
          onclick: () => conn.send({ type: "team_qr", role: s.role }) }) : null,
        s.kind === "device" && !data.outcome ? D.el("button", { type: "button", class: "secondary", text: D.t("new_link", s),
          onclick: ask("new_link_ask", s, () => { D.patch(byId("teamlink")); command("new_link", s.role); }) }) : null,
        s.kind === "hotseat" ? D.el("button", { type: "button", text: D.t("enter_moves", s), disabled: !s.due,
          onclick: () => handOff(s) }) : null),
      data.outcome ? null : seatChanger(s));
  }

  /* Move a delegation to a device, the host's computer or an AI persona (a phone died). */
  function seatChanger(s) {
    const id = `seat-${s.role}`;
    const current = s.kind === "ai" ? s.persona : s.kind;
    const pick = D.el("select", { id, value: current }, ["device", "hotseat", ...data.personas].map((k) =>
      D.el("option", { value: k, text: seatName(k, s.personas) })));
    return D.el("p", { class: "seat-change" }, D.el("label", { for: id, text: D.t("new_seat", s) }), " ", pick, " ",
      D.el("button", { type: "button", class: "secondary", text: D.t("change_seat"), onclick: () => {
        const chosen = byId(id);
        if (chosen.value !== current && confirm(D.t("seat_ask", { name: s.name, seat: chosen.options[chosen.selectedIndex].text }))) {
          command("seat", { role: s.role, kind: chosen.value });
        }
      } }));
  }

  function handOff(seat) {
    byId("hotseat-section").hidden = false;
    D.patch(byId("hotseat"), D.el("div", { class: "handoff" },
      D.el("p", { class: "big", text: D.t("pass_to", seat) }),
      D.el("p", { text: D.t("look_away") }),
      D.el("button", { type: "button", id: "reveal", text: D.t("reveal", seat), onclick: () => reveal(seat) })));
    byId("reveal").focus();
  }

  function reveal(seat) {
    hotRole = seat.role;
    const root = D.el("div", {});
    const done = (where) => D.el("button", { type: "button", class: "secondary", key: where, text: D.t("hand_back"), onclick: () => handBack(true) });
    byId("hotseat").replaceChildren(done("top"), root, done("foot"));  // the panel draws into this very root
    hot = D.TeamPanel(root, (msg) => conn.send({ ...msg, role: seat.role }),
      { prefix: "hs-", level: 4, storageKey: `detente-hotseat/${data.desk.table.key}.${seat.role}` });
    conn.send({ type: "hotseat", role: seat.role });
    byId("hotseat-h").scrollIntoView();
    D.focus(byId("hotseat-h"));
  }

  function handBack(focus) {
    hot = null; hotRole = null;
    conn.send({ type: "hotseat", role: null });
    D.patch(byId("hotseat"));
    byId("hotseat-section").hidden = true;
    if (focus) D.focus(byId("seats-h"));
  }

  function drawClocks() {
    D.setTimer(byId("timer"), data.timer);
    for (const node of document.querySelectorAll("[data-clock]")) {
      const t = data.desk.tables.find((x) => x.id === node.dataset.clock);
      if (t) D.setTimer(node, t.timer, true);
    }
  }

  function update(d) {
    data = d;
    /* A reply belongs to the state it answered: it clears when the round, phase or pause ends. */
    const key = `${d.desk.table.id}|${d.round}|${d.phase}|${d.paused}|${!!d.outcome}`;
    if (stateKey && key !== stateKey) reply("");
    stateKey = key;
    D.patch(byId("tables"), d.desk.tables.map(glanceCard));
    D.section(byId("new-table"), [d.desk.scenarios, d.desk.tables.length, d.personas], newTableForm);
    D.patch(byId("controls"), controls());
    byId("table-h").textContent = D.t("table_title", { table: d.desk.table.label, title: d.title });
    byId("headline").textContent = D.headline(d) + (d.paused ? D.t("desk_paused") : "");
    D.patch(byId("seats"), D.el("div", { class: "seat-cards" }, d.seats.map(seatCard)));
    D.patch(byId("round"), D.eventCards(d, 4), D.soFar(d.so_far, 4), D.el("p", { text: d.waiting }),
      d.finished_files.length ? D.el("p", { text: D.t("files_saved", { files: d.finished_files.join(", ") }) }) : null);
    D.section(byId("outcome"), d.outcome, () => D.outcome(d.outcome, false, 3));
    D.section(byId("meters"), [d.tension, d.trust, d.support, d.milestones, d.commitments, d.demands], () => D.meters(d, 4));
    D.section(byId("results"), d.records, () => D.records(d.records, false, 4));
    drawClocks();
    if (hot && d.hotseat) hot.update(d.hotseat);
    moveFocus(d);
  }

  /* After an action, the focus goes where its result shows. */
  function moveFocus(d) {
    if (first) { first = false; D.focus(byId("class-h")); return; }
    if (focusNext === "table") { focusNext = null; D.focus(byId("table-h")); }
    if (focusNext === "outcome" && d.outcome) { focusNext = null; D.focus(byId("h-outcome")); }
  }

  function start(pin) {
    byId("login").hidden = true;
    conn = D.connect({ type: "hello", as: "host", pin }, {
      open: () => { if (hotRole) conn.send({ type: "hotseat", role: hotRole }); if (hot) hot.resend(); },
      state: (m) => { byId("desk").hidden = false; update(m.data); },
      info: (m) => {
        reply(m.message);
        if (focusNext === "reply") { focusNext = null; D.focus(byId("reply")); }
      },
      ack: (m) => { if (hot) hot.ack(m); },
      draft: (m) => { if (hot) hot.draft(m); },
      team_qr: (m) => {
        D.patch(byId("teamlink"), D.el("div", { class: "card", key: `link-${m.role}` },
          D.el("p", {}, D.t("link_private"), D.el("a", { href: m.link, class: "url", text: m.link })),
          D.el("div", { class: "qr" }, D.el("img", { src: m.image, alt: D.t("link_qr") })),
          D.el("button", { type: "button", class: "secondary", id: "hide-link", text: D.t("hide_link"),
            onclick: () => { D.patch(byId("teamlink")); D.focus(byId("seats-h")); } })));
        D.focus(byId("hide-link"));
      },
      error: (m) => {
        if (m.fatal) {
          sessionStorage.removeItem("detente-pin");
          byId("desk").hidden = true; byId("login").hidden = false;
          byId("login-error").textContent = m.message;
          D.focus(byId("pin"));
          return;
        }
        if (focusNext === "outcome") focusNext = null;
        if (hot && m.key) hot.error(m);
        reply(m.message, true);
        D.announce(m.message, true);
      },
    });
  }

  byId("login").addEventListener("submit", (e) => {
    e.preventDefault();
    const pin = byId("pin").value.trim();
    sessionStorage.setItem("detente-pin", pin);
    if (conn) conn.close();
    first = true;
    start(pin);
  });
  const pin = sessionStorage.getItem("detente-pin");
  if (pin) start(pin); else byId("login").hidden = false;
})();

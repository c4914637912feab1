/* The facilitator's page: pause, the talks timer, events, undo, end, joining, the seats,
   and the hot-seat teams' moves after a hand-off. Every request carries the session the
   PIN opened; the PIN itself stays in this tab (sessionStorage) and leaves the address bar. */
"use strict";

(function () {
  const byId = (id) => document.getElementById(id);
  let conn = null, data = null, hot = null, hotRole = null, controlsBuilt = false, stateKey = "", lastSeats = "";
  const match = location.hash.match(/pin=(\d+)/);
  if (match) { sessionStorage.setItem("detente-pin", match[1]); history.replaceState(null, "", location.pathname); }

  function command(name, arg) { conn.send({ type: "command", command: name, arg }); }
  function reply(text, bad) { const r = byId("reply"); r.textContent = text; r.className = bad ? "error" : "ok"; }

  function controls() {
    const minutes = D.el("input", { type: "number", id: "minutes", min: "1", max: "60", value: String(data.talks_minutes), class: "narrow" });
    const events = D.el("select", { id: "event" }, data.events.map((e) => D.el("option", { value: e.id, text: e.title })));
    D.fill(byId("controls"),
      D.el("button", { id: "pause", onclick: () => command(data.paused ? "resume" : "pause") }),
      D.el("span", {}, D.el("label", { for: "minutes", text: D.t("talks_minutes") }), minutes, " ",
        D.el("button", { onclick: () => command("timer_start", Number(minutes.value)), text: D.t("start_timer") })),
      D.el("button", { class: "secondary", onclick: () => command("timer_pause"), text: D.t("pause_timer") }),
      D.el("button", { class: "secondary", onclick: () => command("timer_resume"), text: D.t("resume_timer") }),
      D.el("button", { class: "secondary", onclick: () => command("timer_add", 60), text: D.t("one_more") }),
      D.el("span", {}, D.el("label", { for: "event", text: D.t("event_pick") }), events, " ",
        D.el("button", { class: "changes", onclick: () => {
          const title = events.options[events.selectedIndex].text;
          if (confirm(D.t("inject_ask", { title }))) command("inject", events.value);
        }, text: D.t("inject") })),
      D.el("button", { class: "secondary changes", onclick: () => { if (confirm(D.t("undo_ask"))) command("undo"); }, text: D.t("undo") }),
      D.el("button", { class: "secondary", id: "joining", onclick: () => command("joining", !data.joining_open) }),
      D.el("button", { class: "secondary changes", onclick: () => { if (confirm(D.t("end_ask"))) command("end"); }, text: D.t("end") }),
      D.el("p", { class: "timer", id: "timer" }),
      D.el("p", { id: "locked", class: "muted", hidden: true, text: D.t("over_locked") }));
    for (const node of byId("controls").querySelectorAll("button:not(#joining), input, select")) node.classList.add("changes");
    controlsBuilt = true;
  }

  function seats() {
    return D.el("table", {}, D.el("caption", { class: "sr-only", text: D.t("seats_caption") }),
      D.el("thead", {}, D.el("tr", {}, ["delegation", "seat", "join_code", "move_due", "actions"].map((k) => D.el("th", { scope: "col", text: D.t(k) })))),
      D.el("tbody", {}, data.seats.map((s) => D.el("tr", {},
        D.el("th", { scope: "row", text: s.name }),
        D.el("td", { text: s.kind === "ai" ? D.t("ai_seat", s) : D.t(s.kind === "hotseat" ? "hotseat" : "device") }),
        D.el("td", { class: "code", text: s.code || "–" }),
        D.el("td", { text: D.t(s.due ? "yes" : "no") }),
        D.el("td", {}, s.kind === "device" ? D.el("button", { class: "secondary", text: D.t("show_link", s),
          onclick: () => conn.send({ type: "team_qr", role: s.role }) }) : null,
        s.kind === "hotseat" ? D.el("button", { text: D.t("enter_moves", s), disabled: !s.due,
          onclick: () => handOff(s) }) : null,
        data.outcome ? null : seatChanger(s))))));
  }

  /* Move a delegation to a device, the host's computer or an AI persona (a phone died). */
  function seatChanger(s) {
    const id = `seat-${s.role}`;
    const current = s.kind === "ai" ? s.persona : s.kind;
    const pick = D.el("select", { id }, ["device", "hotseat", ...data.personas].map((k) =>
      D.el("option", { value: k, text: k === "device" ? D.t("device") : k === "hotseat" ? D.t("hotseat") : D.t("ai_seat", { persona: k }) })));
    pick.value = current;
    return D.el("span", { class: "seat-change" }, D.el("label", { for: id, text: D.t("new_seat", s) }), " ", pick, " ",
      D.el("button", { class: "secondary", text: D.t("change_seat"), onclick: () => {
        if (pick.value !== current && confirm(D.t("seat_ask", { name: s.name, seat: pick.options[pick.selectedIndex].text }))) {
          command("seat", { role: s.role, kind: pick.value });
        }
      } }));
  }

  function handOff(seat) {
    const section = byId("hotseat-section");
    section.hidden = false;
    D.fill(byId("hotseat"), D.el("div", { class: "handoff" },
      D.el("p", { class: "big", text: D.t("pass_to", seat) }),
      D.el("p", { text: D.t("look_away") }),
      D.el("button", { id: "reveal", text: D.t("reveal", seat), onclick: () => reveal(seat) })));
    byId("reveal").focus();
  }

  function reveal(seat) {
    hotRole = seat.role;
    const root = D.el("div", {});
    const done = () => D.el("button", { class: "secondary", text: D.t("hand_back"), onclick: handBack });
    D.fill(byId("hotseat"), done(), root, done());
    hot = D.TeamPanel(root, (msg) => conn.send({ ...msg, role: seat.role }), `detente-hotseat-${seat.role}`, "hs-");
    conn.send({ type: "hotseat", role: seat.role });
    byId("hotseat-h").scrollIntoView();
    byId("hotseat-h").focus();
  }

  function handBack() {
    hot = null; hotRole = null;
    conn.send({ type: "hotseat", role: null });
    D.fill(byId("hotseat"));
    byId("hotseat-section").hidden = true;
    byId("seats-h").focus();
  }

  function update(d) {
    data = d;
    if (!controlsBuilt) controls();
    /* A reply belongs to the state it answered: it clears when the round, phase or pause ends. */
    const key = `${d.round}|${d.phase}|${d.paused}|${!!d.outcome}`;
    if (stateKey && key !== stateKey) reply("");
    stateKey = key;
    for (const node of byId("controls").querySelectorAll(".changes")) node.disabled = !!d.outcome;
    byId("locked").hidden = !d.outcome;
    byId("pause").textContent = D.t(d.paused ? "resume_game" : "pause_game");
    byId("joining").textContent = D.t(d.joining_open ? "close_joining" : "open_joining");
    byId("headline").textContent = D.t("desk_headline", { title: d.title, headline: D.headline(d) }) + (d.paused ? D.t("desk_paused") : "");
    D.setTimer(byId("timer"), d.timer);
    /* The seats table is drawn again only when the seats change, so a seat being chosen is kept. */
    const seatsKey = JSON.stringify([d.seats, !!d.outcome]);
    if (seatsKey !== lastSeats) { lastSeats = seatsKey; D.fill(byId("seats"), seats()); }
    D.fill(byId("round"), D.eventCards(d), D.soFar(d.so_far), D.el("p", { text: d.waiting }),
      d.finished_files.length ? D.el("p", { text: D.t("files_saved", { files: d.finished_files.join(", ") }) }) : null);
    D.fill(byId("outcome"), D.outcome(d.outcome));
    D.fill(byId("meters"), D.meters(d));
    D.fill(byId("results"), D.records(d.records));
    if (hot && d.hotseat) hot.update(d.hotseat);
  }

  function start(pin) {
    byId("login").hidden = true;
    conn = D.connect({ type: "hello", as: "host", pin }, {
      open: () => { if (hotRole) conn.send({ type: "hotseat", role: hotRole }); if (hot) hot.resend(); },
      state: (m) => { byId("desk").hidden = false; update(m.data); },
      info: (m) => reply(m.message),
      ack: (m) => { if (hot) hot.ack(m); },
      draft: (m) => { if (hot) hot.draft(m); },
      team_qr: (m) => D.fill(byId("teamlink"), D.el("div", { class: "card" },
        D.el("p", {}, D.t("link_private"), D.el("a", { href: m.link, text: m.link })),
        D.el("div", { class: "qr" }, D.el("img", { src: m.image, alt: D.t("link_qr") })),
        D.el("button", { class: "secondary", text: D.t("hide_link"), onclick: () => D.fill(byId("teamlink")) }))),
      error: (m) => {
        if (m.fatal) {
          sessionStorage.removeItem("detente-pin");
          byId("desk").hidden = true; byId("login").hidden = false;
          byId("login-error").textContent = m.message;
          return;
        }
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
    if (conn) { conn.closedForGood = true; conn.ws.close(); }
    start(pin);
  });
  const pin = sessionStorage.getItem("detente-pin");
  if (pin) start(pin); else byId("login").hidden = false;
})();

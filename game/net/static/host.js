/* The facilitator's page: pause, the talks timer, events, undo, end, joining, the seats,
   and the hot-seat teams' moves after a hand-off. Every request carries the session the
   PIN opened; the PIN itself stays in this tab (sessionStorage) and leaves the address bar. */
"use strict";

(function () {
  const byId = (id) => document.getElementById(id);
  let conn = null, data = null, hot = null, hotRole = null, controlsBuilt = false;
  const match = location.hash.match(/pin=(\d+)/);
  if (match) { sessionStorage.setItem("detente-pin", match[1]); history.replaceState(null, "", location.pathname); }

  function command(name, arg) { conn.send({ type: "command", command: name, arg }); }
  function reply(text, bad) { const r = byId("reply"); r.textContent = text; r.className = bad ? "error" : "ok"; }

  function controls() {
    const minutes = D.el("input", { type: "number", id: "minutes", min: "1", max: "60", value: "5", class: "narrow" });
    const events = D.el("select", { id: "event" }, data.events.map((e) => D.el("option", { value: e.id, text: e.title })));
    D.fill(byId("controls"),
      D.el("button", { id: "pause", onclick: () => command(data.paused ? "resume" : "pause") }),
      D.el("span", {}, D.el("label", { for: "minutes", text: "Talks (minutes) " }), minutes, " ",
        D.el("button", { onclick: () => command("timer_start", Number(minutes.value)), text: "Start timer" })),
      D.el("button", { class: "secondary", onclick: () => command("timer_pause"), text: "Pause timer" }),
      D.el("button", { class: "secondary", onclick: () => command("timer_resume"), text: "Resume timer" }),
      D.el("button", { class: "secondary", onclick: () => command("timer_add", 60), text: "One more minute" }),
      D.el("span", {}, D.el("label", { for: "event", text: "Event " }), events, " ",
        D.el("button", { onclick: () => command("inject", events.value), text: "Bring in event" })),
      D.el("button", { class: "secondary", onclick: () => { if (confirm("Undo the last finished round?")) command("undo"); }, text: "Undo last round" }),
      D.el("button", { class: "secondary", id: "joining", onclick: () => command("joining", !data.joining_open) }),
      D.el("button", { class: "secondary", onclick: () => { if (confirm("End the game now? It is scored as it stands.")) command("end"); }, text: "End the game" }),
      D.el("p", { class: "timer", id: "timer" }));
    controlsBuilt = true;
  }

  function seats() {
    return D.el("table", {}, D.el("caption", { class: "sr-only", text: "Delegations and their seats" }),
      D.el("thead", {}, D.el("tr", {}, ["Delegation", "Seat", "Join code", "Move due", "Actions"].map((t) => D.el("th", { scope: "col", text: t })))),
      D.el("tbody", {}, data.seats.map((s) => D.el("tr", {},
        D.el("th", { scope: "row", text: s.name }),
        D.el("td", { text: s.kind === "ai" ? `AI: ${s.persona}` : s.kind === "hotseat" ? "hot-seat" : "device" }),
        D.el("td", { class: "code", text: s.code || "–" }),
        D.el("td", { text: s.due ? "yes" : "no" }),
        D.el("td", {}, s.kind === "device" ? D.el("button", { class: "secondary", text: `Show ${s.name}'s link`,
          onclick: () => conn.send({ type: "team_qr", role: s.role }) }) : null,
        s.kind === "hotseat" ? D.el("button", { text: `Enter moves for ${s.name}`, disabled: !s.due,
          onclick: () => handOff(s) }) : null)))));
  }

  function handOff(seat) {
    const section = byId("hotseat-section");
    section.hidden = false;
    D.fill(byId("hotseat"), D.el("div", { class: "handoff" },
      D.el("p", { class: "big", text: `Pass the computer to the ${seat.name} team.` }),
      D.el("p", { text: "Everyone else, please look away from this screen." }),
      D.el("button", { id: "reveal", text: `We are the ${seat.name} team: show our view`, onclick: () => reveal(seat) })));
    byId("reveal").focus();
  }

  function reveal(seat) {
    hotRole = seat.role;
    const root = D.el("div", {});
    const done = () => D.el("button", { class: "secondary", text: "Done: hand back to the facilitator", onclick: handBack });
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
    byId("pause").textContent = d.paused ? "Resume the game" : "Pause the game";
    byId("joining").textContent = d.joining_open ? "Close joining" : "Open joining";
    byId("headline").textContent = `${d.title}. ${D.headline(d)} ${d.paused ? "The game is paused." : ""}`;
    D.setTimer(byId("timer"), d.timer);
    D.fill(byId("seats"), seats());
    D.fill(byId("round"), D.eventCard(d.event), D.soFar(d.so_far), D.el("p", { text: d.waiting }),
      d.finished_files.length ? D.el("p", { text: `Replay and debrief saved: ${d.finished_files.join(", ")}` }) : null);
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
        D.el("p", {}, "Give this link only to its team: ", D.el("a", { href: m.link, text: m.link })),
        D.el("div", { class: "qr" }, D.el("img", { src: m.image, alt: "QR code of the team's link" })),
        D.el("button", { class: "secondary", text: "Hide the link", onclick: () => D.fill(byId("teamlink")) }))),
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

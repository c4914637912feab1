/* The projector's board: the public view only (other delegations' support as ranges),
   the join address with its QR code and each device team's join code, and the timer. */
"use strict";

(function () {
  let lastRound = null;
  const byId = (id) => document.getElementById(id);
  function join(data) {
    const devices = data.codes.filter((c) => c.kind === "device");
    return [
      D.el("p", {}, D.t("open"), D.el("span", { class: "url", text: data.join_url })),
      data.local_only ? D.el("p", { class: "banner", text: D.t("local_only") }) : null,
      D.el("div", { class: "qr" }, D.el("img", { src: "/qr.svg", alt: D.t("qr_alt", { url: data.join_url }) })),
      data.joining_open && devices.length
        ? D.el("ul", { class: "plain" }, devices.map((c) => D.el("li", {}, D.t("who", c), D.el("span", { class: "code", text: c.code }))))
        : D.el("p", { text: D.t(devices.length ? "joining_closed" : "no_devices") }),
      D.el("ul", { class: "plain muted" }, data.codes.filter((c) => c.kind !== "device").map((c) =>
        D.el("li", { text: D.t(c.kind === "ai" ? "seat_ai" : "seat_hotseat", c) }))),
    ];
  }
  /* While joining is open the join panel shows every code; once it is closed, or the game is
     over, it shrinks to one line in the header so the public state fills the projector. */
  function update(data) {
    const devices = data.codes.filter((c) => c.kind === "device");
    const joinOpen = data.joining_open && devices.length && !data.outcome;
    D.fill(byId("head"), D.el("h1", { text: D.t("board_title", data) }),
      D.el("p", { class: "big", text: D.headline(data) }),
      data.paused ? D.el("p", { class: "banner", text: D.t("paused") }) : null,
      joinOpen ? null : D.el("p", { class: "muted join-line" },
        data.outcome ? D.t("joining_line_over") : D.t(devices.length ? "joining_closed" : "no_devices"), " ",
        D.el("span", { text: data.codes.filter((c) => c.kind !== "device").map((c) =>
          D.t(c.kind === "ai" ? "seat_ai" : "seat_hotseat", c)).join(" · ") })));
    byId("join-card").hidden = !joinOpen;
    document.body.classList.toggle("over", !!data.outcome);
    if (joinOpen) D.fill(byId("join"), join(data));
    D.fill(byId("round"), D.el("p", { class: "timer", id: "timer" }), D.eventCards(data), D.soFar(data.so_far),
      D.el("p", { text: data.waiting }));
    D.setTimer(byId("timer"), data.timer);
    D.fill(byId("outcome"), D.outcome(data.outcome, true));
    const meters = D.meters(data);
    // trust across the top; below it two balanced columns: tension and the track, demands and support
    const card = (id) => meters.querySelector(`[aria-labelledby=h-${id}]`);
    meters.prepend(card("trust"));
    meters.append(card("tension"), card("track"), card("demands"), card("support"));
    D.fill(byId("meters"), meters);
    D.fill(byId("results"), D.records(data.records, true));
    if (lastRound !== null && lastRound !== data.round && data.records.length) D.announce(D.t("revealed_live", data.records[0]));
    lastRound = data.round;
  }
  D.connect({ type: "hello", as: "board" }, { state: (m) => update(m.data) });
})();

/* The projector's board of one table (/board/<table>): the public view only (other
   delegations' support as ranges), the join address with its QR code and each device
   team's join code, and the timer. /board on a host of several tables lists the tables. */
"use strict";

(function () {
  let lastRound = null;
  const byId = (id) => document.getElementById(id);
  const table = (location.pathname.match(/^\/board\/([^/]+)$/) || [])[1] || null;
  function join(data) {
    const devices = data.codes.filter((c) => c.kind === "device");
    return [
      D.el("div", { class: "join-text" },
        D.el("p", {}, D.t("open"), D.el("span", { class: "url", text: data.join_url })),
        data.local_only ? D.el("p", { class: "banner", text: D.t("local_only") }) : null,
        data.joining_open && devices.length
          ? D.el("ul", { class: "plain codes" }, devices.map((c) => D.el("li", {}, D.t("who", c), D.el("span", { class: "code", text: c.code }))))
          : D.el("p", { text: D.t(devices.length ? "joining_closed" : "no_devices") }),
        D.el("ul", { class: "plain muted" }, data.codes.filter((c) => c.kind !== "device").map((c) =>
          D.el("li", { text: D.t(c.kind === "ai" ? "seat_ai" : "seat_hotseat", c) })))),
      D.el("div", { class: "qr" }, D.el("img", { src: "/qr.svg", alt: D.t("qr_alt", { url: data.join_url }) })),
    ];
  }
  /* The agreement on the projector: one line (cut short with "…" if it is long) that opens,
     like the results, into the whole sentence and its terms, so that a package in force
     never pushes the round off the screen. Without terms it is the one line it is. */
  function agreement(talks) {
    if (!talks) return null;
    if (!talks.terms.length) return D.el("p", { class: "agreement", text: talks.agreement });
    return D.el("details", { class: "agreement", key: "agreement" },
      D.el("summary", { text: talks.agreement }),
      D.el("ul", { class: "terms" }, talks.terms.map((t) => D.el("li", { text: t }))));
  }
  /* While joining is open the join panel shows every code; once it is closed, or the game is
     over, it shrinks to one line in the header so the public state fills the projector. */
  function update(data) {
    if (data.kind === "lobby") { lobby(data); return; }
    const devices = data.codes.filter((c) => c.kind === "device");
    const joinOpen = data.joining_open && devices.length && !data.outcome;
    const several = data.table && data.table.count > 1;
    document.title = D.t("board_title", data);
    D.patch(byId("head"), D.el("h1", { text: several ? D.t("table_title", { table: data.table.label, title: data.title })
      : D.t("board_title", data) }),
      D.el("p", { class: "big", text: D.headline(data) }),
      data.paused ? D.el("p", { class: "banner", text: D.t("paused") }) : null,
      joinOpen || data.outcome ? null : D.el("p", { class: "muted join-line" },
        D.t(devices.length ? "joining_closed" : "no_devices"), " ",
        D.el("span", { text: data.codes.filter((c) => c.kind !== "device").map((c) =>
          D.t(c.kind === "ai" ? "seat_ai" : "seat_hotseat", c)).join(" · ") })));
    byId("join-card").hidden = !joinOpen;
    document.body.classList.toggle("over", !!data.outcome);
    document.body.classList.toggle("joining", !!joinOpen);
    if (joinOpen) D.patch(byId("join"), join(data));
    D.patch(byId("round"), D.el("p", { class: "timer", id: "timer" }), D.eventCards(data, 3), D.soFar(data.so_far, 3),
      D.el("p", { class: "waiting", text: data.waiting }),
      agreement(data.talks));
    D.setTimer(byId("timer"), data.timer);
    D.section(byId("outcome"), data.outcome, () => D.outcome(data.outcome, true, 2));
    D.section(byId("meters"), [data.tension, data.band, data.breakdown, data.trust, data.support, data.milestones,
      data.commitments, data.demands], () => {
      const meters = D.meters(data, 3);
      // trust across the top; below it two balanced columns: tension and the track, demands and support
      const card = (id) => meters.querySelector(`[data-card=${id}]`);
      meters.prepend(card("trust"));
      meters.append(card("tension"), card("track"), card("demands"), card("support"));
      return meters;
    });
    D.section(byId("results"), data.records, () => D.records(data.records, true, 3));
    if (lastRound !== null && lastRound !== data.round && data.records.length) D.announce(D.t("revealed_live", data.records[0]));
    lastRound = data.round;
  }
  /* A host of several tables: the join address for everyone and a link to each table's board. */
  function lobby(data) {
    document.title = D.t("tables_title");
    D.patch(byId("head"), D.el("h1", { text: D.t("tables_title") }));
    byId("board").hidden = true;
    byId("lobby").hidden = false;
    D.patch(byId("lobby-join"), D.el("p", {}, D.t("tables_join"), " ", D.t("open"), D.el("span", { class: "url", text: data.join_url })),
      data.local_only ? D.el("p", { class: "banner", text: D.t("local_only") }) : null,
      D.el("div", { class: "qr" }, D.el("img", { src: "/qr.svg", alt: D.t("qr_alt", { url: data.join_url }) })));
    D.patch(byId("lobby-tables"), D.el("ul", {}, data.tables.map((t) => D.el("li", { key: t.id },
      D.el("a", { href: `/board/${t.id}`, text: D.t("board_link", t) })))));
  }
  D.connect(table ? { type: "hello", as: "board", table } : { type: "hello", as: "board" }, { state: (m) => update(m.data) });
})();

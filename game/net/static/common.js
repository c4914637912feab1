/* Détente in the browser: what every page shares.
   No framework and no build step. Every text from the server is put in the page with
   textContent, never as HTML. The connection reconnects by itself and asks for the
   state again, so a reload or a dropped network never loses anything. */
"use strict";

const D = {};

/* A message in the player's language (TEXTS comes from /texts.js), with its {places} filled. */
D.t = function (key, values) {
  const text = (typeof TEXTS !== "undefined" && TEXTS[key]) || key;
  return text.replace(/\{(\w+)\}/g, (all, name) => (values && name in values ? String(values[name]) : all));
};

/* Elements written in the HTML files name their message in a data-t attribute and get their words here. */
document.addEventListener("DOMContentLoaded", () => {
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = D.t(node.dataset.t);
});

/* An element: el("p", {class: "x", "aria-label": "y"}, "text", child, ...). */
D.el = function (tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "checked" || name === "disabled" || name === "value") node[name] = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
  }
  return node;
};

D.fill = function (node, ...children) {
  node.replaceChildren();
  for (const child of children.flat()) if (child) node.append(child);
};

/* A random submission key: the server applies a move once per key, however often it is sent. */
D.newKey = function () {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
};

/* Say something to screen-reader users (and show it) without moving the focus. */
D.announce = function (text, urgent) {
  const region = document.getElementById(urgent ? "alert" : "live");
  if (!region) return;
  region.textContent = "";
  window.clearTimeout(region.pending);
  region.pending = window.setTimeout(() => { region.textContent = text; }, 50);
};

/* Take back an alert whose state has ended (an announcement still on its way included). */
D.clearAlert = function () {
  const region = document.getElementById("alert");
  if (!region) return;
  window.clearTimeout(region.pending);
  region.textContent = "";
};

/* One WebSocket to the server, opened again after any drop, with a growing pause.
   Requests made while it is down wait and go out, in order, once it is back. */
D.connect = function (hello, handlers) {
  const conn = { ws: null, closedForGood: false, delay: 500, waiting: [] };
  const status = document.getElementById("conn");
  /* A lost connection is a warning everyone must notice: an alert, in colour, with an icon and words. */
  const setStatus = (text, lost) => {
    if (!status) return;
    status.setAttribute("role", lost ? "alert" : "status");
    status.className = lost ? "conn lost" : "conn muted";
    status.textContent = lost ? D.t("conn_lost_icon") + text : text;
  };
  conn.send = function (message) {
    if (conn.ws && conn.ws.readyState === WebSocket.OPEN) conn.ws.send(JSON.stringify(message));
    else conn.waiting.push(message);
  };
  function open() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(`${scheme}//${location.host}/ws`);
    conn.ws = ws;
    ws.onopen = () => {
      conn.delay = 500;
      ws.send(JSON.stringify(hello));
      setStatus(D.t("connected"));
      if (handlers.open) handlers.open();
      for (const message of conn.waiting.splice(0)) ws.send(JSON.stringify(message));
    };
    ws.onmessage = (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch (err) { return; }
      if (message.type === "error" && message.fatal) conn.closedForGood = true;
      if (message.type === "state") message.data.timer = message.timer;
      const handler = handlers[message.type];
      if (handler) handler(message);
    };
    ws.onclose = () => {
      if (conn.closedForGood) { setStatus(D.t("disconnected"), true); return; }
      setStatus(D.t("reconnecting"), true);
      window.setTimeout(open, conn.delay);
      conn.delay = Math.min(conn.delay * 2, 8000);
    };
  }
  open();
  return conn;
};

/* The talks timer: counts down locally from the last figure the server sent. */
D.timer = { node: null, left: 0, running: false, at: 0, warned: false };
D.setTimer = function (node, data) {
  const t = D.timer;
  t.node = node; t.left = data ? data.left : 0; t.running = !!(data && data.running);
  t.at = performance.now();
  if (t.left > 60) t.warned = false;
  D.drawTimer();
};
D.drawTimer = function () {
  const t = D.timer;
  if (!t.node) return;
  const left = Math.max(0, t.left - (t.running ? (performance.now() - t.at) / 1000 : 0));
  const minutes = Math.floor(left / 60), seconds = Math.floor(left % 60);
  const clock = `${minutes}:${String(seconds).padStart(2, "0")}`;
  let text = D.t("timer_off");
  if (t.running && left <= 0) text = D.t("timer_up");
  else if (t.running) text = D.t("timer_left", { clock });
  else if (t.left > 0) text = D.t("timer_paused", { clock });
  t.node.textContent = text;
  if (t.running && left <= 60 && left > 0 && !t.warned) { t.warned = true; D.announce(D.t("minute_left")); }
  if (t.running && left <= 0 && !t.over) { t.over = true; D.announce(D.t("time_up")); }
  if (left > 0) t.over = false;
};
window.setInterval(D.drawTimer, 1000);

/* --- the meters, the results and the ending (board, team and host pages alike) --- */
D.meters = function (data) {
  const names = data.trust.map((row) => row.role);
  const trust = D.el("table", {},
    D.el("caption", { class: "muted", text: D.t("trust_caption") }),
    D.el("thead", {}, D.el("tr", {}, D.el("td", {}), names.map((n) => D.el("th", { scope: "col", text: n })))),
    D.el("tbody", {}, data.trust.map((row) => D.el("tr", {}, D.el("th", { scope: "row", text: row.role }),
      names.map((n) => {
        const cell = row.cells.find((c) => c.toward === n);
        return cell ? D.el("td", { text: String(cell.value) }) : D.el("td", { "aria-label": D.t("itself"), text: "–" });
      })))));
  const support = D.el("ul", { class: "plain" }, data.support.map((s) => D.el("li", {},
    D.t("support_line", s), D.el("strong", { text: s.exact ? String(s.low) : D.t("support_range", s) }))));
  const track = D.el("ul", { class: "plain" }, data.milestones.map((m) => D.el("li", {},
    D.el("strong", { text: m.name }), D.t("milestone_status", m),
    m.needed && !m.operating ? D.t("milestone_progress", m) : "")));
  const active = data.commitments.filter((c) => c.status === "active");
  const commitments = active.length
    ? D.el("ul", { class: "plain" }, active.map((c) => D.el("li", {
      text: D.t("commitment_line", c) })))
    : D.el("p", { class: "muted", text: D.t("no_commitments") });
  const demands = data.demands.length
    ? D.el("ul", { class: "plain" }, data.demands.map((d) => D.el("li", {},
      D.el("strong", { text: D.t("demand_line", d) }), D.t("demand_cost", d))))
    : D.el("p", { class: "muted", text: D.t("no_demands") });
  return D.el("div", { class: "grid" },
    D.el("section", { class: "card", "aria-labelledby": "h-tension" },
      D.el("h3", { id: "h-tension", text: D.t("tension") }),
      D.el("p", { class: "big", text: D.t("tension_value", { value: data.tension, band: data.band }) }),
      data.breakdown ? D.el("p", { class: "error", text: D.t("breakdown") }) : null),
    D.el("section", { class: "card trust", "aria-labelledby": "h-trust" }, D.el("h3", { id: "h-trust", text: D.t("trust") }),
      D.el("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": D.t("trust_table") }, trust)),
    D.el("section", { class: "card", "aria-labelledby": "h-demands" },
      D.el("h3", { id: "h-demands", text: D.t("demands") }), demands),
    D.el("section", { class: "card", "aria-labelledby": "h-support" },
      D.el("h3", { id: "h-support", text: D.t("support") }), support,
      D.el("p", { class: "muted", text: D.t(data.role ? "support_note_team" : "support_note_room") })),
    D.el("section", { class: "card", "aria-labelledby": "h-track" },
      D.el("h3", { id: "h-track", text: D.t("track") }), track,
      D.el("h3", { text: D.t("commitments") }), commitments));
};

D.eventCard = function (event) {
  if (!event) return D.el("p", { class: "muted", text: D.t("no_event") });
  return D.el("div", { class: "card soft" }, D.el("h3", { text: D.t("event_title", event) }), D.el("p", { text: event.text }));
};

/* This round's event and any event the facilitator brought in, each on its own card. */
D.eventCards = function (data) {
  const extra = (data.brought_in || []).map((e) => D.el("div", { class: "card soft injected" },
    D.el("h3", { text: D.t("brought_in", e) }), D.el("p", { text: e.text })));
  return [data.event || !extra.length ? D.eventCard(data.event) : null, ...extra];
};

/* One revealed round; with `folded` (the board), its ledger is a further fold to open. */
D.record = function (rec, open, folded) {
  const ledger = rec.ledger.length ? D.el("ul", {}, rec.ledger.map((g) => D.el("li", {}, D.el("strong", { text: g.title }),
    D.el("ul", {}, g.changes.map((c) => D.el("li", { text: c })))))) : D.el("p", { text: D.t("no_change") });
  return D.el("details", { open },
    D.el("summary", { text: D.t("round_revealed", rec) }),
    rec.event ? D.el("p", {}, D.el("strong", { text: D.t("event_label") }), rec.event.title) : null,
    (rec.brought_in || []).map((e) => D.el("p", {}, D.el("strong", { text: D.t("brought_in_label") }), e.title)),
    D.el("h4", { text: D.t("orders") }),
    D.el("ul", {}, rec.orders.map((o) => D.el("li", {}, D.el("strong", { text: D.t("who", o) }),
      o.actions.length ? o.actions.join("; ") : D.t("no_orders")))),
    rec.responses.length ? D.el("h4", { text: D.t("answers") }) : null,
    rec.responses.length ? D.el("ul", {}, rec.responses.map((r) => D.el("li", { text: r }))) : null,
    rec.notes.length ? D.el("h4", { text: D.t("reasoning") }) : null,
    rec.notes.length ? D.el("ul", {}, rec.notes.map((n) => D.el("li", { text: n }))) : null,
    folded ? D.el("details", { class: "ledger" }, D.el("summary", { text: D.t("ledger") }), ledger)
      : [D.el("h4", { text: D.t("ledger") }), ledger]);
};

D.records = function (records, folded) {
  if (!records.length) return D.el("p", { class: "muted", text: D.t("no_rounds") });
  return D.el("div", {}, records.map((rec, i) => D.record(rec, i === 0, folded)));
};

/* The ending and the scores; with `folded` (the board), what each score is made of is a fold
   to open, so that every delegation's total fits on the projector at once. */
D.outcome = function (outcome, folded) {
  if (!outcome) return null;
  const parts = (s) => s.parts.map((p) => `${p.points >= 0 ? "+" : ""}${p.points} ${p.label}`).join("; ");
  return D.el("section", { class: "card soft", "aria-labelledby": "h-outcome" },
    D.el("h2", { id: "h-outcome", text: D.t("over_title", outcome) }), D.el("p", { text: outcome.text }),
    D.el("table", {}, D.el("caption", { class: "sr-only", text: D.t("scores") }),
      D.el("thead", {}, D.el("tr", {}, D.el("th", { scope: "col", text: D.t("delegation") }),
        D.el("th", { scope: "col", text: D.t("score") }), folded ? null : D.el("th", { scope: "col", text: D.t("made_of") }))),
      D.el("tbody", {}, outcome.scores.map((s) => D.el("tr", {}, D.el("th", { scope: "row", text: s.role }),
        D.el("td", { class: folded ? "big" : null, text: String(s.total) }), folded ? null : D.el("td", { text: parts(s) }))))),
    folded ? D.el("details", {}, D.el("summary", { text: D.t("made_of") }),
      D.el("ul", {}, outcome.scores.map((s) => D.el("li", {}, D.el("strong", { text: D.t("who", s) }), parts(s))))) : null);
};

D.headline = function (data) {
  return D.t("headline", { round: data.round, rounds: data.rounds, phase: data.phase_label });
};

/* Changes already made this round, before it is revealed (an event the facilitator brought in). */
D.soFar = function (groups) {
  if (!groups || !groups.length) return null;
  return D.el("div", { class: "card" }, D.el("h3", { text: D.t("so_far") }),
    D.el("ul", {}, groups.map((g) => D.el("li", {}, D.el("strong", { text: g.title }),
      D.el("ul", {}, g.changes.map((c) => D.el("li", { text: c })))))));
};

/* Beside an order in a team's own menu: a legal instrument's ratification odds at the team's
   own support, and what backing down from its standing demand would cost now. */
D.stakes = function (item) {
  const lines = [];
  if (item.odds !== null && item.odds !== undefined) lines.push(D.t("odds_line", item));
  if (item.backing_down !== null && item.backing_down !== undefined) lines.push(D.t("backing_down", item));
  return lines.length ? D.el("strong", { class: "stake" }, " ", lines.join(" ")) : null;
};

/* Détente in the browser: what every page shares.
   No framework and no build step. Every text from the server is put in the page with
   textContent, never as HTML. Pages are drawn with D.el into detached nodes and put in
   place with D.patch, which changes only what differs: a focused control, an open or
   closed section and a half-typed value survive every update. The connection reconnects
   by itself and asks for the state again, so a reload or a dropped network never loses
   anything; where a network blocks WebSockets it carries on over plain requests. */
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

/* A handler lives on its node (node._on), so that D.patch can give a kept node the new one's. */
function listen(node, type) {
  node.addEventListener(type, (event) => {
    const handler = node._on && node._on[type];
    if (handler) handler(event);
  });
}

/* An element: el("p", {class: "x", "aria-label": "y", key: "k"}, "text", child, ...).
   `key` names a node among its siblings (kept by D.patch when the list changes order);
   checked, disabled and value are properties, remembered so that D.patch sets them only
   when the page asks for a new value, never over what the reader has done. */
D.el = function (tag, props, ...children) {
  const node = document.createElement(tag);
  node._props = {};
  for (const [name, value] of Object.entries(props || {})) {
    if (name === "value" || name === "checked" || name === "disabled") { node._props[name] = value; continue; }
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name === "key") node.setAttribute("data-key", value);
    else if (name.startsWith("on")) {
      node._on = node._on || {};
      if (!(name.slice(2) in node._on)) listen(node, name.slice(2));
      node._on[name.slice(2)] = value;
    } else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
  }
  for (const [name, value] of Object.entries(node._props)) node[name] = value;  // a select's value needs its options
  return node;
};

/* A heading of `level` (1 to 6), so that a part can sit at any depth of a page. */
D.h = function (level, props, ...children) {
  return D.el(`h${Math.min(6, Math.max(1, level))}`, props, ...children);
};

function keyOf(node) {
  return node.nodeType === 1 ? node.id || node.getAttribute("data-key") || "" : "";
}
function sameNode(a, b) {
  return a.nodeType === b.nodeType && a.nodeName === b.nodeName && keyOf(a) === keyOf(b);
}

/* Make `have` (in the page) look like `want` (new), keeping `have` and its children where they match. */
function morph(have, want) {
  if (have.nodeType !== 1) {
    if (have.nodeValue !== want.nodeValue) have.nodeValue = want.nodeValue;
    return;
  }
  const keepOpen = have.tagName === "DETAILS";  // open or closed is the reader's choice
  for (const attr of Array.from(have.attributes)) {
    if (!want.hasAttribute(attr.name) && !(keepOpen && attr.name === "open")) have.removeAttribute(attr.name);
  }
  for (const attr of Array.from(want.attributes)) {
    if (!(keepOpen && attr.name === "open") && have.getAttribute(attr.name) !== attr.value) {
      have.setAttribute(attr.name, attr.value);
    }
  }
  for (const type of Object.keys(want._on || {})) if (!have._on || !(type in have._on)) listen(have, type);
  have._on = want._on;
  morphChildren(have, Array.from(want.childNodes));
  const before = have._props || {}, after = want._props || {};
  for (const name of ["value", "checked", "disabled"]) {
    if (name in after && before[name] !== after[name]) have[name] = after[name];
    else if (name === "disabled" && name in before && !(name in after)) have.disabled = false;
  }
  have._props = after;
}

function morphChildren(parent, wanted) {
  let at = parent.firstChild;
  for (const want of wanted) {
    let have = at;
    if (have && !sameNode(have, want)) {
      have = null;
      if (keyOf(want)) {
        for (let n = at.nextSibling; n; n = n.nextSibling) if (sameNode(n, want)) { have = n; break; }
        if (have) parent.insertBefore(have, at);
      }
    }
    if (!have) { parent.insertBefore(want, at); continue; }
    morph(have, want);
    at = have.nextSibling;
  }
  while (at) { const next = at.nextSibling; at.remove(); at = next; }
}

/* Put `children` in `target`, changing only what differs from what is there. */
D.patch = function (target, ...children) {
  const wanted = children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false)
    .map((c) => (typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c));
  morphChildren(target, wanted);
};
D.fill = D.patch;

/* Draw a part again only when what it shows has changed (`key`, any JSON-able value). */
D.section = function (node, key, build) {
  const text = JSON.stringify(key);
  if (node._drawn === text) return;
  node._drawn = text;
  D.patch(node, build());
};

/* Move the focus to a node (a heading or a status line is made focusable for it). */
D.focus = function (node) {
  if (!node) return;
  if (!node.matches("a[href], button, input, select, textarea, summary, [tabindex]")) node.setAttribute("tabindex", "-1");
  node.focus();
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

/* --- the connection ---------------------------------------------------------------- */
/* A state message carries the page's data and, beside it, the timer and the table: one object. */
function received(message) {
  if (message.type === "state") {
    for (const [name, value] of Object.entries(message)) if (name !== "type" && name !== "data") message.data[name] = value;
  }
  return message;
}

/* The same conversation over plain requests (long polling), for a network that blocks
   WebSockets: say hello, wait for news, send requests in order. */
D.poll = function (hello, deliver, events) {
  const poll = { session: null, stopped: false, chain: Promise.resolve(), unsent: [], delay: 1000 };
  async function post(path, body) {
    const reply = await fetch(path, { method: "POST", cache: "no-store", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body) });
    let data = {};
    try { data = await reply.json(); } catch (err) { data = {}; }
    return { status: reply.status, data };
  }
  poll.start = async function () {
    const { status, data } = await post("/api/poll/hello", { text: JSON.stringify(hello) });
    if (status === 403) { poll.stopped = true; deliver({ type: "error", message: data.error, fatal: true }); return false; }
    if (status !== 200 || !data.session) throw new Error("no session");
    poll.session = data.session;
    return true;
  };
  poll.run = async function () {
    while (!poll.stopped) {
      try {
        const { status, data } = await post("/api/poll/wait", { session: poll.session });
        if (status === 410) { if (!(await poll.start())) return; events.again(); continue; }
        if (status !== 200) throw new Error("no answer");
        poll.delay = 1000;
        events.back();
        for (const message of data.messages || []) deliver(message);
        for (const message of poll.unsent.splice(0)) poll.send(message);
      } catch (err) {
        events.lost();
        await new Promise((done) => window.setTimeout(done, poll.delay));
        poll.delay = Math.min(poll.delay * 2, 8000);
      }
    }
  };
  poll.send = function (message) {
    poll.chain = poll.chain.then(() => post("/api/poll/send", { session: poll.session, text: JSON.stringify(message) }))
      .then((r) => { if (r.status !== 200) poll.unsent.push(message); })
      .catch(() => { poll.unsent.push(message); });
  };
  return poll;
};

/* One connection to the server: a WebSocket, opened again after any drop with a growing
   pause; requests made while it is down wait and go out, in order, once it is back. A
   WebSocket that never opens while a plain request gets through means the network blocks
   WebSockets: the page then says so and carries on over plain requests. */
D.connect = function (hello, handlers) {
  hello = Object.assign({ lang: document.documentElement.lang }, hello);  // the page's own language
  const conn = { ws: null, poll: null, closedForGood: false, delay: 500, waiting: [], opened: false };
  const status = document.getElementById("conn");
  /* A lost connection is a warning everyone must notice: an alert, in colour, with an icon and words. */
  const setStatus = (text, lost) => {
    if (!status) return;
    status.setAttribute("role", lost ? "alert" : "status");
    status.className = lost ? "conn lost" : "conn muted";
    status.textContent = lost ? D.t("conn_lost_icon") + text : text;
  };
  const deliver = (message) => {
    if (message.type === "error" && message.fatal) conn.closedForGood = true;
    const handler = handlers[received(message).type];
    if (handler) handler(message);
  };
  conn.send = function (message) {
    if (conn.poll) conn.poll.send(message);
    else if (conn.ws && conn.ws.readyState === WebSocket.OPEN) conn.ws.send(JSON.stringify(message));
    else conn.waiting.push(message);
  };
  conn.close = function () {
    conn.closedForGood = true;
    if (conn.ws) conn.ws.close();
    if (conn.poll) conn.poll.stopped = true;
  };
  function ready(sendNow) {
    if (handlers.open) handlers.open();
    for (const message of conn.waiting.splice(0)) sendNow(message);
  }
  function retry() {
    setStatus(D.t("reconnecting"), true);
    window.setTimeout(open, conn.delay);
    conn.delay = Math.min(conn.delay * 2, 8000);
  }
  async function overRequests() {
    const poll = D.poll(hello, deliver, {
      lost: () => { if (!conn.closedForGood) setStatus(D.t("reconnecting"), true); },
      back: () => setStatus(D.t("ws_blocked", { host: location.host })),
      again: () => { if (handlers.open) handlers.open(); },
    });
    try {
      if (!(await poll.start())) { setStatus(D.t("disconnected"), true); return; }
    } catch (err) { retry(); return; }
    conn.poll = poll;
    setStatus(D.t("ws_blocked", { host: location.host }));
    ready((message) => poll.send(message));
    poll.run();
  }
  function open() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(`${scheme}//${location.host}/ws`);
    let opened = false;
    const patience = window.setTimeout(() => { if (!opened) ws.close(); }, 10000);
    conn.ws = ws;
    ws.onopen = () => {
      opened = conn.opened = true;
      window.clearTimeout(patience);
      conn.delay = 500;
      ws.send(JSON.stringify(hello));
      setStatus(D.t("connected"));
      ready((message) => ws.send(JSON.stringify(message)));
    };
    ws.onmessage = (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch (err) { return; }
      deliver(message);
    };
    ws.onclose = () => {
      window.clearTimeout(patience);
      if (conn.closedForGood) { setStatus(D.t("disconnected"), true); return; }
      if (!conn.opened) { overRequests(); return; }
      retry();
    };
  }
  open();
  return conn;
};

/* --- the talks timer: each clock counts down locally from the last figure the server sent --- */
D.clocks = new Map();
D.setTimer = function (node, data, quiet) {
  if (!node) return;
  const old = D.clocks.get(node) || { warned: false, over: false };
  const clock = { ...old, left: data ? data.left : 0, running: !!(data && data.running), at: performance.now(), quiet };
  if (clock.left > 60) clock.warned = false;
  D.clocks.set(node, clock);
  D.drawTimers();
};
D.drawTimers = function () {
  for (const [node, t] of D.clocks) {
    if (!node.isConnected) { D.clocks.delete(node); continue; }
    const left = Math.max(0, t.left - (t.running ? (performance.now() - t.at) / 1000 : 0));
    const minutes = Math.floor(left / 60), seconds = Math.floor(left % 60);
    const clock = `${minutes}:${String(seconds).padStart(2, "0")}`;
    let text = D.t("timer_off");
    if (t.running && left <= 0) text = D.t("timer_up");
    else if (t.running) text = D.t("timer_left", { clock });
    else if (t.left > 0) text = D.t("timer_paused", { clock });
    if (node.textContent !== text) node.textContent = text;
    if (t.quiet) continue;
    if (t.running && left <= 60 && left > 0 && !t.warned) { t.warned = true; D.announce(D.t("minute_left")); }
    if (t.running && left <= 0 && !t.over) { t.over = true; D.announce(D.t("time_up")); }
    if (left > 0) t.over = false;
  }
};
window.setInterval(D.drawTimers, 1000);

/* --- the meters, the results and the ending (board, team and host pages alike) ---
   `level` is the heading level of each card; `p` a prefix that keeps ids apart when a
   page shows two sets (the host page with a hot-seat team's panel). */
D.meters = function (data, level, p) {
  level = level || 3; p = p || "";
  const names = data.trust.map((row) => row.role);
  const trust = D.el("table", { class: "trust-table" },
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
    ? D.el("ul", { class: "plain" }, active.map((c) => D.el("li", { text: D.t("commitment_line", c) })))
    : D.el("p", { class: "muted", text: D.t("no_commitments") });
  const demands = data.demands.length
    ? D.el("ul", { class: "plain" }, data.demands.map((d) => D.el("li", {},
      D.el("strong", { text: D.t("demand_line", d) }), D.t("demand_cost", d))))
    : D.el("p", { class: "muted", text: D.t("no_demands") });
  const card = (id, extra, ...body) => D.el("section", { class: `card ${extra}`, "aria-labelledby": `${p}h-${id}`, "data-card": id },
    ...body);
  return D.el("div", { class: "grid" },
    card("tension", "", D.h(level, { id: `${p}h-tension`, text: D.t("tension") }),
      D.el("p", { class: "big", text: D.t("tension_value", { value: data.tension, band: data.band }) }),
      data.breakdown ? D.el("p", { class: "error", text: D.t("breakdown") }) : null),
    card("trust", "trust", D.h(level, { id: `${p}h-trust`, text: D.t("trust") }), trust),
    card("demands", "", D.h(level, { id: `${p}h-demands`, text: D.t("demands") }), demands),
    card("support", "", D.h(level, { id: `${p}h-support`, text: D.t("support") }), support,
      D.el("p", { class: "muted", text: D.t(data.role ? "support_note_team" : "support_note_room") })),
    card("track", "", D.h(level, { id: `${p}h-track`, text: D.t("track") }), track,
      D.h(level + 1, { text: D.t("commitments") }), commitments));
};

D.eventCard = function (event, level) {
  if (!event) return D.el("p", { class: "muted", text: D.t("no_event") });
  return D.el("div", { class: "card soft", key: `event-${event.title}` },
    D.h(level || 3, { text: D.t("event_title", event) }), D.el("p", { text: event.text }));
};

/* This round's event and any event the facilitator brought in, each on its own card. */
D.eventCards = function (data, level) {
  const extra = (data.brought_in || []).map((e) => D.el("div", { class: "card soft injected", key: `in-${e.title}` },
    D.h(level || 3, { text: D.t("brought_in", e) }), D.el("p", { text: e.text })));
  return [data.event || !extra.length ? D.eventCard(data.event, level) : null, ...extra];
};

/* A round's ledger grouped by cause. */
D.ledger = function (groups) {
  if (!groups.length) return D.el("p", { text: D.t("no_change") });
  return D.el("ul", {}, groups.map((g) => D.el("li", {}, D.el("strong", { text: g.title }),
    D.el("ul", {}, g.changes.map((c) => D.el("li", { text: c }))))));
};

/* One revealed round, its title a heading of `level` inside the summary; with `folded`
   (the board), its ledger is a further fold to open. Keyed by round, so a reader's open
   and closed rounds stay as they are when a new one comes. */
D.record = function (rec, open, folded, level) {
  level = level || 3;
  const ledger = D.ledger(rec.ledger);
  return D.el("details", { open, key: `round-${rec.round}` },
    D.el("summary", {}, D.h(level, { class: "in-summary", text: D.t("round_revealed", rec) })),
    rec.event ? D.el("p", {}, D.el("strong", { text: D.t("event_label") }), rec.event.title) : null,
    (rec.brought_in || []).map((e) => D.el("p", {}, D.el("strong", { text: D.t("brought_in_label") }), e.title)),
    D.h(level + 1, { text: D.t("orders") }),
    D.el("ul", {}, rec.orders.map((o) => D.el("li", {}, D.el("strong", { text: D.t("who", o) }),
      o.actions.length ? o.actions.join("; ") : D.t("no_orders")))),
    rec.responses.length ? D.h(level + 1, { text: D.t("answers") }) : null,
    rec.responses.length ? D.el("ul", {}, rec.responses.map((r) => D.el("li", { text: r }))) : null,
    rec.notes.length ? D.h(level + 1, { text: D.t("reasoning") }) : null,
    rec.notes.length ? D.el("ul", {}, rec.notes.map((n) => D.el("li", { text: n }))) : null,
    folded ? D.el("details", { class: "ledger" }, D.el("summary", { text: D.t("ledger") }), ledger)
      : [D.h(level + 1, { text: D.t("ledger") }), ledger]);
};

D.records = function (records, folded, level) {
  if (!records.length) return D.el("p", { class: "muted", text: D.t("no_rounds") });
  return D.el("div", {}, records.map((rec, i) => D.record(rec, i === 0, folded, level)));
};

/* The ending and the scores, its title a heading of `level`; with `folded` (the board),
   what each score is made of is a fold to open, so every delegation's total fits on the
   projector at once. */
D.outcome = function (outcome, folded, level, p) {
  if (!outcome) return null;
  p = p || "";
  const parts = (s) => s.parts.map((part) => `${part.points >= 0 ? "+" : ""}${part.points} ${part.label}`).join("; ");
  return D.el("section", { class: "card soft", "aria-labelledby": `${p}h-outcome` },
    D.h(level || 2, { id: `${p}h-outcome`, text: D.t("over_title", outcome) }), D.el("p", { text: outcome.text }),
    D.el("table", {}, D.el("caption", { class: "sr-only", text: D.t("scores") }),
      D.el("thead", {}, D.el("tr", {}, D.el("th", { scope: "col", text: D.t("delegation") }),
        D.el("th", { scope: "col", text: D.t("score") }), folded ? null : D.el("th", { scope: "col", text: D.t("made_of") }))),
      D.el("tbody", {}, outcome.scores.map((s) => D.el("tr", {}, D.el("th", { scope: "row", text: s.role }),
        D.el("td", { class: folded ? "big" : null, text: String(s.total) }), folded ? null : D.el("td", { text: parts(s) }))))),
    folded ? D.el("details", {}, D.el("summary", { text: D.t("made_of") }),
      D.el("ul", {}, outcome.scores.map((s) => D.el("li", {}, D.el("strong", { text: D.t("who", s) }), parts(s))))) : null);
};

/* Where the game stands; once it is over the ending's own title says so, once. */
D.headline = function (data) {
  if (data.phase === "over") return D.t("headline_over", data);
  return D.t("headline", { round: data.round, rounds: data.rounds, phase: data.phase_label });
};

/* Changes already made this round, before it is revealed (an event the facilitator brought in). */
D.soFar = function (groups, level) {
  if (!groups || !groups.length) return null;
  return D.el("div", { class: "card", key: "so-far" }, D.h(level || 3, { text: D.t("so_far") }), D.ledger(groups));
};

/* Beside an order in a team's own menu: a legal instrument's ratification odds at the team's
   own support, and what backing down from its standing demand would cost now. */
D.stakes = function (item) {
  const lines = [];
  if (item.odds !== null && item.odds !== undefined) lines.push(D.t("odds_line", item));
  if (item.backing_down !== null && item.backing_down !== undefined) lines.push(D.t("backing_down", item));
  return lines.length ? D.el("strong", { class: "stake" }, " ", lines.join(" ")) : null;
};

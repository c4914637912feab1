/* The team page. A team's secret token comes in the link's #fragment, which browsers never
   send to a server or put in a Referer header. Once the server has said which game and
   delegation it opens, the token is kept in this browser's localStorage under that game
   and delegation, and the address becomes /team?seat=GAME.ROLE (no secret in it): a reload
   reads that seat's own token, so a browser shared by two teams never switches team. */
"use strict";

(function () {
  const PREFIX = "detente-token/";
  const fatal = document.getElementById("fatal");
  const seat = new URLSearchParams(location.search).get("seat") || "";
  /* A language the join page was asked for (`?lang=`) stays in the address through reloads. */
  const asked = new URLSearchParams(location.search).get("lang") || "";
  const joinLink = asked ? `/join?lang=${encodeURIComponent(asked)}` : "/join";
  let current = seat;
  let token = location.hash.replace(/^#/, "");
  if (token) history.replaceState(null, "", location.pathname + location.search);
  else if (seat) token = localStorage.getItem(PREFIX + seat) || "";
  if (!token) {
    fatal.hidden = false;
    fatal.append(D.t("needs_link"), D.el("a", { href: joinLink, text: D.t("join_with_code") }));
    return;
  }
  let panel = null;
  /* The first state names the seat: keep the token under it and put it in the address. */
  function remember(data) {
    const name = `${data.table.key}.${data.role}`;
    localStorage.setItem(PREFIX + name, token);
    current = name;
    const query = new URLSearchParams({ seat: name });
    if (asked) query.set("lang", asked);
    if (seat !== name) history.replaceState(null, "", `${location.pathname}?${query}`);
  }
  /* A message in the talks goes to /api/talk, a plain POST carrying its submission key: the
     server answers with an acknowledgement or the refusal in one line, shown in the talks
     part. A request that never arrived (no network) stays pending and is sent again, with
     the same key, when the connection is back. */
  async function postTalk(message) {
    let reply;
    try {
      reply = await fetch(`/api/talk?lang=${encodeURIComponent(document.documentElement.lang)}`, { method: "POST", cache: "no-store",
        headers: { "Content-Type": "application/json" }, body: JSON.stringify({ ...message, token }) });
    } catch (err) { return; }
    let data = {};
    try { data = await reply.json(); } catch (err) { data = {}; }
    if (!panel) return;
    if (reply.ok) panel.ack({ type: "ack", key: message.key, duplicate: !!data.duplicate });
    else panel.error({ type: "error", key: message.key, message: data.error || D.t("talk_failed") });
  }
  const conn = D.connect({ type: "hello", as: "team", token }, {
    open: () => { if (panel) panel.resend(); },
    state: (m) => {
      if (!panel) {
        remember(m.data);
        panel = D.TeamPanel(document.getElementById("team"), (msg) => conn.send(msg),
          { storageKey: `detente-pending/${m.data.table.key}.${m.data.role}`, talk: postTalk });
        panel.resend();
      }
      panel.update(m.data);
    },
    ack: (m) => panel && panel.ack(m),
    draft: (m) => panel && panel.draft(m),
    error: (m) => {
      if (m.fatal) {
        if (current) localStorage.removeItem(PREFIX + current);
        fatal.hidden = false;
        D.patch(fatal, m.message, " ", D.el("a", { href: joinLink, text: D.t("join_with_code") }));
        D.focus(fatal);
      } else if (panel) panel.error(m);
    },
  });
})();

/* The team page: the secret token comes from the link's #fragment, which browsers never
   send to a server or put in a Referer header. It is kept in this browser's localStorage so
   that a reload keeps working, and is removed from the address bar. */
"use strict";

(function () {
  let token = location.hash.replace(/^#/, "");
  if (token) {
    localStorage.setItem("detente-token", token);
    history.replaceState(null, "", location.pathname);
  } else {
    token = localStorage.getItem("detente-token") || "";
  }
  const fatal = document.getElementById("fatal");
  if (!token) {
    fatal.hidden = false;
    fatal.append(D.t("needs_link"), D.el("a", { href: "/join", text: D.t("join_with_code") }));
    return;
  }
  let panel = null;
  const conn = D.connect({ type: "hello", as: "team", token }, {
    open: () => { if (panel) panel.resend(); },
    state: (m) => {
      if (!panel) {
        panel = D.TeamPanel(document.getElementById("team"), (msg) => conn.send(msg), `detente-pending-${m.data.role}`);
        panel.resend();
      }
      panel.update(m.data);
    },
    ack: (m) => panel && panel.ack(m),
    draft: (m) => panel && panel.draft(m),
    error: (m) => {
      if (m.fatal) {
        localStorage.removeItem("detente-token");
        fatal.hidden = false;
        D.fill(fatal, m.message, " ", D.el("a", { href: "/join", text: D.t("join_with_code") }));
      } else if (panel) panel.error(m);
    },
  });
})();

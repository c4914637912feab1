/* The join page: a short code from the board leads to the team's secret link. A refusal
   is said next to the field, and the focus goes back to the field to type again. */
"use strict";

document.getElementById("join").addEventListener("submit", async (event) => {
  event.preventDefault();
  const problem = document.getElementById("join-error");
  const field = document.getElementById("code");
  const refuse = (text) => { problem.textContent = text; field.focus(); };
  const code = field.value.trim();
  if (!code) { refuse(D.t("join_empty")); return; }
  problem.textContent = "";
  try {
    const reply = await fetch(`/api/join?lang=${encodeURIComponent(document.documentElement.lang)}`, { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code }) });
    const data = await reply.json();
    if (!reply.ok) { refuse(data.error); return; }
    /* The team page reads the language this page was asked for. */
    const asked = new URLSearchParams(location.search).get("lang");
    location.assign(`/team${asked ? `?lang=${encodeURIComponent(asked)}` : ""}#${data.token}`);
  } catch (err) {
    refuse(D.t("join_offline"));
  }
});

/* The join page: a short code from the board leads to the team's secret link. */
"use strict";

document.getElementById("join").addEventListener("submit", async (event) => {
  event.preventDefault();
  const problem = document.getElementById("join-error");
  const code = document.getElementById("code").value.trim();
  if (!code) { problem.textContent = D.t("join_empty"); return; }
  problem.textContent = "";
  try {
    const reply = await fetch("/api/join", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code }) });
    const data = await reply.json();
    if (!reply.ok) { problem.textContent = data.error; return; }
    location.assign(`/team#${data.token}`);
  } catch (err) {
    problem.textContent = D.t("join_offline");
  }
});

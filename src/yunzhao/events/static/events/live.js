// An open viewer page beats every few seconds: it is counted as a view once and as live while open.
(function () {
  "use strict";
  const form = document.getElementById("live-beat");
  if (!form) return;
  const key = (window.crypto && window.crypto.randomUUID) ? window.crypto.randomUUID() : String(Math.random()).slice(2) + Date.now();
  const format = new Intl.NumberFormat(document.documentElement.lang || undefined);
  const seconds = parseInt(form.dataset.seconds, 10) || 15;

  async function beat() {
    if (document.visibilityState === "hidden") return;
    const body = new FormData(form);
    body.set("key", key);
    try {
      const response = await fetch(form.action, { method: "POST", body: body, credentials: "same-origin" });
      if (!response.ok) return;
      const counts = await response.json();
      document.querySelector("[data-live]").textContent = format.format(counts.live);
      document.querySelector("[data-peak]").textContent = format.format(counts.peak);
      document.querySelector("[data-views]").textContent = format.format(counts.views);
    } catch (error) {
      // Offline for a moment: the next beat counts again.
    }
  }

  beat();
  window.setInterval(beat, seconds * 1000);
  document.addEventListener("visibilitychange", beat);
})();

// The door: send each code as it is typed or scanned and show the answer at once.
(function () {
  "use strict";
  const form = document.getElementById("check-in-form");
  if (!form) return;
  const input = document.getElementById("check-in-code");
  const result = document.getElementById("check-in-result");
  const count = document.querySelector("[data-checked-count]");
  const cameraButton = document.getElementById("check-in-camera");
  const video = document.getElementById("check-in-video");
  const canvas = document.getElementById("check-in-canvas");
  let stream = null;
  let busyUntil = 0;

  function show(answer) {
    result.className = "check-in-result rounded-3 p-3 mb-3 border text-bg-" + answer.tone;
    result.replaceChildren();
    const message = document.createElement("p");
    message.className = "fs-4 fw-semibold mb-1";
    message.textContent = answer.message;
    result.append(message);
    if (answer.name) {
      const who = document.createElement("p");
      who.className = "fs-5 mb-0";
      const name = document.createElement("bdi");
      name.textContent = answer.name;
      who.append(name);
      if (answer.organisation) {
        const organisation = document.createElement("bdi");
        organisation.textContent = answer.organisation;
        who.append(" · ", organisation);
      }
      result.append(who);
      if (answer.checked_in_at) {
        const when = document.createElement("p");
        when.className = "mb-0";
        when.textContent = form.dataset.checkedAt + " " + answer.checked_in_at;
        result.append(when);
      }
    }
    if (answer.outcome === "checked_in" && count) {
      count.textContent = String(parseInt(count.textContent.replace(/\D/g, ""), 10) + 1);
    }
  }

  async function send(code) {
    const body = new FormData(form);
    body.set("code", code);
    const response = await fetch(form.action || window.location.href, {
      method: "POST",
      body: body,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (response.ok) show(await response.json());
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const code = input.value.trim();
    if (!code) return;
    input.value = "";
    send(code).finally(function () { input.focus(); });
  });

  function scan() {
    if (!stream) return;
    if (video.readyState === video.HAVE_ENOUGH_DATA && Date.now() > busyUntil) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const context = canvas.getContext("2d", { willReadFrequently: true });
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const found = window.jsQR && window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
      if (found && found.data) {
        busyUntil = Date.now() + 2500; // one answer per badge held up to the camera
        send(found.data);
      }
    }
    window.requestAnimationFrame(scan);
  }

  function stop() {
    if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
    stream = null;
    video.hidden = true;
    cameraButton.textContent = cameraButton.dataset.start;
  }

  cameraButton.addEventListener("click", async function () {
    if (stream) { stop(); return; }
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      show({ tone: "warning", message: cameraButton.dataset.unavailable });
      return;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    } catch (error) {
      show({ tone: "warning", message: cameraButton.dataset.unavailable });
      return;
    }
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    cameraButton.textContent = cameraButton.dataset.stop;
    window.requestAnimationFrame(scan);
  });
})();

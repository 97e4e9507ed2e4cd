// The signature pad: pointer events draw on a canvas; on submit the drawing goes as a PNG data URL.
// Without a drawing (keyboard users, or anyone who prefers), the typed name alone is the signature.
(function () {
  "use strict";
  var show = document.getElementById("show-document");
  var frame = document.getElementById("document-frame");
  if (show && frame) {
    show.hidden = false;
    show.addEventListener("click", function () {
      if (!frame.getAttribute("src")) { frame.setAttribute("src", frame.getAttribute("data-src")); }
      frame.hidden = !frame.hidden;
      show.setAttribute("aria-expanded", String(!frame.hidden));
    });
  }
})();

(function () {
  "use strict";
  var form = document.getElementById("sign-form");
  var canvas = document.getElementById("signature-canvas");
  if (!form || !canvas) { return; }
  var pad = canvas.parentElement;
  var field = form.querySelector('input[name="signature"]');
  var typed = form.querySelector('input[name="typed_name"]');
  var preview = document.getElementById("signature-typed");
  var context = canvas.getContext("2d");
  var drawing = false;
  var drawn = false;
  // Strokes in CSS pixels, kept so a resize (rotating a phone) redraws them at the new scale.
  var strokes = [];
  var width = 0;

  function style() {
    context.lineWidth = 2.2;
    context.lineCap = "round";
    context.lineJoin = "round";
    context.strokeStyle = "#1d3b8a";
  }

  function line(from, to) {
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
  }

  function size() {
    var rect = canvas.getBoundingClientRect();
    if (rect.width === width) { return; }
    width = rect.width;
    var ratio = Math.min(window.devicePixelRatio || 1, 2);
    canvas.width = Math.max(50, Math.round(rect.width * ratio));
    canvas.height = Math.max(20, Math.round(rect.height * ratio));
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    style();
    strokes.forEach(function (stroke) {
      for (var i = 1; i < stroke.length; i += 1) { line(stroke[i - 1], stroke[i]); }
    });
  }

  function point(event) {
    var rect = canvas.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  }

  canvas.addEventListener("pointerdown", function (event) {
    event.preventDefault();
    drawing = true;
    strokes.push([point(event)]);
    if (canvas.setPointerCapture) { canvas.setPointerCapture(event.pointerId); }
  });
  canvas.addEventListener("pointermove", function (event) {
    if (!drawing) { return; }
    event.preventDefault();
    var stroke = strokes[strokes.length - 1];
    var next = point(event);
    line(stroke[stroke.length - 1], next);
    stroke.push(next);
    if (!drawn) { drawn = true; pad.classList.add("has-drawing"); }
  });
  function stop() { drawing = false; }
  canvas.addEventListener("pointerup", stop);
  canvas.addEventListener("pointercancel", stop);
  canvas.addEventListener("pointerleave", stop);

  document.getElementById("signature-clear").addEventListener("click", function () {
    context.clearRect(0, 0, canvas.width, canvas.height);
    strokes = [];
    drawn = false;
    pad.classList.remove("has-drawing");
    field.value = "";
  });

  function showTyped() { preview.textContent = typed.value; }
  typed.addEventListener("input", showTyped);
  showTyped();

  form.addEventListener("submit", function () {
    field.value = drawn ? canvas.toDataURL("image/png") : "";
  });

  size();
  window.addEventListener("resize", size);
})();

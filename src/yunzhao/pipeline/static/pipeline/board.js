/* The pipeline board: drag a card to another column, answer what the move needs, post it.
   The dialog's form is a plain form posting to the move page; without this script every
   card's "Move" link leads to the same form. */
(function () {
  "use strict";
  var dragged = null;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_match, key) { return values[key] || ""; });
  }

  function openDialog(card, column) {
    var dialog = document.getElementById("move-dialog");
    var form = document.getElementById("move-dialog-form");
    var stage = column.dataset.stage;
    var values = { title: card.dataset.title, stage: column.dataset.stageLabel, current: card.dataset.stageLabel };
    var allowed = card.dataset.allowed.split(" ").indexOf(stage) !== -1;
    var needsReason = card.dataset.reasonFor.split(" ").indexOf(stage) !== -1;
    var title = dialog.querySelector("#move-dialog-title");
    title.textContent = fill(title.dataset.template, values);
    form.action = card.dataset.moveUrl;
    form.elements.to_stage.value = stage;
    form.elements.version.value = card.dataset.version;
    form.elements.next.value = window.location.pathname + window.location.search;
    form.elements.reason.value = "";
    form.elements.effective_at.value = "";
    form.elements.reason.required = needsReason;
    var help = dialog.querySelector("#move-reason-help");
    help.textContent = needsReason ? help.dataset.needed : help.dataset.optional;
    dialog.querySelector("[data-reason-required]").hidden = !needsReason;
    var forbidden = dialog.querySelector("[data-forbidden]");
    forbidden.hidden = allowed;
    forbidden.textContent = allowed ? "" : fill(forbidden.dataset.template, values);
    dialog.querySelector("[data-reason]").hidden = !allowed;
    dialog.querySelector("[data-effective]").hidden = !allowed;
    dialog.querySelector("[data-submit]").hidden = !allowed;
    dialog.showModal();
    (allowed ? form.elements.reason : dialog.querySelector("[data-close]")).focus();
  }

  document.addEventListener("dragstart", function (event) {
    var card = event.target.closest && event.target.closest(".board-card[draggable=true]");
    if (!card) { return; }
    dragged = card;
    card.classList.add("board-dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.project);
  });
  document.addEventListener("dragend", function () {
    if (dragged) { dragged.classList.remove("board-dragging"); }
    document.querySelectorAll(".board-drop").forEach(function (el) { el.classList.remove("board-drop"); });
  });
  document.addEventListener("dragover", function (event) {
    var column = event.target.closest && event.target.closest(".board-column");
    if (!column || !dragged) { return; }
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    document.querySelectorAll(".board-drop").forEach(function (el) { if (el !== column) { el.classList.remove("board-drop"); } });
    column.classList.add("board-drop");
  });
  document.addEventListener("drop", function (event) {
    var column = event.target.closest && event.target.closest(".board-column");
    if (!column || !dragged) { return; }
    event.preventDefault();
    column.classList.remove("board-drop");
    var card = dragged;
    dragged = null;
    card.classList.remove("board-dragging");
    if (column.dataset.stage !== card.dataset.stage) { openDialog(card, column); }
  });
  document.addEventListener("click", function (event) {
    var close = event.target.closest && event.target.closest("#move-dialog [data-close]");
    if (close) { document.getElementById("move-dialog").close(); }
  });
})();

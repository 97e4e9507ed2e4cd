/* Yunzhao page behaviour: htmx settings and small conveniences. No third-party hosts. */
(function () {
  "use strict";
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (token && !event.detail.headers["X-CSRFToken"]) {
      event.detail.headers["X-CSRFToken"] = token.value;
    }
  });
  // Move focus to swapped-in content that asks for it, so keyboard and screen-reader users follow.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target.querySelector("[data-focus-after-swap]");
    if (target) { target.focus(); }
  });
})();

// Polls the PDF's rendering state on a tertial analysis page until it is ready or failed.
(function () {
  "use strict";
  var box = document.getElementById("pdf-state");
  if (!box) { return; }
  function poll() {
    fetch(box.dataset.url, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        box.querySelector("span").textContent = state.label;
        if (state.state === "queued" || state.state === "running") { setTimeout(poll, 2000); }
      });
  }
  poll();
})();

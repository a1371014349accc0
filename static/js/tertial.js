// Polls the PDF's rendering state on a tertial analysis page until it is ready or failed. The
// wait between asks grows (2 s, 4 s, … up to a minute) and the page stops asking after about
// a quarter of an hour: with the queue down, the PDF is made once it is back (beat queues it
// again), and the page says to come back later rather than ask forever.
(function () {
  "use strict";
  var box = document.getElementById("pdf-state");
  if (!box) { return; }
  var wait = 2000, asked = 0, MAX_WAIT = 60000, MAX_ASKS = 20;
  function poll() {
    asked += 1;
    fetch(box.dataset.url, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        box.querySelector("span").textContent = state.label;
        if (state.state !== "queued" && state.state !== "running") { return; }
        if (asked >= MAX_ASKS) {
          box.querySelector("span").textContent = state.label + " " + box.dataset.later;
          return;
        }
        setTimeout(poll, wait);
        wait = Math.min(wait * 2, MAX_WAIT);
      });
  }
  poll();
})();

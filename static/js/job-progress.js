// What the pages of background work share (an import: import-progress.js; an export:
// export-progress.js): ask the box's data-url every 2 s for the work's state, let the page
// show it, and reload the page once the work is done or failed, so that the page says what
// happened. It stops asking when nothing has moved for five minutes or the server cannot be
// reached ten times in a row, and says to come back later: it never asks forever.
(function () {
  "use strict";
  var WAIT = 2000, MAX_STILL = 150, MAX_FAILURES = 10;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }
  function number(value) { return Number(value).toLocaleString(document.documentElement.lang); }

  // box: the section with data-url, data-stalled, data-offline and a [data-part=text];
  // show(state): returns the text for the state, and sets the bar; seen(state): what must
  // change for the work to count as moving.
  function watch(box, show, seen) {
    var text = box.querySelector("[data-part=text]");
    var still = 0, failures = 0, last = null;
    function poll() {
      fetch(box.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) { throw new Error(String(response.status)); }
          return response.json();
        })
        .then(function (state) {
          failures = 0;
          if (!state.running) { window.location.reload(); return; }
          text.textContent = show(state);
          var now = seen(state);
          still = now === last ? still + 1 : 0;
          last = now;
          if (still >= MAX_STILL) { text.textContent = box.dataset.stalled; return; }
          setTimeout(poll, WAIT);
        })
        .catch(function () {
          failures += 1;
          if (failures >= MAX_FAILURES) { text.textContent = box.dataset.offline; return; }
          setTimeout(poll, WAIT);
        });
    }
    poll();
  }

  // The time left, from the box's data-left ("about {minutes} min {seconds} s left").
  function timeLeft(box, seconds) {
    return fill(box.dataset.left, { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
  }

  window.EST = window.EST || {};
  window.EST.jobProgress = { watch: watch, fill: fill, number: number, timeLeft: timeLeft };
})();

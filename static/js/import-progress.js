// The progress of an import running in the background (reports/incidents/import_jobs.py): asks
// every 2 s for the rows checked and written, shows them with a bar and the time left, and
// reloads the page once the work is done or failed, so that the page says what happened. It
// stops asking when nothing has moved for five minutes or the server cannot be reached ten
// times in a row, and says to come back later: it never asks forever.
(function () {
  "use strict";
  var box = document.getElementById("import-progress");
  if (!box) { return; }
  var bar = document.getElementById("import-progress-bar");
  var text = box.querySelector("[data-part=text]");
  var WAIT = 2000, MAX_STILL = 150, MAX_FAILURES = 10;
  var still = 0, failures = 0, last = null;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }
  function number(value) { return Number(value).toLocaleString(document.documentElement.lang); }

  function show(state) {
    var parts = [fill(box.dataset.checked, { checked: number(state.checked) })];
    if (state.total) {
      var done = Math.max(state.checked, state.written);
      bar.max = state.total;
      bar.value = Math.min(done, state.total);
      if (state.status === "writing") {
        parts.push(fill(box.dataset.written, { written: number(state.written), total: number(state.total) }));
      }
      if (state.seconds_left !== null) {
        parts.push(fill(box.dataset.left, {
          minutes: Math.floor(state.seconds_left / 60), seconds: state.seconds_left % 60
        }));
      }
    }
    text.textContent = parts.join(", ") + ".";
  }

  function poll() {
    fetch(box.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (state) {
        failures = 0;
        if (!state.running) { window.location.reload(); return; }
        show(state);
        var seen = state.checked + "/" + state.written;
        still = seen === last ? still + 1 : 0;
        last = seen;
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
})();

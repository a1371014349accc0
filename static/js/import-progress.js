// The progress of an import running in the background (reports/incidents/import_jobs.py): the
// rows checked and written, with a bar and the time left (the asking: job-progress.js).
(function () {
  "use strict";
  var box = document.getElementById("import-progress");
  if (!box) { return; }
  var bar = document.getElementById("import-progress-bar");
  var job = window.EST.jobProgress;

  function show(state) {
    var parts = [job.fill(box.dataset.checked, { checked: job.number(state.checked) })];
    if (state.total) {
      var done = Math.max(state.checked, state.written);
      bar.max = state.total;
      bar.value = Math.min(done, state.total);
      if (state.status === "writing") {
        parts.push(job.fill(box.dataset.written, { written: job.number(state.written), total: job.number(state.total) }));
      }
      if (state.seconds_left !== null) { parts.push(job.timeLeft(box, state.seconds_left)); }
    }
    return parts.join(", ") + ".";
  }
  job.watch(box, show, function (state) { return state.checked + "/" + state.written; });
})();

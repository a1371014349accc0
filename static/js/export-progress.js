// The progress of an export written in the background (reports/incidents/export_jobs.py): the
// incidents written, with a bar and the time left (the asking: job-progress.js).
(function () {
  "use strict";
  var box = document.getElementById("job-progress");
  if (!box) { return; }
  var bar = document.getElementById("job-progress-bar");
  var job = window.EST.jobProgress;

  function show(state) {
    if (!state.total) { return box.querySelector("[data-part=text]").textContent; }
    bar.max = state.total;
    bar.value = Math.min(state.written, state.total);
    var parts = [job.fill(box.dataset.done, { done: job.number(state.written), total: job.number(state.total) })];
    if (state.seconds_left !== null) { parts.push(job.timeLeft(box, state.seconds_left)); }
    return parts.join(", ") + ".";
  }
  job.watch(box, show, function (state) { return String(state.written); });
})();

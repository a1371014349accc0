"""Where a request's time goes inside gunicorn: a gunicorn configuration file for benchmarks, and
the summary of what it recorded.

    gunicorn est.wsgi -c bench/probe.py ...      (bench/run.py's ``server(..., probe=path)``)

With ``BENCH_PROBE_LOG`` set, every request handled appends one JSON line to that file:

- ``wait``: from the moment the client says it sent the request (its ``X-Bench-Sent`` header,
  ``time.time()`` on the same machine) until a gunicorn thread began on it: time in the listen
  queue, in the worker's queue of connections, and waiting for a free thread;
- ``wall``: from then until the response was written;
- ``cpu``: CPU time of the thread that handled it (``time.thread_time``): what the request cost
  the machine, which the other engineers' load on it does not inflate (it does inflate ``wall``);
- ``sql`` and ``sql_ms``: statements sent to PostgreSQL and the time spent waiting for them;
- ``gc_ms``: time in Python's garbage collector during the request, in its thread.

With ``BENCH_PROFILE`` set to a directory, each request is also run under cProfile and its
statistics written there (``profile_summary`` adds them up).

The wall-clock figures depend on the machine's load; ``cpu`` and ``sql`` do not.
"""

import cProfile
import gc
import json
import os
import pstats
import statistics
import threading
import time

_local = threading.local()
_log_lock = threading.Lock()


def _gc_timer(phase, info):
    if phase == "start":
        _local.gc_began = time.perf_counter()
    elif getattr(_local, "gc_began", None) is not None:
        _local.gc_ms = getattr(_local, "gc_ms", 0.0) + (time.perf_counter() - _local.gc_began) * 1e3
        _local.gc_began = None


def _sql_timer(execute, sql, params, many, context):
    began = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        _local.sql += 1
        _local.sql_ms += (time.perf_counter() - began) * 1e3


def post_fork(server, worker):
    """Gunicorn hook: time the garbage collector in each worker process."""
    gc.callbacks.append(_gc_timer)


def pre_request(worker, req):
    """Gunicorn hook: note when the request began and start counting its SQL."""
    from django.db import connection

    now = time.time()
    sent = dict(req.headers).get("X-BENCH-SENT")
    _local.wait = (now - float(sent)) * 1e3 if sent else None
    _local.began = time.perf_counter()
    _local.cpu = time.thread_time()
    _local.sql = 0
    _local.sql_ms = 0.0
    _local.gc_ms = 0.0
    connection.execute_wrappers.append(_sql_timer)
    if os.environ.get("BENCH_PROFILE"):
        _local.profile = cProfile.Profile()
        _local.profile.enable()


def post_request(worker, req, environ, resp):
    """Gunicorn hook: write the request's line to ``BENCH_PROBE_LOG``."""
    from django.db import connection

    profile = getattr(_local, "profile", None)
    if profile is not None:
        profile.disable()
        _local.profile = None
        name = f"{os.getpid()}-{threading.get_ident()}-{time.perf_counter_ns()}.prof"
        profile.dump_stats(os.path.join(os.environ["BENCH_PROFILE"], name))
    if _sql_timer in connection.execute_wrappers:
        connection.execute_wrappers.remove(_sql_timer)
    path = os.environ.get("BENCH_PROBE_LOG")
    if not path:
        return
    line = {
        "method": req.method,
        "path": req.path,
        "status": resp.status_code if resp else None,
        "pid": os.getpid(),
        "wait": _local.wait,
        "wall": (time.perf_counter() - _local.began) * 1e3,
        "cpu": (time.thread_time() - _local.cpu) * 1e3,
        "sql": _local.sql,
        "sql_ms": _local.sql_ms,
        "gc_ms": _local.gc_ms,
    }
    with _log_lock, open(path, "a") as log:
        log.write(json.dumps(line) + "\n")


def _percentiles(values: list[float]) -> str:
    values = sorted(values)
    if not values:
        return "–"
    p95 = values[min(len(values) - 1, round(0.95 * len(values)) - 1)]
    return f"{statistics.median(values):6.1f} / {p95:6.1f} / {values[-1]:6.1f}"


def probe_summary(path, *, method: str = "POST") -> str:
    """Return a table of what the probe log at ``path`` holds for requests of ``method``:
    median / p95 / max of each measure, in milliseconds, and SQL statements per request."""
    with open(path) as log:
        lines = [json.loads(text) for text in log if text.strip()]
    lines = [line for line in lines if line["method"] == method]
    if not lines:
        return f"probe: no {method} requests recorded"
    rows = [
        ("in gunicorn's queues (wait)", [x["wait"] for x in lines if x["wait"] is not None]),
        ("handling (wall)", [x["wall"] for x in lines]),
        ("CPU of the handling thread", [x["cpu"] for x in lines]),
        ("waiting for PostgreSQL", [x["sql_ms"] for x in lines]),
        ("garbage collection", [x["gc_ms"] for x in lines]),
    ]
    statements = [x["sql"] for x in lines]
    text = [f"probe, {len(lines)} {method} requests: median / p95 / max, ms"]
    text += [f"  {name:<30} {_percentiles(values)}" for name, values in rows]
    text.append(
        f"  {'SQL statements per request':<30} {statistics.mean(statements):6.1f} mean, "
        f"{min(statements)}–{max(statements)}"
    )
    text.append(f"  {'CPU per request, mean':<30} {statistics.mean(rows[2][1]):6.1f}")
    # gthread workers keep the connections they accepted: one may hold most of the clients.
    by_process = {}
    for line in lines:
        by_process.setdefault(line["pid"], []).append(line["wait"] or 0.0)
    shares = ", ".join(
        f"{len(waits)} (wait {statistics.median(waits):.0f} ms)"
        for waits in sorted(by_process.values(), key=len, reverse=True)
    )
    text.append(f"  {'requests per worker process':<30} {shares}")
    return "\n".join(text)


def profile_summary(directory, *, skip: int = 2, lines: int = 40, order: str = "cumulative") -> str:
    """Return the cProfile statistics of the requests profiled into ``directory``, added up, as
    pstats prints them (sorted by ``order``), leaving out each worker process's first ``skip``
    requests: they import and load what the process has not used yet."""
    import io

    by_process = {}
    for name in os.listdir(directory):
        pid, _thread, moment = name.removesuffix(".prof").split("-")
        by_process.setdefault(pid, []).append((int(moment), name))
    files = [
        os.path.join(directory, name)
        for requests in by_process.values()
        for _moment, name in sorted(requests)[skip:]
    ]
    out = io.StringIO()
    out.write(f"{len(files)} requests profiled\n")
    stats = pstats.Stats(*files, stream=out)
    stats.strip_dirs().sort_stats(order).print_stats(lines)
    return out.getvalue()

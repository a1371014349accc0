"""Benchmark: situation pictures with the benchmark database's incidents (bench/generate.py).

    .venv/bin/python bench/situation.py compile [--repeat 5] [--dense 5000]  # one at a time
    .venv/bin/python bench/situation.py all [--concurrency 2]  # all 290: command, then a worker
    .venv/bin/python bench/situation.py page [--requests 100] [--dense 5000]  # through gunicorn
    .venv/bin/python bench/situation.py pdf [--requests 5] [--dense 5000]     # through gunicorn

Every scenario uses the last ended period. ``compile`` times ``situation_picture_compile`` as a
worker runs it (claim, all the counting and the analysis, the snapshot saved), in process, for
Arboga, the municipality with most incidents in the period, the largest by area (Kiruna) and
Stockholm; the first run of each starts with an empty cache (the whole grid's size is counted
again), the others are warm. ``--dense N`` adds N incidents to Stockholm's period (Gaussian,
2 km, around its centre) inside a transaction that is rolled back, because the generated data
gives every municipality about the same 45 incidents a fortnight. ``all`` deletes the
period's pictures and compiles the 290: with ``manage.py compile_situation_pictures`` in one
process (cold cache, then warm), and as the beat does it (one task per picture) with a real
Celery worker of ``--concurrency`` processes. ``page`` and
``pdf`` start gunicorn as bench/run.py does and time requests client-side, after warm-up
requests. The cache and the Celery broker use Redis database 7, which this script empties.
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

#: A Redis database of its own: the cold runs empty the cache, and the broker's queue is ours.
REDIS_DATABASE = 7
os.environ["REDIS_URL"] = "redis://127.0.0.1:{}/{}".format(
    (ROOT / ".env").read_text().split("REDIS_URL=redis://127.0.0.1:")[1].split("/")[0],
    REDIS_DATABASE,
)

from run import WARM_UP, server, session_cookie, setup_django, summary, timed_get  # noqa: E402


def _pictures(start):
    from reports.situation.models import SituationPicture

    return SituationPicture.objects.filter(period_start=start)


def _largest():
    """Return the municipality with the largest area (Kiruna)."""
    from django.contrib.gis.db.models.functions import Area

    from est.models import Municipality

    return Municipality.objects.annotate(size=Area("boundary")).order_by("-size").first()


def _chosen(start, end):
    """Return [(why, municipality)]: Arboga, most incidents in the period, largest, Stockholm."""
    from django.db.models import Count, Q

    from est.models import Municipality
    from est.periods import local_midnight

    busiest = (
        Municipality.objects.annotate(
            period=Count(
                "incidents",
                filter=Q(
                    incidents__occurred_from__gte=local_midnight(start),
                    incidents__occurred_from__lt=local_midnight(end),
                ),
            )
        )
        .order_by("-period")
        .first()
    )
    largest = _largest()
    return [
        ("Arboga", Municipality.objects.get(code="1984")),
        ("most incidents in the period", busiest),
        ("largest by area", largest),
        ("Stockholm", Municipality.objects.get(code="0180")),
    ]


_DENSE_SQL = """
WITH m AS (
    SELECT id, ST_PointOnSurface(boundary) AS middle,
           ARRAY(SELECT c.id FROM reports_category c WHERE c.municipality_id = est_municipality.id
                 ORDER BY c.id) AS categories
    FROM est_municipality WHERE code = %(code)s
)
INSERT INTO reports_incident (
    municipality_id, category_id, occurred_from, occurred_to, position, position_precise,
    place_name, description, police_informed, police_reference, source, status, triage_note,
    created_at, updated_at)
SELECT m.id, m.categories[1 + s.g %% array_length(m.categories, 1)], s.t,
       s.t + random() * interval '4 hours',
       ST_SetSRID(ST_MakePoint(
           ST_X(m.middle) + 2000 * sqrt(-2 * ln(s.u1)) * cos(2 * pi() * s.u2),
           ST_Y(m.middle) + 2000 * sqrt(-2 * ln(s.u1)) * sin(2 * pi() * s.u2)), 3006),
       true, '', 'Benchmark', false, '', 'reporter', 'new', '', s.t, s.t
FROM m, (
    SELECT g, %(start)s + random() * interval '14 days' AS t, 1 - random() AS u1, random() AS u2
    FROM generate_series(1, %(count)s) AS g
) AS s
"""


def _timed_compiles(municipality, start, repeat: int) -> tuple[list[float], dict]:
    """Compile the municipality's picture of the period ``repeat`` times as a worker does;
    return the seconds each took and the content."""
    from reports.situation.compile import situation_picture_compile, situation_picture_ensure

    picture, _created = situation_picture_ensure(municipality=municipality, period_start=start)
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        situation_picture_compile(picture_id=picture.pk, force=True)
        times.append(time.perf_counter() - began)
    picture.refresh_from_db()
    return times, picture.content


def bench_dense(count: int, repeat: int, code: str = "0180") -> dict:
    """Time one picture of a municipality given ``count`` more incidents in the period (a
    city's fortnight, which the uniform benchmark data lacks); the incidents are rolled back.
    Returns the content compiled from them."""
    from django.db import connection, transaction

    from est.models import Municipality
    from est.periods import last_ended_period, local_midnight

    start, _end = last_ended_period()
    municipality = Municipality.objects.get(code=code)
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                _DENSE_SQL, {"code": code, "start": local_midnight(start), "count": count}
            )
            cursor.execute("ANALYZE reports_incident")
        times, content = _timed_compiles(municipality, start, repeat)
        print(
            f"compile {municipality.name} with {count} more incidents: "
            f"{content['incident_count']} incidents, {len(content['where']['cells'])} cells "
            f"drawn: median {statistics.median(times):.3f} s, max {max(times):.3f} s",
            flush=True,
        )
        transaction.set_rollback(True)
    return content


def bench_compile(repeat: int) -> None:
    from django.core.cache import cache

    from est.periods import last_ended_period

    start, end = last_ended_period()
    for why, municipality in _chosen(start, end):
        cache.clear()
        times, content = _timed_compiles(municipality, start, repeat)
        print(
            f"compile {municipality.name} ({why}): {content['incident_count']} incidents, "
            f"{len(content['where']['cells'])} cells drawn, "
            f"{municipality.boundary.area / 1e6:,.0f} km²: cold {times[0]:.3f} s, "
            f"warm median {statistics.median(times[1:]):.3f} s, max {max(times[1:]):.3f} s",
            flush=True,
        )


def _wait_until_compiled(start, count: int, timeout: float = 900) -> None:
    from reports.situation.models import SituationPicture

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = _pictures(start).filter(compile_state=SituationPicture.CompileState.DONE).count()
        if done >= count:
            return
        time.sleep(0.2)
    raise SystemExit(f"only {done} of {count} pictures compiled in {timeout} s")


def bench_all(concurrency: int) -> None:
    from django.core.cache import cache

    from est.models import Municipality
    from est.periods import last_ended_period
    from reports.tasks import compile_due_situation_pictures

    start, _end = last_ended_period()
    count = Municipality.objects.count()
    environment = {**os.environ}

    for cold in (True, False):
        _pictures(start).delete()
        if cold:
            cache.clear()
        began = time.perf_counter()
        subprocess.run(  # noqa: S603 (our own manage.py)
            [sys.executable, "manage.py", "compile_situation_pictures"],
            cwd=ROOT,
            env=environment,
            check=True,
        )
        seconds = time.perf_counter() - began
        print(
            f"all {count} with the command, one process, {'cold' if cold else 'warm'} cache: "
            f"{seconds:.1f} s ({seconds / count * 1000:.0f} ms per municipality)",
            flush=True,
        )

    _pictures(start).delete()
    worker = subprocess.Popen(  # noqa: S603 (our own celery worker)
        [
            str(ROOT / ".venv/bin/celery"),
            "-A",
            "est",
            "worker",
            f"--concurrency={concurrency}",
            "--loglevel=warning",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=environment,
    )
    try:
        time.sleep(15)  # the worker's processes start and import Django
        began = time.perf_counter()
        queued = compile_due_situation_pictures()
        _wait_until_compiled(start, queued)
        seconds = time.perf_counter() - began
        print(
            f"all {queued} queued by the beat task, Celery worker --concurrency={concurrency}, "
            f"warm cache: {seconds:.1f} s from queueing to the last picture saved",
            flush=True,
        )
    finally:
        worker.terminate()
        worker.wait(30)


def _picture_paths(start, dense: int):
    """Return [(scenario, username, picture id)]: Arboga's coordinator and the superuser on
    the largest municipality, the period's pictures compiled first if they are not; with
    ``dense``, also Stockholm's picture holding the snapshot compiled with ``dense`` more
    incidents (the page and the PDF read only the snapshot)."""
    from django.utils import timezone

    from est.models import Municipality
    from reports.situation.compile import situation_picture_compile, situation_picture_ensure
    from reports.situation.models import SituationPicture

    arboga = Municipality.objects.get(code="1984")
    largest = _largest()
    paths = []
    for name, username, municipality in [
        ("Arboga coordinator", "bench_coordinator", arboga),
        (f"superuser, {largest.name}", "bench_admin", largest),
    ]:
        picture, _created = situation_picture_ensure(municipality=municipality, period_start=start)
        situation_picture_compile(picture_id=picture.pk)
        paths.append((name, username, picture.pk))
    if dense:
        content = bench_dense(dense, 1)
        stockholm = Municipality.objects.get(code="0180")
        picture, _created = situation_picture_ensure(municipality=stockholm, period_start=start)
        SituationPicture.objects.filter(pk=picture.pk).update(
            content=content,
            compile_state=SituationPicture.CompileState.DONE,
            compiled_at=timezone.now(),
        )
        paths.append((f"superuser, Stockholm + {dense}", "bench_admin", picture.pk))
    return paths


def bench_requests(port: int, requests: int, suffix: str, dense: int) -> None:
    from est.periods import last_ended_period

    start, _end = last_ended_period()
    for name, username, pk in _picture_paths(start, dense):
        headers = {"Cookie": session_cookie(username)}
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        path = f"/situation/{pk}/{suffix}"
        # With --workers 1 the first request is the only cold one (fonts, templates, imports).
        first = [timed_get(connection, path, headers)[0] for _ in range(WARM_UP)][0]
        times, errors, size = [], 0, 0
        for _ in range(requests):
            seconds, status, body = timed_get(connection, path, headers)
            errors += status != 200
            size = len(body)
            times.append(seconds)
        what = "PDF" if suffix else "page"
        extra = f"errors={errors} bytes={size:,} first (untimed warm-up) {first * 1000:.0f} ms"
        print(summary(f"{what}: {name}", times, extra), flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["compile", "all", "page", "pdf"])
    parser.add_argument("--database", default="est_bench")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument(
        "--dense", type=int, default=0, help="also Stockholm with this many more incidents"
    )
    parser.add_argument("--requests", type=int, default=None)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args(argv)
    url = setup_django(args.database)
    if args.what == "compile":
        bench_compile(args.repeat)
        if args.dense:
            bench_dense(args.dense, args.repeat)
    elif args.what == "all":
        bench_all(args.concurrency)
    else:
        with server(url, args.workers, 1) as port:
            if args.what == "page":
                bench_requests(port, args.requests or 100, "", args.dense)
            else:
                bench_requests(port, args.requests or 5, "pdf/", args.dense)


if __name__ == "__main__":
    main()

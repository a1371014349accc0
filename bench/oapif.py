"""Benchmark: the GIS service (OGC API – Features) and the GeoPackage of a tertial.

    .venv/bin/python bench/generate.py --incidents 1000000      # once
    .venv/bin/python bench/oapif.py [--requests 200] [--municipality-incidents 100000]

The first run tops the benchmark database's Arboga up to ``--municipality-incidents`` incidents
(spread over its boundary and the last three years, inserted in SQL like generate.py), adopts its
tertial 2025-T2 analysis and publishes the situation pictures in it; later runs find them made.
Then, through gunicorn (DEBUG off) with the Arboga coordinator's API token:

- items: ``/api/features/collections/incidents/items?limit=1000``, a third each the first page,
  a random month (``datetime``) and a random 3 km box (``bbox``); p50/p95/max;
- paging: every Arboga incident, ``limit=10000`` following the ``next`` links; total seconds;
- GeoPackage: the adopted tertial's download, ``--rounds`` times; each and the median.
"""

import argparse
import datetime
import http.client
import json
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import WARM_UP, server, session_cookie, setup_django, summary, timed_get  # noqa: E402

TERTIAL = "2025-T2"

_TOP_UP_SQL = """
INSERT INTO reports_incident (
    municipality_id, category_id, occurred_from, occurred_to, position, position_precise,
    place_name, description, police_informed, police_reference, source, status, triage_note,
    created_at, updated_at)
SELECT m.id, c.ids[1 + (n %% array_length(c.ids, 1))], t.start,
       t.start + make_interval(hours => (n %% 4)),
       ST_SetSRID(ST_MakePoint(ST_X(p.centre) + (random() - 0.5) * 8000,
                               ST_Y(p.centre) + (random() - 0.5) * 8000), 3006),
       true, '', 'Benchmark GIS', false, '', 'reporter', 'new', '', now(), now()
FROM generate_series(1, %(count)s) AS n
JOIN est_municipality AS m ON m.id = %(municipality)s
CROSS JOIN LATERAL (SELECT ST_PointOnSurface(m.boundary) AS centre) AS p
CROSS JOIN LATERAL (
    SELECT array_agg(id ORDER BY id) AS ids FROM reports_category WHERE municipality_id = m.id
) AS c
CROSS JOIN LATERAL (
    SELECT now() - random() * interval '3 years' + n * interval '0' AS start
) AS t
"""


def prepare(count: int):
    """Top Arboga up to ``count`` incidents, adopt its tertial and publish the pictures in it;
    return (the coordinator's token, the analysis's id)."""
    from django.db import connection
    from django.utils import timezone

    from est.api_tokens import api_token_create
    from est.models import Area, Municipality
    from est.periods import PERIOD_DAYS, fortnight_containing, parse_tertial
    from reports.incidents.models import Incident
    from reports.situation.compile import situation_picture_compile, situation_picture_ensure
    from reports.situation.models import SituationPicture
    from reports.tertial.compile import tertial_analysis_compile, tertial_analysis_ensure
    from reports.tertial.models import TertialAnalysis
    from tests.factories import square

    arboga = Municipality.objects.get(code="1984")
    have = Incident.objects.filter(municipality=arboga).count()
    if have < count:
        began = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(_TOP_UP_SQL, {"count": count - have, "municipality": arboga.pk})
            cursor.execute("VACUUM ANALYZE reports_incident")
        print(f"inserted {count - have} Arboga incidents in {time.perf_counter() - began:.1f} s")
    if not Area.objects.filter(municipality=arboga).exists():
        centre = arboga.boundary.point_on_surface
        for n, name in enumerate(["Centrum", "Nyby", "Ekbacken", "Hästhagen"]):
            Area.objects.create(municipality=arboga, name=name, boundary=square(
                centre.x - 4000 + n % 2 * 4000, centre.y - 4000 + n // 2 * 4000, 4000))  # fmt: skip
    tertial = parse_tertial(TERTIAL)
    start, _end = fortnight_containing(tertial.first_day)
    while start < tertial.end:
        picture, _created = situation_picture_ensure(municipality=arboga, period_start=start)
        situation_picture_compile(picture_id=picture.pk)
        SituationPicture.objects.filter(pk=picture.pk).update(
            status=SituationPicture.Status.PUBLISHED, published_at=timezone.now()
        )
        start += datetime.timedelta(days=PERIOD_DAYS)
    analysis, _created = tertial_analysis_ensure(municipality=arboga, tertial=tertial)
    tertial_analysis_compile(analysis_id=analysis.pk)
    TertialAnalysis.objects.filter(pk=analysis.pk).update(
        status=TertialAnalysis.Status.ADOPTED, adopted_on=tertial.end
    )
    from django.contrib.auth import get_user_model

    coordinator = get_user_model().objects.get(username="bench_coordinator")
    # Only a token's hash is kept: each run makes its own.
    return api_token_create(user=coordinator, name="bench")[1], analysis.pk


def bench_items(port: int, token: str, requests: int, rng) -> None:
    from est.models import Municipality

    arboga = Municipality.objects.get(code="1984").boundary.transform(4326, clone=True)
    x0, y0, x1, y1 = arboga.extent
    headers = {"Authorization": f"Token {token}", "Accept": "application/geo+json"}
    connection = http.client.HTTPConnection("127.0.0.1", port)
    path = "/api/features/collections/incidents/items?"
    for _ in range(WARM_UP):
        timed_get(connection, path + "limit=1000", headers)
    times, errors, returned = [], 0, []
    for n in range(requests):
        query = {"limit": 1000}
        if n % 3 == 1:
            month = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randint(0, 700))
            query["datetime"] = f"{month}/{month + datetime.timedelta(days=30)}"
        elif n % 3 == 2:
            x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
            query["bbox"] = f"{x:.5f},{y:.5f},{x + 0.05:.5f},{y + 0.027:.5f}"
        seconds, status, body = timed_get(connection, path + urlencode(query), headers)
        errors += status != 200
        returned.append(json.loads(body).get("numberReturned", 0) if status == 200 else 0)
        times.append(seconds)
    extra = f"errors={errors} features/page median={statistics.median(returned):.0f}"
    print(summary("items limit=1000, Arboga coordinator", times, extra), flush=True)


def bench_paging(port: int, token: str) -> None:
    headers = {"Authorization": f"Token {token}", "Accept": "application/geo+json"}
    connection = http.client.HTTPConnection("127.0.0.1", port)
    path = "/api/features/collections/incidents/items?limit=10000&municipality=1984"
    began, pages, ids = time.perf_counter(), 0, set()
    while path:
        _seconds, status, body = timed_get(connection, path, headers)
        assert status == 200, body[:300]
        page = json.loads(body)
        ids.update(feature["id"] for feature in page["features"])
        pages += 1
        following = [link["href"] for link in page["links"] if link["rel"] == "next"]
        path = None
        if following:
            parts = urlsplit(following[0])
            path = f"{parts.path}?{parts.query}"
    total = time.perf_counter() - began
    print(f"paging Arboga, limit=10000: {len(ids)} incidents in {pages} pages, {total:.2f} s")


def bench_geopackage(port: int, analysis_id: int, rounds: int) -> None:
    headers = {"Cookie": session_cookie("bench_coordinator")}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    times, path = [], f"/tertial/{analysis_id}/geopackage/"
    for _ in range(rounds + 1):
        seconds, status, body = timed_get(connection, path, headers)
        assert status == 200, body[:300]
        times.append(seconds)
    counted = ", ".join(f"{t:.2f}" for t in times[1:])
    print(
        f"GeoPackage of {TERTIAL}: first {times[0]:.2f} s, then {counted} s, "
        f"median {statistics.median(times[1:]):.2f} s, {len(body) / 1e6:.1f} MB"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="est_bench")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--municipality-incidents", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    url = setup_django(args.database)
    token, analysis_id = prepare(args.municipality_incidents)
    from reports.incidents.models import Incident

    print(f"incidents in the database: {Incident.objects.count()}", flush=True)
    rng = random.Random(args.seed)  # noqa: S311 (random queries, not secrets)
    with server(url, args.workers, 1) as port:
        bench_items(port, token, args.requests, rng)
        bench_paging(port, token)
        bench_geopackage(port, analysis_id, args.rounds)


if __name__ == "__main__":
    main()

"""Add a big city to the benchmark database: N incidents (250,000 by default) in one municipality
(Göteborg, 1480, by default), clustered as a real city's are, and its coordinator.

    .venv/bin/python bench/generate.py --incidents 1000000 --fresh
    .venv/bin/python bench/big_city.py [--incidents 250000] [--municipality 1480]

Where: 40 % around the city centre (the municipality's point on surface, Gaussian, 1.2 km), 30 %
around five district centres (random points of the municipality, seeded, 0.8 km each), 18 % in
the suburbs (4 km around the centre) and a long tail of 12 % (10 km around it); 5 % are police
events at the municipality's centre, imprecise. When: days over the last three years, evenings
the busiest (hours Gaussian around 21:00, 4 h), a quarter moved to a Friday or Saturday night;
categories skewed (the first of the municipality's ten categories takes about a third). Every
draw is seeded (setseed), so that a run gives the same city each time. The user
``bench_city_coordinator`` is the municipality's coordinator (not a superuser).
"""

import argparse
import time

from generate import BENCH_USERS_PASSWORD, _psycopg_dsn, create_database, manage

BIG_CITY_SQL = """
CREATE TEMP TABLE big_city AS
SELECT m.id AS municipality_id,
       ST_PointOnSurface(m.boundary) AS middle,
       ARRAY(SELECT (ST_Dump(ST_GeneratePoints(m.boundary, 5, 1480))).geom) AS districts,
       ARRAY(SELECT c.id FROM reports_category c WHERE c.municipality_id = m.id ORDER BY c.id)
         AS categories
FROM est_municipality m WHERE m.code = %(code)s;

INSERT INTO reports_incident (
    municipality_id, category_id, occurred_from, occurred_to, position, position_precise,
    place_name, description, police_informed, police_reference, source, status, triage_note,
    police_event_id, created_at, updated_at)
SELECT c.municipality_id,
       c.categories[1 + floor(power(s.r_category, 1.6) * array_length(c.categories, 1))::int],
       w.occurred_from,
       w.occurred_from + (s.r_length * s.r_length * interval '12 hours'),
       CASE WHEN s.police THEN c.middle
            ELSE ST_SetSRID(ST_MakePoint(
                ST_X(p.centre) + p.spread * sqrt(-2 * ln(s.u1)) * cos(2 * pi() * s.u2),
                ST_Y(p.centre) + p.spread * sqrt(-2 * ln(s.u1)) * sin(2 * pi() * s.u2)),
                3006)
       END,
       NOT s.police,
       '', 'Benchmark, big city', s.police, '',
       CASE WHEN s.police THEN 'police_event' ELSE 'reporter' END,
       (ARRAY['new', 'reviewed', 'needs_information', 'closed'])[1 + floor(s.r_status * 4)::int],
       '',
       CASE WHEN s.police THEN s.g END,
       w.occurred_from, w.occurred_from
FROM (
    SELECT g, random() < 0.05 AS police, random() AS r_place, random() AS r_district,
           1 - random() AS u1, random() AS u2, 1 - random() AS h1, random() AS h2,
           random() AS r_category, random() AS r_status, random() AS r_length,
           random() AS r_weekend, floor(random() * 1095)::int AS days_ago
    FROM generate_series(%(first)s::bigint, %(last)s::bigint) AS g
) AS s
CROSS JOIN big_city c
CROSS JOIN LATERAL (
    SELECT CASE WHEN s.r_place < 0.40 THEN c.middle
                WHEN s.r_place < 0.70 THEN c.districts[1 + floor(s.r_district * 5)::int]
                ELSE c.middle END AS centre,
           CASE WHEN s.r_place < 0.40 THEN 1200
                WHEN s.r_place < 0.70 THEN 800
                WHEN s.r_place < 0.88 THEN 4000
                ELSE 10000 END AS spread
) AS p
CROSS JOIN LATERAL (
    -- A quarter on the Friday (ISO weekday 5) or Saturday (6) on or before the day.
    SELECT CASE WHEN s.r_weekend < 0.25
                THEN current_date - s.days_ago - 1
                     - ((extract(isodow FROM current_date - s.days_ago - 1)::int + 7
                         - CASE WHEN s.r_weekend < 0.125 THEN 5 ELSE 6 END) %% 7)
                ELSE current_date - s.days_ago - 1 END AS day,
           -- Evening hours: 21:00 ± 4 h, wrapped into the day.
           make_interval(secs => ((21 * 3600 + 4 * 3600 * sqrt(-2 * ln(s.h1))
                                   * cos(2 * pi() * s.h2))::numeric %% 86400 + 86400)
                                 %% 86400) AS hour
) AS d
CROSS JOIN LATERAL (
    SELECT (d.day + d.hour) AT TIME ZONE 'Europe/Stockholm' AS occurred_from
) AS w;
"""

USERS_CODE = """
from django.contrib.auth import get_user_model
from est.models import Municipality
from est.roles import Role
u, _ = get_user_model().objects.update_or_create(
    username="bench_city_coordinator", defaults={"role": Role.COORDINATOR}
)
u.set_password(PASSWORD)
u.save()
u.municipalities.set([Municipality.objects.get(code=CODE)])
"""


def generate_city(url: str, code: str, count: int, batch: int = 50_000) -> None:
    """Insert ``count`` incidents into the municipality ``code`` in batches (the triggers count
    them into the kept counts), then VACUUM ANALYZE."""
    import psycopg

    with psycopg.connect(_psycopg_dsn(url), autocommit=True) as connection:
        connection.execute("SELECT setseed(0.1480)")
        centres, insert = BIG_CITY_SQL.split(";\n\nINSERT", 1)
        connection.execute(centres, {"code": code})
        start = connection.execute(
            "SELECT coalesce(max(police_event_id), 0) FROM reports_incident"
        ).fetchone()[0]
        for first in range(1, count + 1, batch):
            last = min(first + batch - 1, count)
            began = time.monotonic()
            connection.execute("INSERT" + insert, {"first": start + first, "last": start + last})
            print(f"  {last:>9} incidents ({time.monotonic() - began:.1f} s)", flush=True)
        connection.execute("VACUUM ANALYZE")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--incidents", type=int, default=250_000)
    parser.add_argument("--municipality", default="1480", help="its code (Göteborg)")
    parser.add_argument("--database", default="est_bench")
    args = parser.parse_args(argv)

    began = time.monotonic()
    url = create_database(args.database, fresh=False)
    manage(url, "migrate", "--no-input", "-v", "0")
    print(f"adding {args.incidents} incidents to {args.municipality}", flush=True)
    generate_city(url, args.municipality, args.incidents)
    code = USERS_CODE.replace("PASSWORD", repr(BENCH_USERS_PASSWORD)).replace(
        "CODE", repr(args.municipality)
    )
    manage(url, "shell", "-c", code)
    print(f"done in {time.monotonic() - began:.0f} s", flush=True)


if __name__ == "__main__":
    main()

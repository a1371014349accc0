"""Seed a separate benchmark database (``est_bench`` by default) with N incidents.

The incidents are spread over all 290 municipalities and cluster around three "town centres"
per municipality (random points inside its boundary; the first takes about 58 %), Gaussian with a
spread of 1.5 km; 5 % are police events positioned at the municipality's centre and stored as
imprecise. Periods spread over the last three years (--years). Rows are generated inside
PostgreSQL (INSERT … SELECT over generate_series), so a million take minutes, not hours.

    .venv/bin/python bench/generate.py --incidents 1000000

It never touches the development database: it creates (or, with --fresh, recreates) the
benchmark database next to it, migrates it and loads the municipalities there. It also creates
the users the runner logs in as: ``bench_coordinator`` (one municipality), ``bench_admin``
(the whole country) and ``bench_reporter_<n>`` with API tokens.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_USERS_PASSWORD = "bench-password-not-secret"  # noqa: S105 (the benchmark's own users)


def database_urls(name: str) -> tuple[str, str]:
    """Return (the maintenance database's URL, the benchmark database's URL) from .env."""
    sys.path.insert(0, str(ROOT))
    import environ

    env = environ.Env()
    env.read_env(str(ROOT / ".env"))
    url = env("DATABASE_URL", default="postgis://est:est@127.0.0.1:25432/est")
    parts = urlsplit(url)
    return (
        urlunsplit(parts._replace(path="/postgres")),
        urlunsplit(parts._replace(path="/" + name)),
    )


def _psycopg_dsn(url: str) -> str:
    return url.replace("postgis://", "postgresql://", 1)


def create_database(name: str, *, fresh: bool) -> str:
    """Create the benchmark database (dropping it first if ``fresh``); return its URL."""
    import psycopg

    maintenance, bench = database_urls(name)
    with psycopg.connect(_psycopg_dsn(maintenance), autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists and fresh:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    return bench


def manage(url: str, *args: str) -> None:
    environment = {**os.environ, "DATABASE_URL": url}
    subprocess.run(  # noqa: S603 (our own manage.py with our own arguments)
        [sys.executable, str(ROOT / "manage.py"), *args], check=True, env=environment, cwd=ROOT
    )


GENERATE_SQL = """
CREATE TEMP TABLE bench_centre AS
SELECT m.id AS municipality_id,
       (row_number() OVER (ORDER BY m.id) - 1) AS municipality_index,
       ST_PointOnSurface(m.boundary) AS middle,
       ARRAY(SELECT (ST_Dump(ST_GeneratePoints(m.boundary, 3, m.id::int))).geom) AS towns,
       ARRAY(SELECT c.id FROM reports_category c WHERE c.municipality_id = m.id ORDER BY c.id)
         AS categories
FROM est_municipality m;

INSERT INTO reports_incident (
    municipality_id, category_id, occurred_from, occurred_to, position, position_precise,
    place_name, description, police_informed, police_reference, source, status, triage_note,
    police_event_id, created_at, updated_at)
SELECT c.municipality_id,
       c.categories[1 + floor(s.r_category * array_length(c.categories, 1))::int],
       s.occurred_from,
       s.occurred_from + (s.r_length * s.r_length * interval '12 hours'),
       CASE WHEN s.police THEN c.middle
            ELSE ST_SetSRID(ST_MakePoint(
                ST_X(t.point) + 1500 * sqrt(-2 * ln(s.u1)) * cos(2 * pi() * s.u2),
                ST_Y(t.point) + 1500 * sqrt(-2 * ln(s.u1)) * sin(2 * pi() * s.u2)),
                3006)
       END,
       NOT s.police,
       '', 'Benchmark', s.police, '',
       CASE WHEN s.police THEN 'police_event' ELSE 'reporter' END,
       (ARRAY['new', 'reviewed', 'needs_information', 'closed'])[1 + floor(s.r_status * 4)::int],
       '',
       CASE WHEN s.police THEN s.g END,
       s.occurred_from, s.occurred_from
FROM (
    SELECT g,
           floor(random() * %(municipalities)s::int)::int AS municipality_index,
           1 + floor(power(random(), 2) * 3)::int AS town,
           random() < 0.05 AS police,
           1 - random() AS u1, random() AS u2,
           random() AS r_category, random() AS r_status, random() AS r_length,
           now() - random() * make_interval(years => %(years)s::int) AS occurred_from
    FROM generate_series(%(first)s::bigint, %(last)s::bigint) AS g
) AS s
JOIN bench_centre c ON c.municipality_index = s.municipality_index
CROSS JOIN LATERAL (
    SELECT c.towns[1 + (s.town - 1) %% array_length(c.towns, 1)] AS point
) AS t;
"""


def generate_incidents(url: str, count: int, years: int = 3, batch: int = 200_000) -> None:
    """Insert ``count`` incidents, spread over the last ``years`` years, in batches (the
    triggers count them into the map cells), then VACUUM ANALYZE."""
    import psycopg

    with psycopg.connect(_psycopg_dsn(url), autocommit=True) as connection:
        municipalities = connection.execute("SELECT count(*) FROM est_municipality").fetchone()[0]
        centres, insert = GENERATE_SQL.split(";\n\nINSERT", 1)
        connection.execute(centres)
        start = connection.execute(
            "SELECT coalesce(max(police_event_id), 0) FROM reports_incident"
        ).fetchone()[0]
        for first in range(1, count + 1, batch):
            last = min(first + batch - 1, count)
            began = time.monotonic()
            connection.execute(
                "INSERT" + insert,
                {
                    "municipalities": municipalities,
                    "years": years,
                    "first": start + first,
                    "last": start + last,
                },
            )
            print(f"  {last:>9} incidents ({time.monotonic() - began:.1f} s)", flush=True)
        # VACUUM too: the police event layer reads an index alone once the rows are all-visible.
        connection.execute("VACUUM ANALYZE")


USERS_CODE = """
from django.contrib.auth import get_user_model
from est.models import Certification, Municipality
from est.roles import Role
import datetime
User = get_user_model()
def user(name, role, municipalities, **extra):
    u, _ = User.objects.update_or_create(username=name, defaults={"role": role, **extra})
    u.set_password(PASSWORD)
    u.save()
    u.municipalities.set(municipalities)
    return u
arboga = Municipality.objects.get(code="1984")
user("bench_coordinator", Role.COORDINATOR, [arboga])
user("bench_admin", Role.ADMINISTRATOR, [], is_superuser=True, is_staff=True)
for n in range(REPORTERS):
    u = user(f"bench_reporter_{n}", Role.REPORTER, [arboga])
    Certification.objects.get_or_create(
        user=u,
        defaults={
            "certified_on": datetime.date(2025, 1, 1),
            "expires_on": datetime.date(2099, 12, 31),
        },
    )
"""


def create_users(url: str, reporters: int) -> None:
    code = USERS_CODE.replace("PASSWORD", repr(BENCH_USERS_PASSWORD)).replace(
        "REPORTERS", str(reporters)
    )
    manage(url, "shell", "-c", code)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument("--database", default="est_bench")
    parser.add_argument("--fresh", action="store_true", help="drop the database first")
    parser.add_argument("--reporters", type=int, default=50)
    parser.add_argument(
        "--years", type=int, default=3, help="spread the incidents over this many years"
    )
    args = parser.parse_args(argv)

    began = time.monotonic()
    url = create_database(args.database, fresh=args.fresh)
    print(f"database {args.database}: migrating and loading municipalities", flush=True)
    manage(url, "migrate", "--no-input", "-v", "0")
    manage(url, "load_municipalities")
    print(f"generating {args.incidents} incidents", flush=True)
    generate_incidents(url, args.incidents, years=args.years)
    create_users(url, args.reporters)
    print(f"done in {time.monotonic() - began:.0f} s", flush=True)


if __name__ == "__main__":
    main()

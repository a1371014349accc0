"""What the incidents' indexes cost PostgreSQL on each incident written.

    .venv/bin/python bench/incident_indexes.py [--rows 100000] [--runs 2] [--drop INDEX ...]

In the benchmark database (bench/generate.py, 1,000,000 incidents) it copies ``--rows`` of the
incidents again in one INSERT … SELECT and rolls it back, and reports the CPU time the PostgreSQL
backend spent (from /proc, so other processes' load changes it less than the wall time). The
triggers that keep the counts and the foreign-key checks are off for the statement
(``session_replication_role``): what is left is writing the rows and their indexes. With
``--drop`` it also runs with those indexes dropped inside the transaction (rolled back too), so
the two can be compared; runs alternate, ``--runs`` of each. Needs the local superuser the
development database has, and PostgreSQL on this machine.
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import database_urls  # noqa: E402

#: Every column written, and the same with the unique police event id left out of the copy.
COLUMNS = (
    "municipality_id, category_id, occurred_from, occurred_to, position, place_geometry, "
    "position_precise, place_name, description, reporter_id, organisation_id, police_informed, "
    "police_reference, source, status, triage_note, idempotency_key, police_event_id, "
    "incident_import_id, merged_into_id, created_at, updated_at"
)
COPIED = COLUMNS.replace("police_event_id", "NULL::bigint")


def backend_cpu_seconds(pid: int) -> float:
    """Return the user and system CPU seconds the process ``pid`` has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100


def timed_copy(url: str, rows: int, dropped: list[str]) -> tuple[float, float]:
    """Return (backend CPU seconds, wall seconds) of writing ``rows`` incidents with the indexes
    ``dropped`` dropped; everything is rolled back."""
    import psycopg

    with psycopg.connect(url) as connection:
        pid = connection.execute("SELECT pg_backend_pid()").fetchone()[0]
        connection.execute("SET session_replication_role = replica")
        for index in dropped:
            connection.execute(f"DROP INDEX IF EXISTS {index}")
        cpu, wall = backend_cpu_seconds(pid), time.perf_counter()
        connection.execute(
            f"INSERT INTO reports_incident ({COLUMNS}) SELECT {COPIED} FROM reports_incident "  # noqa: S608 (our own column list)
            "WHERE source <> 'police_event' LIMIT %s",
            [rows],
        )
        cpu, wall = backend_cpu_seconds(pid) - cpu, time.perf_counter() - wall
        connection.rollback()
    return cpu, wall


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--drop", nargs="*", default=[], metavar="INDEX")
    parser.add_argument("--database", default="est_bench")
    args = parser.parse_args(argv)
    url = database_urls(args.database)[1].replace("postgis://", "postgresql://", 1)
    variants = [("all indexes", [])] + ([("dropped", args.drop)] if args.drop else [])
    for run in range(1, args.runs + 1):
        for name, dropped in variants:
            cpu, wall = timed_copy(url, args.rows, dropped)
            load = Path("/proc/loadavg").read_text().split()[0]
            print(
                f"run {run}, {name}: {args.rows:,} rows, backend CPU {cpu:.2f} s "
                f"({cpu / args.rows * 1e6:.0f} µs a row), wall {wall:.2f} s, load {load}"
            )


if __name__ == "__main__":
    main()

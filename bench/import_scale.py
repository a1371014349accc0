"""How fast, and in how much memory, ``manage.py import_incidents`` imports a large file.

Runs the command on a file from bench/import_files.py into the benchmark database (made by
bench/generate.py, 1,000,000 incidents) under ``/usr/bin/time -v``, and prints the rows per
second of the whole command (reading, checking, writing, history, kept counts, commit) and its
peak memory. Afterwards the imported incidents, their history and the import are deleted, so
that every run starts from the same database.

    .venv/bin/python bench/import_files.py --rows 250000 --out /tmp/incidents-250k.csv
    .venv/bin/python bench/import_scale.py /tmp/incidents-250k.csv --municipality 0180
"""

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import database_urls  # noqa: E402 -- after the path is set


def _peak_megabytes(report: str) -> float:
    kilobytes = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    return int(kilobytes.group(1)) / 1024 if kilobytes else float("nan")


def _undo(url: str, import_id: int) -> None:
    import psycopg

    with psycopg.connect(url.replace("postgis://", "postgresql://", 1)) as connection:
        connection.execute(
            "DELETE FROM reports_historicalincident WHERE incident_import_id = %s", [import_id]
        )
        connection.execute(
            "DELETE FROM reports_incident WHERE incident_import_id = %s", [import_id]
        )
        connection.execute("DELETE FROM reports_incidentimport WHERE id = %s", [import_id])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--municipality", default="0180", metavar="CODE")
    parser.add_argument("--database", default="est_bench")
    parser.add_argument("--keep", action="store_true", help="keep the imported incidents")
    args = parser.parse_args()
    _maintenance, url = database_urls(args.database)
    print(f"load average before: {os.getloadavg()}")
    started = time.monotonic()
    command = [
        "/usr/bin/time",
        "-v",
        sys.executable,
        str(ROOT / "manage.py"),
        "import_incidents",
        str(args.file),
        "--municipality",
        args.municipality,
    ]
    done = subprocess.run(  # noqa: S603 -- our own command line
        command, env={**os.environ, "DATABASE_URL": url}, capture_output=True, text=True
    )
    seconds = time.monotonic() - started
    print(done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "")
    if done.returncode:
        sys.exit(done.stderr)
    imported = re.search(r"(\d+) incidents imported .*\(import (\d+)\)", done.stdout)
    rows, import_id = int(imported.group(1)), int(imported.group(2))
    print(
        f"{rows:,} rows: {seconds:.1f} s for the whole command (Python start included), "
        f"{rows / seconds:,.0f} rows/s; peak memory {_peak_megabytes(done.stderr):.0f} MB"
    )
    print(f"load average after: {os.getloadavg()}")
    if not args.keep:
        _undo(url, import_id)


if __name__ == "__main__":
    main()

"""How fast, and in how much memory, the incidents' exports run at scale.

Exports every incident of the benchmark database (bench/generate.py, 1,000,000 incidents) as
the country-wide ``bench_admin`` sees them, in a process of its own under ``/usr/bin/time -v``,
and prints the time to the first byte and to the first row, the rows per second and the peak
memory of the process:

- ``--mode stream`` (CSV, GeoJSON): what the export view sends, the generator of
  reports.incidents.export_copy consumed as the server would, written to /dev/null;
- ``--mode job`` (CSV, GeoJSON, Excel): the background job of reports.incidents.export_jobs,
  writing the file to storage (a temporary MEDIA_ROOT, deleted afterwards).

    .venv/bin/python bench/generate.py --incidents 1000000
    .venv/bin/python bench/export_scale.py --format csv --mode stream
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import database_urls  # noqa: E402 -- after the path is set


def _peak_megabytes(report: str) -> float:
    kilobytes = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    return int(kilobytes.group(1)) / 1024 if kilobytes else float("nan")


def _stream(queryset, export_format: str) -> None:
    from reports.incidents.export_copy import csv_chunks, geojson_chunks

    chunks = csv_chunks if export_format == "csv" else geojson_chunks
    started = time.monotonic()
    first_byte = first_row = None
    size = lines = 0
    with open(os.devnull, "wb") as sink:
        for number, chunk in enumerate(chunks(queryset)):
            if first_byte is None:
                first_byte = time.monotonic() - started
            if number == 1:
                first_row = time.monotonic() - started
            sink.write(chunk)
            size += len(chunk)
            lines += chunk.count(b"\n")
    seconds = time.monotonic() - started
    print(f"first byte {first_byte:.3f} s, first rows (first block) {first_row:.3f} s")
    print(f"RESULT {lines - (1 if export_format == 'csv' else 2)} {seconds:.2f} {size}")


def _job(user, export_format: str) -> None:
    from reports.incidents.export_jobs import incident_export_create, incident_export_write

    export = incident_export_create(by=user, format=export_format, query="")
    started = time.monotonic()
    incident_export_write(export_id=export.pk)
    seconds = time.monotonic() - started
    export.refresh_from_db()
    print(f"status {export.status} {export.message}")
    print(f"RESULT {export.row_count} {seconds:.2f} {export.file.size}")
    export.file.delete()
    export.delete()


def child(export_format: str, mode: str) -> None:
    """Run one export inside Django and print ``RESULT rows seconds bytes``."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "est.settings.base")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.utils import translation

    from reports.incidents.models import Incident

    translation.activate("sv")
    user = get_user_model().objects.get(username="bench_admin")
    if mode == "stream":
        _stream(Incident.objects.for_user(user), export_format)
    else:
        _job(user, export_format)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--format", choices=["csv", "geojson", "xlsx"], default="csv")
    parser.add_argument("--mode", choices=["stream", "job"], default="stream")
    parser.add_argument("--database", default="est_bench")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.format, args.mode)
        return
    if args.mode == "stream" and args.format == "xlsx":
        parser.error("an Excel workbook is not streamed: use --mode job")
    _maintenance, url = database_urls(args.database)
    print(f"load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as media:
        command = [
            "/usr/bin/time", "-v", sys.executable, __file__, "--child",
            "--format", args.format, "--mode", args.mode,
        ]  # fmt: skip
        environment = {**os.environ, "DATABASE_URL": url, "MEDIA_ROOT": media}
        done = subprocess.run(  # noqa: S603 -- our own command line
            command, env=environment, capture_output=True, text=True
        )
    if done.returncode:
        sys.exit(done.stderr)
    print("\n".join(line for line in done.stdout.splitlines() if not line.startswith("RESULT")))
    rows, seconds, size = re.search(r"RESULT (\d+) ([\d.]+) (\d+)", done.stdout).groups()
    rows, seconds = int(rows), float(seconds)
    print(
        f"{args.format} {args.mode}: {rows:,} rows in {seconds:.1f} s, {rows / seconds:,.0f} "
        f"rows/s, {int(size) / 1e6:.0f} MB; peak memory {_peak_megabytes(done.stderr):.0f} MB"
    )
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()

"""The police's event history brought in at once: 85,000 events as the police's open API gives
them (``manage.py import_police_events FILE``), the first time, into the development database.

The generator copies the 500 real events of ``reports/incidents/data/events_sample.json`` with
new ids and with occurrence and publication times spread over 2022–2026, keeping each event's
type, place and centre point (so municipalities, counties and county-wide events come in the
real proportions). Each run imports the file twice into a transaction that is rolled back, so
every run is a first import followed by a repeated one (which finds every event unchanged) and
the database is left as it was; it prints the times and the process's peak memory.

    .venv/bin/python bench/police_history.py --events 85000 --runs 5
"""

import argparse
import datetime
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "reports" / "incidents" / "data" / "events_sample.json"
MONTHS = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]  # fmt: skip


class Rollback(Exception):
    """Raised to undo the benchmark's writes."""


def events_generate(count: int, *, seed: int = 1) -> list[dict]:
    """Return ``count`` events in the API's format, made from the real sample's events."""
    rng = random.Random(seed)
    sample = json.loads(SAMPLE.read_text())
    start = datetime.datetime(2022, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))
    span = int(datetime.timedelta(days=4 * 365 + 300).total_seconds())
    events = []
    for number in range(count):
        model = sample[number % len(sample)]
        occurred = start + datetime.timedelta(seconds=rng.randrange(span))
        published = occurred + datetime.timedelta(minutes=rng.randrange(5, 600))
        name_tail = model["name"].split(",", 1)[1]
        events.append(
            {
                **model,
                "id": 10_000_000 + number,
                "datetime": published.strftime("%Y-%m-%d %-H:%M:%S %z")[:-2] + ":00",
                "name": f"{occurred.day} {MONTHS[occurred.month - 1]} {occurred:%H.%M},{name_tail}",
            }
        )
    return events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=85_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--file", type=Path, default=Path(tempfile.gettempdir()) / "police-history.json"
    )
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "est.settings.base")
    import django

    django.setup()
    from django.db import transaction

    from reports.incidents.police_events import police_events_import, police_events_load

    args.file.write_text(json.dumps(events_generate(args.events)))
    print(f"{args.events} events in {args.file} ({args.file.stat().st_size / 1e6:.1f} MB)")
    for run in range(1, args.runs + 1):
        load = os.getloadavg()[0]
        figures = []
        try:
            with transaction.atomic():
                for _time in ("first", "again"):
                    started = time.perf_counter()
                    result = police_events_import(events=police_events_load(args.file))
                    elapsed = time.perf_counter() - started
                    figures.append(f"{_time} {elapsed:.1f} s ({result})")
                raise Rollback
        except Rollback:
            pass
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"run {run}: {'; '.join(figures)}; peak memory {peak:.0f} MB; load average {load:.2f}"
        )


if __name__ == "__main__":
    main()

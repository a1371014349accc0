"""How long one beat tick of the police events poll takes: fetch over HTTP, parse, import.

The police's API returns its latest 500 events, nationwide. A local HTTP server serves the
reference sample of 500 real events (``reports/incidents/data/events_sample.json``) in its place
(this machine has no network, so the police's own answer time is not part of the figure). Each
round polls twice, as two beat ticks would: the first poll creates the incidents of every event
it can place among the 290 municipalities, the second finds them all unchanged. Every round runs
in a transaction that is rolled back, so the development database is left as it was (the
municipalities must be loaded: ``bin/setup`` does that).

    .venv/bin/python bench/police_poll.py --rounds 5
"""

import argparse
import os
import statistics
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "reports" / "incidents" / "data"


class Rollback(Exception):
    """Raised to undo the benchmark's writes."""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "est.settings.base")
    import django

    django.setup()
    from django.db import transaction

    from reports.incidents.police_poll import police_events_poll

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(DATA)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/events_sample.json"

    first, second = [], []
    for _round in range(args.rounds):
        try:
            with transaction.atomic():
                started = time.perf_counter()
                created = police_events_poll(url=url)
                first.append(time.perf_counter() - started)
                started = time.perf_counter()
                unchanged = police_events_poll(url=url)
                second.append(time.perf_counter() - started)
                raise Rollback
        except Rollback:
            pass
    server.shutdown()
    print(f"first poll: {created}")
    print(f"second poll: {unchanged}")
    for name, times in (("first poll (creates)", first), ("second poll (unchanged)", second)):
        print(
            f"{name}: median {statistics.median(times) * 1000:.0f} ms, "
            f"min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms "
            f"over {len(times)} rounds"
        )
    print("(rolled back: nothing stays in the database)")


if __name__ == "__main__":
    main()

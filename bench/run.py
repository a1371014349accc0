"""Measure the map data, the list page and filing through the API against the benchmark database.

    .venv/bin/python bench/run.py map  [--requests 300]
    .venv/bin/python bench/run.py city [--requests 300] [--city 1480]  (after bench/big_city.py)
    .venv/bin/python bench/run.py list [--requests 300]
    .venv/bin/python bench/run.py api  [--requests 2000] [--clients 50] [--think 0]

Seed the database first with bench/generate.py. The runner starts gunicorn on 127.0.0.1 (a free
port, --workers, DEBUG off) with the benchmark database, logs its users in by making sessions
directly, sends the requests from Python threads over loopback and prints p50/p95/max per
scenario. Timings are client-side: from sending the request to having read the whole response.
"""

import argparse
import datetime
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generate import database_urls  # noqa: E402

#: Sweden, roughly, in WGS 84: where the whole-country views are centred.
SWEDEN = (11.0, 55.5, 23.5, 68.5)
#: Half the browser map's size in pixels: 1280 × 800 at most, as on a wide screen.
VIEWPORT = (640, 400)
#: Untimed requests before each scenario: a gunicorn worker's first ones load code and caches.
WARM_UP = 10


def today() -> datetime.date:
    from django.utils import timezone

    return timezone.localdate()


def setup_django(database: str) -> str:
    """Point Django at the benchmark database; return its URL."""
    _maintenance, url = database_urls(database)
    os.environ["DATABASE_URL"] = url
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "est.settings.base")
    import django

    django.setup()
    return url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(url: str, workers: int, threads: int, *, probe: Path | None = None):
    """Run gunicorn on a free loopback port with the benchmark database; yield the port. With
    ``probe`` (a file), each request's wait, CPU and SQL are written there (bench/probe.py)."""
    port = free_port()
    environment = {**os.environ, "DATABASE_URL": url, "DEBUG": "false"}
    probing = []
    if probe is not None:
        probe.unlink(missing_ok=True)
        environment["BENCH_PROBE_LOG"] = str(probe)
        probing = [f"--config={ROOT / 'bench/probe.py'}"]
    process = subprocess.Popen(  # noqa: S603 (our own gunicorn with our own arguments)
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "est.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            f"--threads={threads}",
            "--log-level=warning",
            # The app loads once, before the workers fork: each worker would otherwise spend
            # 5 s of CPU importing it while the first timed requests wait.
            "--preload",
            *probing,
        ],
        cwd=ROOT,
        env=environment,
    )
    try:
        for _ in range(300):  # until the app answers, not merely the socket
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/accounts/login/")
                connection.getresponse().read()
                break
            except OSError:
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:  # workers still finishing their requests
            process.kill()
            process.wait()


def session_cookie(username: str) -> str:
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return "sessionid=" + client.cookies["sessionid"].value


def timed_get(connection, path, headers):
    began = time.perf_counter()
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    return time.perf_counter() - began, response.status, body


def summary(name: str, seconds: list[float], extra: str = "") -> str:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, round(0.95 * len(ms)) - 1)]
    return (
        f"{name:<44} n={len(ms):<5} p50={statistics.median(ms):7.1f} ms  p95={p95:7.1f} ms  "
        f"max={ms[-1]:7.1f} ms {extra}"
    )


def random_view(rng, extent, zooms) -> tuple[str, int]:
    """Return (bbox, zoom) of a viewport centred at a random point of ``extent``."""
    import math

    zoom = rng.choice(zooms)
    lon = rng.uniform(extent[0], extent[2])
    lat = rng.uniform(extent[1], extent[3])
    degrees_per_pixel = 360 / (256 * 2**zoom)
    half_width = VIEWPORT[0] * degrees_per_pixel
    half_height = VIEWPORT[1] * degrees_per_pixel * math.cos(math.radians(lat))
    west, east = max(-180, lon - half_width), min(180, lon + half_width)
    south, north = max(-90, lat - half_height), min(90, lat + half_height)
    return f"{west:.5f},{south:.5f},{east:.5f},{north:.5f}", zoom


def bench_map(port: int, requests: int, rng) -> None:

    from est.models import Municipality

    arboga = Municipality.objects.get(code="1984").boundary.transform(4326, clone=True).extent
    year_ago = today() - datetime.timedelta(days=365)
    scenarios = [
        ("map: Arboga, zoom 9-16, all 3 years", "bench_coordinator", arboga, range(9, 17), {}),
        (
            "map: whole country, zoom 4-8, one year",
            "bench_admin",
            SWEDEN,
            range(4, 9),
            {"start": year_ago.isoformat(), "end": today().isoformat()},
        ),
        (
            "map: whole country, zoom 9-13, one year",
            "bench_admin",
            SWEDEN,
            range(9, 14),
            {"start": year_ago.isoformat(), "end": today().isoformat()},
        ),
    ]
    map_scenarios(port, requests, rng, scenarios)


def map_scenarios(port: int, requests: int, rng, scenarios) -> None:
    """Time ``requests`` random views of each of ``scenarios`` ((name, username, extent in
    WGS 84, zooms, filters)); print p50/p95/max with the most features and the answers' kinds."""
    from urllib.parse import urlencode

    for name, username, extent, zooms, filters in scenarios:
        headers = {"Cookie": session_cookie(username), "Accept": "application/json"}
        connection = http.client.HTTPConnection("127.0.0.1", port)
        times, most, kinds, errors = [], 0, {"points": 0, "cells": 0}, 0
        for _ in range(WARM_UP):  # each worker's first requests load code and caches
            timed_get(connection, "/reports/incidents.geojson?bbox=15,59,16,60&zoom=10", headers)
        for _ in range(requests):
            bbox, zoom = random_view(rng, extent, list(zooms))
            query = urlencode({**filters, "bbox": bbox, "zoom": zoom}, doseq=True)
            path = "/reports/incidents.geojson?" + query
            seconds, status, body = timed_get(connection, path, headers)
            if status != 200:
                errors += 1
                continue
            data = json.loads(body)
            features = len(data["incidents"]["features"]) + len(data["police_events"]["features"])
            most = max(most, features)
            kinds[data["incidents"]["kind"]] += 1
            times.append(seconds)
        print(
            summary(name, times, f"most features={most} points/cells={kinds} errors={errors}"),
            flush=True,
        )


def bench_city(port: int, requests: int, rng, code: str) -> None:
    """Time the big city's map (bench/big_city.py) as its coordinator sees it, at zoom 8-16,
    without a filter, for one year, for its commonest category and for both; then a pan back
    to views the browser has (If-None-Match: 304)."""
    from est.models import Municipality
    from reports.incidents.models import Category

    city = Municipality.objects.get(code=code)
    extent = city.boundary.transform(4326, clone=True).extent
    category = Category.objects.filter(municipality=city).order_by("pk").first().name
    year = {
        "start": (today() - datetime.timedelta(days=365)).isoformat(),
        "end": today().isoformat(),
    }
    user, zooms = "bench_city_coordinator", range(8, 17)
    map_scenarios(
        port,
        requests,
        rng,
        [
            (f"map: big city {code}, zoom 8-16, all", user, extent, zooms, {}),
            (f"map: big city {code}, zoom 8-16, one year", user, extent, zooms, year),
            (
                f"map: big city {code}, zoom 8-16, a category",
                user,
                extent,
                zooms,
                {"category": category},
            ),
            (
                f"map: big city {code}, zoom 8-16, year+category",
                user,
                extent,
                zooms,
                {**year, "category": category},
            ),
        ],
    )
    bench_pan_back(port, requests, rng, user, extent, zooms)


def bench_pan_back(port: int, requests: int, rng, username: str, extent, zooms) -> None:
    """Time views asked for again with the ETag of their first answer, as a browser does when
    the map pans back to them; print p50/p95/max and the statuses (304 when unchanged)."""
    from urllib.parse import urlencode

    headers = {"Cookie": session_cookie(username), "Accept": "application/json"}
    connection = http.client.HTTPConnection("127.0.0.1", port)
    views = []
    for _ in range(min(requests, 50)):
        bbox, zoom = random_view(rng, extent, list(zooms))
        path = "/reports/incidents.geojson?" + urlencode({"bbox": bbox, "zoom": zoom})
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        views.append((path, response.getheader("ETag")))
    times, statuses = [], {}
    for _ in range(requests):
        path, etag = rng.choice(views)
        seconds, status, _body = timed_get(connection, path, {**headers, "If-None-Match": etag})
        statuses[status] = statuses.get(status, 0) + 1
        times.append(seconds)
    print(summary("map: big city, pan back (If-None-Match)", times, f"statuses={statuses}"))


def bench_list(port: int, requests: int, rng) -> None:
    from urllib.parse import urlencode

    year_ago = today() - datetime.timedelta(days=365)
    scenarios = [
        ("list: Arboga coordinator, pages 1-20", "bench_coordinator", {}),
        ("list: whole country, pages 1-20", "bench_admin", {}),
        (
            "list: whole country, one year, pages 1-20",
            "bench_admin",
            {"start": year_ago.isoformat(), "end": today().isoformat()},
        ),
    ]
    for name, username, filters in scenarios:
        headers = {"Cookie": session_cookie(username)}
        connection = http.client.HTTPConnection("127.0.0.1", port)
        times, errors = [], 0
        for _ in range(WARM_UP):
            timed_get(connection, "/reports/incidents/", headers)
        for _ in range(requests):
            path = "/reports/incidents/?" + urlencode({**filters, "page": rng.randint(1, 20)})
            seconds, status, _body = timed_get(connection, path, headers)
            if status != 200:
                errors += 1
            times.append(seconds)
        print(summary(name, times, f"errors={errors}"), flush=True)


def bench_api(port: int, requests: int, clients: int, think: float, rng) -> None:
    """Time filings by ``clients`` reporters at once, each pausing a random time averaging
    ``think`` seconds (exponentially distributed) before each filing; 0 sends back to back."""
    from est.api_tokens import api_token_create
    from est.models import Municipality, User
    from reports.incidents.models import Category

    arboga = Municipality.objects.get(code="1984")
    centre = arboga.boundary.point_on_surface.transform(4326, clone=True)
    category = Category.objects.get(municipality=arboga, code="graffiti").pk
    # Tokens are stored hashed: each run makes its own (their keys exist only here).
    reporters = list(User.objects.filter(username__startswith="bench_reporter_")[:clients])
    if len(reporters) < clients:
        sys.exit(f"only {len(reporters)} reporters; run generate.py --reporters {clients}")
    tokens = [api_token_create(user=u, name="bench")[1] for u in reporters]
    times, statuses, lock = [], {}, threading.Lock()
    per_client = requests // clients

    def reporter(token, seed, rounds=per_client, record=True):
        local_rng = random.Random(seed)  # noqa: S311 (positions, not secrets)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Authorization": f"Token {token}", "Content-Type": "application/json"}
        for _ in range(rounds):
            if think and record:
                time.sleep(local_rng.expovariate(1 / think))
            when = datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1)
            body = json.dumps(
                {
                    "category": category,
                    "occurred_from": when.isoformat(),
                    "position": {
                        "type": "Point",
                        "coordinates": [
                            centre.x + local_rng.uniform(-0.0005, 0.0005),
                            centre.y + local_rng.uniform(-0.0005, 0.0005),
                        ],
                    },
                    "description": "Benchmark",
                    "idempotency_key": str(uuid.uuid4()),
                }
            )
            began = time.perf_counter()
            try:
                connection.request("POST", "/api/v1/incidents/", body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as error:
                status = type(error).__name__
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            if not record:
                continue
            with lock:
                times.append(time.perf_counter() - began)
                statuses[status] = statuses.get(status, 0) + 1

    reporter(tokens[0], rng.random(), rounds=WARM_UP, record=False)
    threads = [threading.Thread(target=reporter, args=(token, rng.random())) for token in tokens]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    print(
        summary(
            f"api: file an incident, {clients} concurrent reporters, think time {think} s",
            times,
            f"statuses={statuses} throughput={len(times) / elapsed:.0f}/s",
        ),
        flush=True,
    )


def paced(port: int, name: str, rate: float, seconds: float, start, send, *, threads: int) -> None:
    """Offer ``rate`` requests a second for ``seconds`` from ``threads`` threads, open-loop; print
    p50/p95 of the answers. ``start(connection, number)`` returns a thread's state (once),
    ``send(connection, state, rng, sent)`` sends one request and returns its status."""
    times, statuses, lock = [], {}, threading.Lock()
    interval = threads / rate
    began = time.perf_counter()

    def stream(number: int) -> None:
        rng = random.Random(number)  # noqa: S311 - simulated residents, nothing secret
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        state = start(connection, number)
        sent = 0
        next_at = began + interval * number / threads
        while next_at < began + seconds:
            time.sleep(max(0.0, next_at - time.perf_counter()))
            sent += 1
            before = time.perf_counter()
            try:
                status = send(connection, state, rng, sent)
            except (OSError, http.client.HTTPException) as error:
                status = type(error).__name__
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            with lock:
                times.append(time.perf_counter() - before)
                statuses[status] = statuses.get(status, 0) + 1
            next_at += interval

    streams = [threading.Thread(target=stream, args=(n,)) for n in range(threads)]
    for thread in streams:
        thread.start()
    for thread in streams:
        thread.join()
    elapsed = time.perf_counter() - began
    extra = f"statuses={statuses} throughput={len(times) / elapsed:.0f}/s"
    print(summary(f"{name}, offered at {rate:.0f}/s", times, extra), flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["map", "city", "list", "api"])
    parser.add_argument("--city", default="1480", help="city: the big city's code (big_city.py)")
    parser.add_argument("--database", default="est_bench")
    parser.add_argument("--requests", type=int, default=None)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="api: mean seconds a reporter waits between filings",
    )
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    url = setup_django(args.database)
    rng = random.Random(args.seed)  # noqa: S311 (random views, not secrets)
    with server(url, args.workers, args.threads) as port:
        if args.what == "map":
            bench_map(port, args.requests or 300, rng)
        elif args.what == "city":
            bench_city(port, args.requests or 300, rng, args.city)
        elif args.what == "list":
            bench_list(port, args.requests or 300, rng)
        else:
            bench_api(port, args.requests or 2000, args.clients, args.think, rng)


if __name__ == "__main__":
    main()

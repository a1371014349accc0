"""Benchmark: residents' tips (#15's speed targets). The tip form's POST and Open311's
``POST requests`` at 50 submissions a second (p95 ≤ 200 ms; with a photo ≤ 400 ms), and the
public map of a municipality with 50,000 tips (p95 ≤ 150 ms).

    .venv/bin/python bench/tips.py [--tips 50000] [--rate 50] [--seconds 20] [--requests 100]
                                   [--only map|form|photo|open311]

Creates (once) the database ``est_tips_bench`` next to the development one, migrates it, seeds
the demo and adds ``--tips`` tips in Arboga, generated in PostgreSQL (INSERT … SELECT) with a
town's kind of clustering: six centres (random points inside the municipality, weighted
35/20/12/8/6/4 %, Gaussian, 250–900 m) and 15 % spread over the municipality's extent; about
60 % published, statuses received/recorded/closed, created over the last two years. Then starts
gunicorn (bench/run.py) behind "our proxy" 127.0.0.1 (each simulated resident is a client of
its own by X-Forwarded-For, as behind the real proxy) and times, from clients over loopback:

- map: ``--requests`` GETs of the public map page of Arboga and of its GeoJSON, after warm-up;
- cold: the GeoJSON built without the cache, by PostgreSQL and (as before) in Python;
- form / photo: the tip form's POSTs offered at ``--rate`` a second for ``--seconds``, paced
  open-loop by THREADS threads (each sends on its schedule whether or not its previous answer
  is back), with the CSRF token from one GET; ``photo`` adds a 1600 × 1200 phone JPEG with a
  GPS position in EXIF (about 1.3 MB of noise: a worst case for its size); 302 is a stored tip;
- open311: Open311 ``POST requests.json`` at the same pace, with an API key; 200 is stored.
"""

import argparse
import http.client
import io
import os
import random
import re
import sys
import time
import urllib.parse
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import create_database, manage  # noqa: E402
from run import WARM_UP, paced, server, setup_django, summary, timed_get  # noqa: E402

os.environ["TRUSTED_PROXIES"] = "127.0.0.1"
os.environ["MEDIA_ROOT"] = "/tmp/est-tips-bench-media"  # noqa: S108 - a benchmark's scratch
THREADS = 25
CATEGORIES = ["dark_path", "bushes", "lighting", "vandalism", "gathering", "traffic", "other"]

GENERATE_SQL = """
WITH place AS (
    SELECT id, boundary, ST_XMin(boundary) AS x0, ST_YMin(boundary) AS y0,
           ST_XMax(boundary) - ST_XMin(boundary) AS w, ST_YMax(boundary) - ST_YMin(boundary) AS h
    FROM est_municipality WHERE code = '1984'
), centres AS (
    SELECT (row_number() OVER ()) AS n, geom
    FROM place, ST_Dump(ST_GeneratePoints(place.boundary, 6, 15))
), drawn AS (
    SELECT g, random() AS r_centre, 1 - random() AS u1, random() AS u2, random() AS r_status,
           random() AS r_published, random() AS r_category, random() AS r_x, random() AS r_y,
           now() - random() * interval '2 years' AS created
    FROM generate_series(1, %(count)s) AS g
)
INSERT INTO dialogues_tip (
    municipality_id, category, description, position, place_name, photo, email, token, source,
    status, close_reason, published, mailed_status, status_changed_at, created_at, updated_at)
SELECT place.id,
       (%(categories)s::text[])[1 + floor(d.r_category * 7)::int],
       'Benchmark: mörkt och otryggt här på kvällarna.',
       CASE WHEN d.r_centre >= 0.85
            THEN ST_SetSRID(ST_MakePoint(place.x0 + d.r_x * place.w, place.y0 + d.r_y * place.h),
                            3006)
            ELSE ST_SetSRID(ST_MakePoint(
                ST_X(c.geom) + (250 + 130 * c.n) * sqrt(-2 * ln(d.u1)) * cos(2 * pi() * d.u2),
                ST_Y(c.geom) + (250 + 130 * c.n) * sqrt(-2 * ln(d.u1)) * sin(2 * pi() * d.u2)),
                3006)
       END,
       '', '', '', md5(d.g::text || random()::text) || md5(random()::text), 'form',
       (ARRAY['new', 'recorded', 'closed'])[1 + floor(d.r_status * 3)::int],
       CASE WHEN floor(d.r_status * 3) = 2 THEN 'Benchmark' ELSE '' END,
       d.r_published < 0.6, '', d.created, d.created, d.created
FROM drawn d CROSS JOIN place
JOIN centres c ON c.n = CASE
    WHEN d.r_centre < 0.35 THEN 1 WHEN d.r_centre < 0.55 THEN 2 WHEN d.r_centre < 0.67 THEN 3
    WHEN d.r_centre < 0.75 THEN 4 WHEN d.r_centre < 0.81 THEN 5 ELSE 6 END
"""


def generate(count: int) -> None:
    """Add tips to Arboga until it has ``count`` generated ones."""
    from django.db import connection

    from dialogues.tips.models import Tip

    missing = count - Tip.objects.filter(description__startswith="Benchmark").count()
    if missing > 0:
        with connection.cursor() as cursor:
            cursor.execute(GENERATE_SQL, {"count": missing, "categories": CATEGORIES})
            cursor.execute("ANALYZE dialogues_tip")
        from dialogues.tips.public_map import public_map_changed
        from est.models import Municipality

        public_map_changed(Municipality.objects.get(code="1984").pk)  # what is kept is old


def phone_photo() -> bytes:
    """Return a 1600 × 1200 JPEG of noise with a GPS position in its EXIF."""
    from PIL import Image

    image = Image.frombytes("RGB", (1600, 1200), random.Random(1).randbytes(1600 * 1200 * 3))
    exif = Image.Exif()
    exif[0x8825] = {2: (59.0, 23.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, exif=exif)
    return buffer.getvalue()


def multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    """Return (body, content type) of a multipart/form-data POST."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, content) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: image/jpeg\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _position(rng, box) -> tuple[float, float]:
    return rng.uniform(box[1], box[3]), rng.uniform(box[0], box[2])


def _inner_box():
    """Return a small WGS 84 box around a point inside Arboga, where every position is in."""
    from est.models import Municipality

    middle = Municipality.objects.get(code="1984").boundary.point_on_surface
    middle.transform(4326)
    return (middle.x - 0.002, middle.y - 0.001, middle.x + 0.002, middle.y + 0.001)


def _response_status(connection, method, path, body, headers) -> int:
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    return response.status


def bench_form(port: int, rate: float, seconds: float, photo: bytes | None) -> None:
    path = "/otrygga-platser/1984/tipsa/"
    box = _inner_box()

    def start(connection, number):
        connection.request("GET", path, headers={"X-Forwarded-For": f"10.{number}.0.1"})
        response = connection.getresponse()
        page = response.read().decode()
        cookie = response.getheader("Set-Cookie").split(";")[0]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return number, cookie, token

    def send(connection, state, rng, sent):
        number, cookie, token = state
        latitude, longitude = _position(rng, box)
        fields = {
            "csrfmiddlewaretoken": token,
            "latitude": f"{latitude:.6f}",
            "longitude": f"{longitude:.6f}",
            "place_name": "",
            "category": rng.choice(CATEGORIES),
            "description": "Trasig belysning längs gångvägen, helt mörkt på kvällen.",
            "email": rng.choice(["", "boende@example.se"]),
            "website": "",
        }
        if photo is None:
            body = urllib.parse.urlencode(fields)
            kind = "application/x-www-form-urlencoded"
        else:
            body, kind = multipart(fields, {"photo": ("lampa.jpg", photo)})
        headers = {
            "Content-Type": kind,
            "Cookie": cookie,
            # Each resident a client of their own behind the proxy (the rate limit is 10/h).
            "X-Forwarded-For": f"10.{number}.{sent // 250}.{sent % 250 + 1}",
        }
        return _response_status(connection, "POST", path, body, headers)

    name = "tip form POST" + (" with a 1600x1200 photo" if photo else "")
    paced(port, name, rate, seconds, start, send, threads=THREADS)


def bench_open311(port: int, rate: float, seconds: float) -> None:
    from dialogues.tips.open311.keys import open311_client_create

    key = open311_client_create(name="Benchmark")[1]
    box = _inner_box()

    def send(connection, number, rng, sent):
        latitude, longitude = _position(rng, box)
        body = urllib.parse.urlencode(
            {
                "api_key": key,
                "jurisdiction_id": "1984",
                "service_code": rng.choice(CATEGORIES),
                "lat": f"{latitude:.6f}",
                "long": f"{longitude:.6f}",
                "description": "Buskarna skymmer gångvägen helt.",
                "device_id": f"bench-{number}-{sent}",
            }
        )
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Forwarded-For": f"10.{number}.{sent // 250}.{sent % 250 + 1}",
        }
        return _response_status(connection, "POST", "/open311/v2/requests.json", body, headers)

    paced(port, "Open311 POST requests.json", rate, seconds, lambda c, n: n, send, threads=THREADS)


def bench_map(port: int, requests: int) -> None:
    from dialogues.tips.models import Tip

    shown = Tip.objects.published().filter(municipality__code="1984").count()
    for name, path in [
        ("public map page of Arboga's tips", "/otrygga-platser/1984/"),
        ("the map's tips as GeoJSON (fetched by the page)", "/otrygga-platser/1984/tips.geojson"),
    ]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for _ in range(WARM_UP):
            timed_get(connection, path, {})
        times, statuses, size = [], {}, 0
        for _ in range(requests):
            seconds, status, body = timed_get(connection, path, {})
            statuses[status] = statuses.get(status, 0) + 1
            size = len(body)
            times.append(seconds)
        extra = f"statuses={statuses} bytes={size:,} tips shown={shown:,}"
        print(summary(name, times, extra), flush=True)


def bench_cold(runs: int = 5) -> None:
    """Time building the public map's GeoJSON without the cache (what the first request after
    a change pays), in this process: PostgreSQL's text against Python's dicts and json.dumps."""
    import json

    from dialogues.tips.models import Tip
    from est.geojson import feature_collection, feature_collection_text

    tips = Tip.objects.published().filter(municipality__code="1984")
    fields = ["category", "status"]
    for name, build in [
        ("GeoJSON built by PostgreSQL", lambda: feature_collection_text(tips, "position", fields)),
        (
            "GeoJSON built in Python (before)",
            lambda: json.dumps(feature_collection(tips, "position", fields)),
        ),
    ]:
        times = []
        for _ in range(runs):
            began = time.perf_counter()
            build()
            times.append(time.perf_counter() - began)
        print(summary(name, times), flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="est_tips_bench")
    parser.add_argument("--tips", type=int, default=50_000)
    parser.add_argument("--rate", type=float, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument(
        "--only", choices=["map", "cold", "form", "photo", "open311"], action="append"
    )
    args = parser.parse_args(argv)
    url = create_database(args.database, fresh=False)
    manage(url, "migrate", "--no-input", "-v", "0")
    manage(url, "seed_demo")
    setup_django(args.database)
    generate(args.tips)
    only = set(args.only or ["map", "cold", "form", "photo", "open311"])
    if "cold" in only:
        bench_cold()
    with server(url, args.workers, args.threads) as port:
        if "map" in only:
            bench_map(port, args.requests)
        if "form" in only:
            bench_form(port, args.rate, args.seconds, None)
        if "photo" in only:
            bench_form(port, args.rate, args.seconds, phone_photo())
        if "open311" in only:
            bench_open311(port, args.rate, args.seconds)


if __name__ == "__main__":
    main()

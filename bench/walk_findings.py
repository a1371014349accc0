"""Recording findings on a walk with one 3 MB photo each, from many phones at once.

    .venv/bin/python bench/walk_findings.py [--phones 20] [--findings 10] [--database est]

The data generator (``prepare``) makes, in the development database after ``seed_demo``, an
announced walk in Arboga that is under way, and a 3 MB JPEG of noise (noise does not compress,
so the file really is that size; the camera's photos of a dark street are about as large).
gunicorn starts as in bench/run.py; each phone is a thread that opens the walk page once (for its
CSRF token), then posts finding after finding as the page's offline queue does: the form,
multipart, with the photo, asking for JSON. Timings are client-side, from sending the request to
having read the answer. The walk, its findings and their photo files are removed afterwards.
"""

import argparse
import datetime
import http.client
import io
import os
import random
import re
import subprocess
import sys
import threading
import time
import uuid
from contextlib import contextmanager, nullcontext
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import database_urls  # noqa: E402
from probe import probe_summary  # noqa: E402
from run import server, session_cookie, setup_django, summary  # noqa: E402

PHOTO_BYTES = 3 * 1024 * 1024
BOUNDARY = "----est-bench-boundary"


def bench_photo(target: int = PHOTO_BYTES) -> bytes:
    """Return a JPEG of random noise of about ``target`` bytes (a little more)."""
    from PIL import Image

    rng = random.Random(1)
    side = 1200
    while True:
        image = Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3))
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=90)
        if buffer.tell() >= target:
            return buffer.getvalue()
        side += 200


def prepare():
    """Return (the walk under way, the id of its lighting category, a point inside Arboga)."""
    from django.contrib.gis.geos import LineString, Point
    from django.utils import timezone

    from dialogues.walks.categories import finding_categories
    from dialogues.walks.models import SafetyWalk
    from dialogues.walks.services import safety_walk_create, safety_walk_publish
    from est.models import Municipality, User

    arboga = Municipality.objects.get(code="1984")
    coordinator = User.objects.get(username="samordnare")
    point = Point(15.8420, 59.3930, srid=4326)
    start = timezone.now() + datetime.timedelta(days=1)
    walk = safety_walk_create(
        municipality=arboga,
        by=coordinator,
        title="Benchmark walk",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        meeting_place="Stora torget",
        meeting_point=point,
        route=LineString((15.8409, 59.3936), (15.8451, 59.3931), srid=4326),
        announcement="Benchmark.",
    )
    safety_walk_publish(walk=walk, by=coordinator)
    now = timezone.now()
    SafetyWalk.objects.filter(pk=walk.pk).update(
        starts_at=now - datetime.timedelta(hours=1), ends_at=now + datetime.timedelta(hours=1)
    )
    category = finding_categories(arboga).get(code="lighting")
    return walk, category.pk, point


def clean_up(walk) -> None:
    for finding in walk.findings.all():
        for photo in finding.photos.all():
            for file in (photo.image, photo.thumbnail, photo.original):
                if file:
                    file.delete(save=False)
    walk.delete()


@contextmanager
def celery_worker(url: str, concurrency: int):
    """Run a Celery worker on the benchmark database while the block runs, as in production,
    where it cleans the photos on the same machine while the phones send (at the lower CPU
    priority that the Procfile and docker-compose.yml give it)."""
    environment = {**os.environ, "DATABASE_URL": url, "DEBUG": "false"}
    process = subprocess.Popen(  # noqa: S603 (our own Celery with our own arguments)
        [
            "/usr/bin/nice",
            "-n",
            "10",
            str(ROOT / ".venv/bin/celery"),
            "-A",
            "est",
            "worker",
            f"--concurrency={concurrency}",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=environment,
    )
    from est.celery import app

    try:
        while not app.control.inspect(timeout=0.5).ping():
            time.sleep(0.5)
        yield
    finally:
        process.terminate()
        process.wait(30)


def cleaned_after(walk, expected: int, began: float, timeout: float = 300) -> float | None:
    """Wait until the worker has cleaned ``expected`` photos of ``walk``; return the seconds from
    ``began`` until then, or None after ``timeout``."""
    from dialogues.walks.models import FindingPhoto

    photos = FindingPhoto.objects.filter(finding__walk=walk)
    while photos.ready().count() < expected:
        if time.perf_counter() - began > timeout:
            return None
        time.sleep(0.2)
    return time.perf_counter() - began


def finding_fields(category: int, point) -> dict:
    """Return the finding form's fields as the phone fills them in at ``point``."""
    return {
        "latitude": f"{point.y:.6f}",
        "longitude": f"{point.x:.6f}",
        "category": category,
        "description": "Gatlampan är trasig.",
        "unsafe": 4,
    }


def multipart(fields: dict, photo: bytes | None) -> bytes:
    """Return ``fields`` and ``photo`` (None: no file) as a multipart/form-data body."""
    parts = []
    for name, value in fields.items():
        head = f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    if photo is not None:
        parts.append(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="photos"; '
            'filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'.encode()
            + photo
            + b"\r\n"
        )
    parts.append(f"--{BOUNDARY}--\r\n".encode())
    return b"".join(parts)


def phone(port, path, cookie, fields, photo, count, start, results, failures):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers={"Cookie": cookie})
    response = connection.getresponse()
    page = response.read().decode()
    csrf = response.getheader("Set-Cookie") or ""
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    cookie_value = re.search(r"csrftoken=([^;]+)", csrf)
    headers = {
        "Cookie": cookie + (f"; csrftoken={cookie_value.group(1)}" if cookie_value else ""),
        "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
        "Accept": "application/json",
        "Referer": f"http://127.0.0.1:{port}{path}",
        "Origin": f"http://127.0.0.1:{port}",
    }
    start.wait()
    # The server closes a connection idle for its keep-alive time (2 s) while the other phones
    # still load the page: each phone connects anew once all have their page.
    connection.close()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for _ in range(count):
        body = multipart(
            {**fields, "csrfmiddlewaretoken": token, "submission_key": uuid.uuid4()}, photo
        )
        began = time.perf_counter()
        sent = {**headers, "X-Bench-Sent": repr(time.time())}
        connection.request("POST", path + "findings/", body=body, headers=sent)
        answer = connection.getresponse()
        answer.read()
        results.append(time.perf_counter() - began)
        if answer.status != 200:
            failures.append(answer.status)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=20)
    parser.add_argument("--findings", type=int, default=10, help="per phone")
    # Sync workers, as in production (docker-compose.yml); see bench/survey.py.
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument(
        "--worker-concurrency",
        type=int,
        default=1,
        help="Celery worker processes cleaning the photos during the run (0: none)",
    )
    parser.add_argument(
        "--probe",
        type=Path,
        help="write each request's wait, CPU and SQL to this file and summarise it (probe.py)",
    )
    _maintenance, dev = database_urls("est")
    parser.add_argument("--database", default=urlsplit(dev).path.lstrip("/"))
    args = parser.parse_args(argv)
    url = setup_django(args.database)
    walk, category, point = prepare()
    photo = bench_photo()
    fields = finding_fields(category, point)
    cookie = session_cookie("samordnare")
    worker = (
        celery_worker(url, args.worker_concurrency) if args.worker_concurrency else nullcontext()
    )
    try:
        with worker, server(url, args.workers, args.threads, probe=args.probe) as port:
            path = f"/walks/{walk.pk}/walk/"
            results, failures, start = [], [], threading.Barrier(args.phones)
            threads = [
                threading.Thread(
                    target=phone,
                    args=(
                        port,
                        path,
                        cookie,
                        fields,
                        photo,
                        args.findings,
                        start,
                        results,
                        failures,
                    ),
                )
                for _ in range(args.phones)
            ]
            began = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - began
            cleaned = cleaned_after(walk, args.phones * args.findings, began)
        recorded = walk.findings.count()
        print(
            summary(
                f"finding + {len(photo) / 1e6:.1f} MB photo, {args.phones} phones",
                results,
                f"{recorded} recorded, {len(failures)} failed, {recorded / elapsed:.1f}/s",
            )
        )
        if args.worker_concurrency:
            took = f"{cleaned:.1f} s" if cleaned is not None else "more than 300 s"
            print(f"all photos cleaned by the worker {took} after the first was sent")
        if args.probe:
            print(probe_summary(args.probe))
        print("load average:", Path("/proc/loadavg").read_text().strip())
    finally:
        clean_up(walk)


if __name__ == "__main__":
    main()

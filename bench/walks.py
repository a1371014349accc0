"""Benchmark: the public safety walk pages (the municipality's list, a walk, its follow-up) and a
walk's report PDF.

    .venv/bin/python bench/walks.py [--walks 40] [--findings 30] [--requests 300] [--pdfs 10]

Creates (once) the database ``est_walks_bench`` next to the development one, migrates it, seeds
the demo and adds ``--walks`` held walks in Arboga, each with ``--findings`` findings (a photo
each, every other one public: phone-sized 1600 × 1200 JPEGs cleaned by ``photo_clean`` as the
worker cleans them, so the thumbnails are the product's 320 px ones), a nine-parameter audit of
four stretches, participants and a measure per two findings in every status (the done ones with a
public photo). Then starts gunicorn (bench/run.py)
and times, from a client over loopback, ``--requests`` GETs of each public page (p50/p95/max,
after untimed warm-up requests) and ``--pdfs`` GETs of the largest walk's report PDF as the
coordinator. Photos go to a folder of their own under /tmp.
"""

import argparse
import datetime
import http.client
import io
import os
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import create_database, manage  # noqa: E402
from run import WARM_UP, server, session_cookie, setup_django, summary, timed_get  # noqa: E402

os.environ["MEDIA_ROOT"] = "/tmp/est-walks-bench-media"  # noqa: S108 - a benchmark's scratch


#: Photos as a phone sends them (noise, so they do not compress: a worst case for their size).
PHONE_SIDE = (1600, 1200)
#: Distinct photos made; each finding stores its own copy of one of them.
PHOTO_VARIETY = 8


def _cleaned_photos():
    """Return PHOTO_VARIETY photos as the product stores them: each phone-sized JPEG cleaned by
    photo_clean (what the worker does), so the image is at most 2560 px and the thumbnail
    320 px on its longer side."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from reports.incidents.photos import photo_clean

    photos = []
    for seed in range(PHOTO_VARIETY):
        image = Image.effect_noise(PHONE_SIDE, 40 + seed * 3).convert("RGB")
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=90)
        cleaned = photo_clean(SimpleUploadedFile("phone.jpg", buffer.getvalue(), "image/jpeg"))
        photos.append((cleaned.image.read(), cleaned.thumbnail.read()))
    return photos


def generate(walks: int, findings: int) -> None:
    """Add ``walks`` held walks with ``findings`` findings each to Arboga, unless there."""
    from django.contrib.gis.geos import LineString, Point
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from dialogues.measures.models import Measure
    from dialogues.measures.services import measure_create, measure_status_set
    from dialogues.walks.models import (
        Finding,
        FindingCategory,
        FindingPhoto,
        ParticipantCount,
        SafetyWalk,
        StretchAudit,
    )
    from est.models import Municipality, Organisation, User

    arboga = Municipality.objects.get(code="1984")
    held = SafetyWalk.objects.filter(title__startswith="Benchmark walk")
    if held.count() >= walks:
        return
    coordinator = User.objects.get(username="samordnare")
    streets = Organisation.objects.get(name="Arboga kommun, tekniska förvaltningen")
    categories = [
        FindingCategory.objects.get_or_create(
            municipality=arboga, code=code, defaults={"name": name, "position": n}
        )[0]
        for n, (code, name) in enumerate(
            [("lighting", "Belysning"), ("vegetation", "Vegetation"), ("graffiti", "Klotter")]
        )
    ]
    centre = arboga.boundary.point_on_surface
    statuses = Measure.Status.values
    photos = _cleaned_photos()
    for index in range(held.count(), walks):
        start = timezone.now() - datetime.timedelta(days=10 + index * 7)
        x, y = centre.x + (index % 5) * 300, centre.y + (index // 5) * 300
        walk = SafetyWalk.objects.create(
            municipality=arboga,
            title=f"Benchmark walk {index + 1}",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
            meeting_place="Vid torget",
            meeting_point=Point(x, y, srid=3006),
            route=LineString([(x, y), (x + 400, y + 100), (x + 600, y + 500)], srid=3006),
            announcement="Vi går runt och noterar vad som känns otryggt.",
            status=SafetyWalk.Status.PUBLISHED,
            published_at=start - datetime.timedelta(days=14),
            created_by=coordinator,
        )
        made = []
        for n in range(findings):
            finding = Finding.objects.create(
                walk=walk,
                category=categories[n % 3],
                position=Point(x + n * 20, y + (n % 7) * 40, srid=3006),
                description=f"Iakttagelse {n + 1}: trasig belysning och skymd sikt.",
                unsafe=1 + n % 5,
                submission_key=uuid.uuid4(),
                recorded_at=start + datetime.timedelta(minutes=n * 3),
            )
            photo = FindingPhoto(finding=finding, public=n % 2 == 0, submission_key=uuid.uuid4())
            image, thumbnail = photos[n % len(photos)]
            photo.image.save(f"{uuid.uuid4()}.jpg", ContentFile(image), save=False)
            photo.thumbnail.save(f"{uuid.uuid4()}-thumb.jpg", ContentFile(thumbnail), save=False)
            photo.save()
            made.append(finding)
        for stretch in range(1, 5):
            StretchAudit.objects.create(
                walk=walk,
                stretch=stretch,
                submission_key=uuid.uuid4(),
                recorded_at=start,
                **{
                    field: 1 + (stretch + n) % 5
                    for n, field in enumerate(
                        [
                            "lighting",
                            "openness",
                            "visibility",
                            "people",
                            "security",
                            "walk_path",
                            "public_transport",
                            "gender_age_usage",
                            "feeling",
                        ]
                    )
                },
            )
        ParticipantCount.objects.create(walk=walk, group="residents", count=15)
        for n in range(0, len(made), 2):
            measure = measure_create(
                municipality=arboga,
                by=coordinator,
                findings=made[n : n + 2],
                title=f"Åtgärd {n // 2 + 1} efter vandring {index + 1}",
                responsible=streets,
                due_on=start.date() + datetime.timedelta(days=30),
            )
            status = statuses[(n // 2) % len(statuses)]
            if status != "proposed":
                measure_status_set(
                    measure=measure,
                    by=coordinator,
                    status=status,
                    rejection_reason="Ingen budget i år.",
                    done_note="Klart.",
                )
            if status == "done":
                # As a done measure's photo is stored (already cleaned), and shown to residents.
                done_photo = ContentFile(photos[n % len(photos)][0])
                measure.done_photo.save(f"{uuid.uuid4()}.jpg", done_photo)
                Measure.objects.filter(pk=measure.pk).update(done_photo_public=True)


def bench_pages(port: int, requests: int, pdfs: int) -> None:
    from dialogues.walks.models import SafetyWalk

    walk = SafetyWalk.objects.filter(title="Benchmark walk 1").get()
    public = f"/trygghetsvandringar/1984/{walk.pk}/"
    for name, path, headers, count in [
        ("public list of Arboga's walks", "/trygghetsvandringar/1984/", {}, requests),
        ("public walk page", public, {}, requests),
        ("public follow-up page", public + "uppfoljning/", {}, requests),
        (
            "report PDF (coordinator)",
            f"/walks/{walk.pk}/report.pdf",
            {"Cookie": session_cookie("samordnare")},
            pdfs,
        ),
    ]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for _ in range(WARM_UP if count == requests else 1):
            timed_get(connection, path, headers)
        times, errors, size = [], 0, 0
        for _ in range(count):
            seconds, status, body = timed_get(connection, path, headers)
            errors += status != 200
            size = len(body)
            times.append(seconds)
        print(summary(name, times, f"errors={errors} bytes={size:,}"), flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="est_walks_bench")
    parser.add_argument("--walks", type=int, default=40)
    parser.add_argument("--findings", type=int, default=30)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--pdfs", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    url = create_database(args.database, fresh=False)
    manage(url, "migrate", "--no-input", "-v", "0")
    manage(url, "seed_demo")
    setup_django(args.database)
    generate(args.walks, args.findings)
    with server(url, args.workers, 1) as port:
        bench_pages(port, args.requests, args.pdfs)


if __name__ == "__main__":
    main()

"""What the demo's walk that has taken place recorded: a dozen findings across the categories,
a few photos (drawn here: a lamp in the dark, a bush, a wall; never people), the audit of four
stretches and the participants. Recorded through the same services as on a phone, with fixed
submission keys so that seeding again records nothing twice."""

import datetime
import io
import uuid

from django.contrib.gis.geos import Point
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from est.projections import WGS84

from .categories import finding_categories
from .models import AUDIT_PARAMETERS, SafetyWalk
from .recording import finding_record, participants_set, stretch_audit_record

#: The namespace of the demo's submission keys.
DEMO_KEYS = uuid.UUID("6f1c1c8e-3b8a-4c55-9d0e-2f7f3b8a9c11")

#: (category code, longitude, latitude, unsafe 1–5, description, photo drawn or None)
FINDINGS = [
    ("lighting", 15.8412, 59.3937, 4, "Två gatlampor ur funktion vid torgets norra sida.", "lamp"),
    (
        "vegetation",
        15.8420,
        59.3939,
        3,
        "Buskaget vid busshållplatsen skymmer sikten mot gatan.",
        "bush",
    ),
    (
        "graffiti",
        15.8428,
        59.3940,
        2,
        "Klotter på transformatorstationen bakom biblioteket.",
        "wall",
    ),
    (
        "visibility",
        15.8433,
        59.3939,
        4,
        "Skymd passage mellan garagen, ingen insyn från husen.",
        None,
    ),
    (
        "littering",
        15.8440,
        59.3936,
        2,
        "Överfulla papperskorgar och glassplitter vid bänkarna.",
        None,
    ),
    (
        "paths",
        15.8447,
        59.3933,
        3,
        "Övergångsstället saknar belysning och är svårt att se.",
        "lamp",
    ),
    (
        "public-transport",
        15.8449,
        59.3930,
        3,
        "Väderskyddet vid hållplatsen är trasigt och mörkt.",
        None,
    ),
    (
        "accessibility",
        15.8440,
        59.3927,
        3,
        "Kantstenen är hög, svårt att ta sig fram med rullator.",
        None,
    ),
    (
        "people",
        15.8430,
        59.3924,
        2,
        "Folktomt efter att affärerna stängt, inga öppna entréer.",
        None,
    ),
    (
        "lighting",
        15.8421,
        59.3923,
        5,
        "Gångtunneln under järnvägen är helt mörk på kvällen.",
        "lamp",
    ),
    ("vegetation", 15.8414, 59.3928, 3, "Häcken längs cykelvägen har växt ut över stigen.", "bush"),
    ("other", 15.8410, 59.3933, 1, "Skylten till resecentrum pekar åt fel håll.", None),
]
#: (stretch, name, lighting, openness, visibility, people, security, walk path, public
#:  transport, gender and age usage, feeling), as two participants scored them.
AUDITS = [
    (1, "Stora torget – biblioteket", 2, 4, 3, 3, 3, 4, None, 3, 3),
    (1, "Stora torget – biblioteket", 3, 4, 3, 2, 3, 4, None, 3, 3),
    (2, "Biblioteket – resecentrum", 2, 3, 2, 2, 2, 3, 4, 2, 2),
    (2, "Biblioteket – resecentrum", 1, 3, 2, 2, 3, 3, 3, 2, 2),
    (3, "Gångtunneln", 1, 2, 1, 1, 2, 3, None, 1, 1),
    (3, "Gångtunneln", 1, 1, 2, 1, 1, 2, None, 2, 1),
    (4, "Cykelvägen tillbaka", 3, 3, 3, 2, 3, 3, None, 3, 3),
]
PARTICIPANTS = {"residents": 14, "municipality": 3, "housing": 2, "police": 2, "schools": 1}


def demo_photo(kind: str, number: int) -> SimpleUploadedFile:
    """Return a drawn JPEG of a place (``lamp``, ``bush`` or ``wall``), no people in it."""
    image = Image.new("RGB", (800, 600), "#1b2430" if kind == "lamp" else "#8fb3cf")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 420, 800, 600), fill="#4a4f55")
    if kind == "lamp":
        draw.rectangle((390, 120, 405, 440), fill="#707880")
        draw.ellipse((360, 90, 435, 140), fill="#3a3f45")
    elif kind == "bush":
        for x in range(80, 720, 90):
            draw.ellipse((x, 250 + (x % 3) * 20, x + 160, 440), fill="#2f5d2a")
    else:
        draw.rectangle((150, 180, 650, 430), fill="#b9b2a6")
        for x in range(190, 600, 70):
            draw.arc((x, 240, x + 90, 330), 0, 300, fill="#8a1c7c", width=9)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return SimpleUploadedFile(f"demo-{kind}-{number}.jpg", buffer.getvalue(), "image/jpeg")


def walk_findings_seed(walk: SafetyWalk, by) -> None:
    """Record the demo's findings, audits and participants on ``walk`` (safe to run again)."""
    categories = {category.code: category for category in finding_categories(walk.municipality)}
    for number, (code, lon, lat, unsafe, description, photo) in enumerate(FINDINGS):
        finding_record(
            walk=walk,
            by=by,
            submission_key=uuid.uuid5(DEMO_KEYS, f"finding-{number}"),
            category=categories[code],
            position=Point(lon, lat, srid=WGS84),
            description=description,
            unsafe=unsafe,
            recorded_at=walk.starts_at + datetime.timedelta(minutes=8 * number + 5),
            photos=[demo_photo(photo, number)] if photo else [],
        )
    fields = [field for field, _label in AUDIT_PARAMETERS]
    for number, (stretch, name, *scores) in enumerate(AUDITS):
        stretch_audit_record(
            walk=walk,
            by=by,
            submission_key=uuid.uuid5(DEMO_KEYS, f"audit-{number}"),
            stretch=stretch,
            stretch_name=name,
            scores=dict(zip(fields, scores, strict=True)),
            recorded_at=walk.starts_at + datetime.timedelta(minutes=20 * stretch),
        )
    participants_set(walk=walk, by=by, counts=PARTICIPANTS)

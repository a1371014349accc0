"""Demo safety walks for seed_demo: in Arboga one walk that has taken place, with what was
recorded on it, and one coming (moved); one coming in Kungsör. Planned and recorded through the
services as a coordinator would.

The walk that has taken place is found with ``done_demo_walk()`` (Arboga, titled
``DONE_WALK_TITLE``): other features' demo data (measures) start from its findings."""

import datetime

from django.contrib.gis.geos import LineString, Point
from django.utils import timezone

from est.demo import ARBOGA, KUNGSOR
from est.models import Area, Organisation, User
from est.periods import local_midnight
from est.projections import WGS84

from .demo_findings import walk_findings_seed
from .models import SafetyWalk
from .services import (
    PLANNED_FIELDS,
    safety_walk_create,
    safety_walk_publish,
    safety_walk_update,
)

TAKE_PART = (
    "Alla är välkomna, ingen anmälan behövs. Ta på dig kläder efter väder; vi bjuder på "
    "kaffe efteråt. Frågor: kommunens säkerhetssamordnare, 0589-870 00."
)
#: The title of the Arboga walk that has taken place, two weeks ago.
DONE_WALK_TITLE = "Trygghetsvandring i centrum"
#: (municipality, title, days ahead (negative: days ago), area, meeting place, meeting point and
#:  route in WGS 84, partner names, announcement, accessibility)
WALKS = [
    (
        ARBOGA,
        DONE_WALK_TITLE,
        -14,
        "Centrum",
        "Vid fontänen på Stora torget",
        [
            (15.8409, 59.3936),
            (15.8432, 59.3941),
            (15.8451, 59.3931),
            (15.8420, 59.3922),
            (15.8409, 59.3936),
        ],
        ["Arboga Bostäder AB", "Polisen, lokalpolisområde Köping"],
        "Vi går runt i centrum och kring resecentrum en tisdagskväll och noterar vad som gör "
        "att platser känns otrygga: belysning, buskage, skymda hörn och nedskräpning.",
        "Rundan är cirka 1,5 km på asfalt, utan trappor. Vi går långsamt och stannar ofta.",
    ),
    (
        ARBOGA,
        "Trygghetsvandring i Ekbacken",
        33,
        "Ekbacken",
        "Vid Ekbackens centrumbyggnad",
        [(15.8216, 59.3989), (15.8240, 59.3998), (15.8262, 59.3990), (15.8230, 59.3978)],
        ["Arboga Bostäder AB", "Arboga kommun, kultur- och fritidsförvaltningen"],
        "Tillsammans med Arboga Bostäder går vi genom Ekbacken, gångvägarna mot skolan och "
        "parkeringarna.",
        "Cirka 2 km, en kortare backe vid skolan.",
    ),
    (
        KUNGSOR,
        "Trygghetsvandring vid stationen",
        19,
        None,
        "Utanför stationshuset",
        [(16.0970, 59.4220), (16.0990, 59.4232), (16.1012, 59.4226)],
        ["Kungsörs KommunFastigheter AB", "Polisen, lokalpolisområde Köping"],
        "Vi går från stationen genom gångtunneln och längs ån, där många har sagt att de "
        "känner sig otrygga på kvällen.",
        "Cirka 1 km. Gångtunneln har ramp.",
    ),
]


def _evening(days_ahead: int) -> tuple[datetime.datetime, datetime.datetime]:
    start = local_midnight(timezone.localdate() + datetime.timedelta(days=days_ahead))
    start += datetime.timedelta(hours=18, minutes=30)
    return start, start + datetime.timedelta(hours=2)


def done_demo_walk() -> SafetyWalk | None:
    """Return the demo's Arboga walk that has taken place, or None before seeding."""
    return SafetyWalk.objects.filter(municipality__code=ARBOGA, title=DONE_WALK_TITLE).first()


def _took_place(walk: SafetyWalk, days: int) -> None:
    """Move ``walk`` ``-days`` days into the past, as if it had been announced then and time had
    passed since: the services rightly refuse to announce a walk that is over."""
    starts_at, ends_at = _evening(days)
    SafetyWalk.objects.filter(pk=walk.pk).update(
        starts_at=starts_at,
        ends_at=ends_at,
        published_at=starts_at - datetime.timedelta(days=21),
    )
    walk.refresh_from_db()


def walks_seed(municipalities) -> None:
    """Plan and announce the demo walks where they are missing (safe to run again)."""
    by_code = {municipality.code: municipality for municipality in municipalities}
    coordinator = User.objects.filter(username="samordnare").first()
    for code, title, days, area, place, points, partners, announcement, access in WALKS:
        municipality = by_code.get(code)
        if municipality is None or SafetyWalk.objects.filter(title=title).exists():
            continue
        starts_at, ends_at = _evening(max(days, 1))
        walk = safety_walk_create(
            municipality=municipality,
            by=coordinator,
            partners=Organisation.objects.filter(name__in=partners),
            title=title,
            area=Area.objects.filter(municipality=municipality, name=area).first(),
            starts_at=starts_at,
            ends_at=ends_at,
            meeting_place=place,
            meeting_point=Point(*points[0], srid=WGS84),
            route=LineString(points, srid=WGS84),
            expected_participants=25,
            announcement=announcement,
            accessibility=access,
            how_to_take_part=TAKE_PART,
        )
        safety_walk_publish(walk=walk, by=coordinator)
        if days < 0:
            _took_place(walk, days)
    done = done_demo_walk()
    # A demo seeded by an earlier version may hold this walk still ahead: findings wait for it.
    if done is not None and coordinator is not None and done.ends_at <= timezone.now():
        walk_findings_seed(done, coordinator)
    moved = SafetyWalk.objects.filter(title="Trygghetsvandring i Ekbacken", moved_from=None)
    for walk in moved:
        # The demo shows a moved walk: a week later than first announced.
        kept = [name for name in PLANNED_FIELDS if name not in ("starts_at", "ends_at")]
        fields = {name: getattr(walk, name) for name in kept}
        safety_walk_update(
            walk=walk,
            by=coordinator,
            partners=walk.partners.all(),
            starts_at=walk.starts_at + datetime.timedelta(days=7),
            ends_at=walk.ends_at + datetime.timedelta(days=7),
            **fields,
        )

"""Demo neighbourhood watch groups for seed_demo: two in Arboga (one active with its signs up,
one with its start meeting planned) and one in Kungsör (a resident's interest). Signed up and
kept through the services, as residents and the coordinator would; safe to run again."""

import datetime
import uuid

from django.contrib.gis.geos import Point
from django.utils import timezone

from est.demo import ARBOGA, KUNGSOR

from .forms import CONSENT
from .models import WatchGroup
from .services import watch_group_update, watch_signup

#: (municipality, place, longitude, latitude, households, contact, status)
GROUPS = [
    (ARBOGA, "Ekbacksvägen 1–29", 15.8330, 59.3960, 24, "Karin Lund", WatchGroup.Status.ACTIVE),
    (
        ARBOGA,
        "Villorna kring Nybyparken",
        15.8550,
        59.3885,
        40,
        "Ali Haddad",
        WatchGroup.Status.PLANNED,
    ),
    (KUNGSOR, "Kyrkbacken", 16.0950, 59.4225, 15, "Eva Berg", WatchGroup.Status.INTEREST),
]


def _block(lon: float, lat: float):
    """Return a square of about 240 m around lon/lat in SWEREF 99 TM: a few streets."""
    centre = Point(lon, lat, srid=4326).transform(3006, clone=True)
    return centre.buffer(120, quadsegs=1).envelope


def watch_seed(municipalities) -> None:
    """Sign up and keep the demo groups in Arboga and Kungsör where there are none yet."""
    today = timezone.localdate()
    for municipality in municipalities:
        if municipality.code not in (ARBOGA, KUNGSOR) or municipality.watch_groups.exists():
            continue
        for code, place, lon, lat, households, contact, status in GROUPS:
            if code != municipality.code:
                continue
            group = watch_signup(
                municipality=municipality,
                place=place,
                area=_block(lon, lat),
                households=households,
                name=contact,
                email=f"{contact.split()[0].lower()}@example.se",
                phone="070-123 45 67",
                consent_text=str(CONSENT),
                # A sender of its own each time: the rate limit counts in Redis across
                # databases, so seeding again within the hour would otherwise be refused.
                sender_key=f"demo:{uuid.uuid4()}",
            )
            if status == WatchGroup.Status.ACTIVE:
                watch_group_update(
                    group=group,
                    status=status,
                    start_meeting_on=today - datetime.timedelta(days=60),
                    material_given_on=today - datetime.timedelta(days=60),
                    signs_count=4,
                    signs_put_up_on=today - datetime.timedelta(days=45),
                )
            elif status == WatchGroup.Status.PLANNED:
                watch_group_update(
                    group=group,
                    status=status,
                    start_meeting_on=today + datetime.timedelta(days=14),
                )

"""Demo cameras in Arboga and Kungsör, with a few clips kept for the police."""

import datetime

from django.conf import settings
from django.contrib.gis.geos import Point
from django.core.files.base import ContentFile
from django.utils import timezone

from est.models import Organisation, User
from est.projections import WGS84

from .models import Camera
from .purge import footage_purge_due
from .services import camera_create, footage_create, legal_hold_set

ARBOGA, KUNGSOR = "1984", "1960"

#: (municipality, name, premises, lon, lat, organisation, purpose, hours, retention, status,
#:  permit reference or "")
CAMERAS = [
    (
        ARBOGA,
        "Resecentrum perrong",
        "Arboga resecentrum",
        15.8378,
        59.3952,
        "Västra Mälardalens Kommunalförbund",
        "Förebygga och utreda skadegörelse, rån och misshandel vid resecentrum.",
        "Dygnet runt",
        72,
        Camera.Status.ACTIVE,
        "DI-2024-1187",
    ),
    (
        ARBOGA,
        "Gäddgårdsskolan skolgård",
        "Gäddgårdsskolan",
        15.8330,
        59.3872,
        "Arboga kommun, barn- och utbildningsförvaltningen",
        "Förebygga skadegörelse, anlagd brand och inbrott på skolgården utanför skoltid.",
        "18–06 vardagar, dygnet runt helger och lov",
        72,
        Camera.Status.ACTIVE,
        "DI-2025-0342",
    ),
    (
        ARBOGA,
        "Storgatan torget",
        "Stora torget",
        15.8420,
        59.3938,
        "Västra Mälardalens Kommunalförbund",
        "Förebygga brott och öka tryggheten på torget kvällar och nätter.",
        "20–05 fredag–lördag",
        336,
        Camera.Status.PLANNED,
        "",
    ),
    (
        KUNGSOR,
        "Kungsör centrum",
        "Drottninggatan, Kungsör centrum",
        16.0962,
        59.4222,
        "Kungsörs kommun, tekniska förvaltningen",
        "Förebygga skadegörelse och våld i centrum kvällar och nätter.",
        "21–05 alla dagar",
        72,
        Camera.Status.ACTIVE,
        "DI-2023-2201",
    ),
    (
        KUNGSOR,
        "Kungsudden båthamn",
        "Kungsuddens gästhamn",
        16.1070,
        59.4183,
        "Kungsörs KommunFastigheter AB",
        "Förebygga stölder och skadegörelse i gästhamnen under säsong.",
        "Maj–september, dygnet runt",
        120,
        Camera.Status.ACTIVE,
        "DI-2024-0977",
    ),
]

JUSTIFICATION = (
    "Anmälningar om skadegörelse och våld görs ofta först efter helgen eller efter en ledighet; "
    "en kortare lagringstid skulle radera materialet innan polisen hinner begära ut det."
)

#: The first bytes of an MP4 file: the demo's clips are no real videos, but must look like
#: one to be kept (cameras.services.footage_create checks what a file is).
MP4_HEADER = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"


def cameras_seed(municipalities) -> None:
    """Create the demo cameras that are missing; clips only for cameras created now."""
    by_code = {m.code: m for m in municipalities}
    coordinator = User.objects.filter(username="samordnare").first()
    today = timezone.localdate()
    for (
        code,
        name,
        premises,
        lon,
        lat,
        organisation,
        purpose,
        hours,
        retention,
        status,
        permit,
    ) in CAMERAS:
        municipality = by_code.get(code)
        if (
            municipality is None
            or Camera.objects.filter(municipality=municipality, name=name).exists()
        ):
            continue
        position = Point(lon, lat, srid=WGS84).transform(settings.STORAGE_SRID, clone=True)
        # The filmed area: a 40 m wide sector-ish circle just in front of the camera.
        looking_at = Point(position.x + 25, position.y + 10, srid=settings.STORAGE_SRID)
        camera = camera_create(
            municipality=municipality,
            by=coordinator,
            name=name,
            premises=premises,
            position=position,
            filmed_area=looking_at.buffer(22, quadsegs=4),
            purpose=purpose,
            legal_basis=Camera.LegalBasis.PUBLIC_TASK,
            committee="Kommunstyrelsen" if code == ARBOGA else "Tekniska nämnden",
            organisation=Organisation.objects.get(name=organisation),
            permit_required=True,
            permit_reference=permit,
            permit_decided_on=datetime.date(2024, 3, 12) if permit else None,
            permit_conditions="Kameran får inte filma in i bostäder." if permit else "",
            permit_expires_on=(today + datetime.timedelta(days=40)) if code == KUNGSOR else None,
            signage_present=status == Camera.Status.ACTIVE,
            signage_checked_on=datetime.date(2025, 2, 1) if code == ARBOGA and permit else today,
            recording_hours=hours,
            real_time_monitoring=False,
            retention_hours=retention,
            retention_justification=JUSTIFICATION if retention > 72 else "",
            status=status,
        )
        if camera.status != Camera.Status.ACTIVE:
            continue
        now = timezone.now()
        # The oldest clip is past its retention: the purge at the end deletes it, so the
        # dashboard has a deletion receipt to show.
        clips = [(100, "Cykelstöld"), (30, "Klotter på väntkur"), (60, "Bråk vid entrén")]
        for hours_ago, text in clips:
            end = now - datetime.timedelta(hours=hours_ago)
            footage = footage_create(
                camera=camera,
                recorded_from=end - datetime.timedelta(minutes=12),
                recorded_until=end,
                file=ContentFile(MP4_HEADER + name.encode(), name="klipp.mp4"),
                description=text,
                by=coordinator,
            )
        if coordinator and code == ARBOGA:
            legal_hold_set(
                footage=footage,
                reason="Polisen har begärt ut materialet; beslut väntar.",
                police_reference="K-2026-1984-117",
                by=coordinator,
            )
    footage_purge_due()

"""Events from the Swedish Police's open events API, imported as imprecise incidents.

The API's traps (see the reference data's README): ``datetime`` is when the event was
published, not when it happened; the occurrence day and time are in ``name`` ("22 augusti
17.59, Brand, Kävlinge", year left out, time with a dot or a colon); ``datetime`` hours are not
always zero-padded; the position is the centre of the municipality or the county, never the
place itself; county events name their municipality at the end of ``name``.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.gis.geos import Point
from django.db import connection, models, transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from est.models import Municipality
from est.periods import local_zone
from est.projections import WGS84, transformed
from reports.incidents.import_copy import IncidentsCopy, incidents_history_add
from reports.incidents.import_files import ImportRow
from reports.incidents.models import Category, Incident

POLICE_SITE = "https://polisen.se"
MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ],
        start=1,
    )
}
NAME = re.compile(
    r"^\s*(?P<day>\d{1,2}) (?P<month>[a-zåäö]+) (?P<hour>\d{1,2})[.:](?P<minute>\d{2}),"
)
PUBLISHED = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2}) (?P<hour>\d{1,2}):(?P<minute>\d{2}):(?P<second>\d{2}) "
    r"(?P<offset>[+-]\d{2}:\d{2})$"
)

#: Police event types -> the code of the standard category they are counted under.
CATEGORY_OF_TYPE = {
    "Brand": "fire",
    "Brand automatlarm": "fire",
    "Mordbrand": "fire",
    "Skadegörelse": "vandalism",
    "Inbrott": "burglary",
    "Inbrott, försök": "burglary",
    "Stöld/inbrott": "burglary",
    "Stöld": "theft",
    "Stöld, försök": "theft",
    "Motorfordon, stöld": "theft",
    "Motorfordon, anträffat stulet": "theft",
    "Häleri": "theft",
    "Rån": "threat_violence",
    "Rån, försök": "threat_violence",
    "Rån väpnat": "threat_violence",
    "Misshandel": "threat_violence",
    "Misshandel, grov": "threat_violence",
    "Olaga hot": "threat_violence",
    "Våld/hot mot tjänsteman": "threat_violence",
    "Mord/dråp": "threat_violence",
    "Mord/dråp, försök": "threat_violence",
    "Knivlagen": "threat_violence",
    "Vapenlagen": "threat_violence",
    "Skottlossning": "threat_violence",
    "Larm Överfall": "threat_violence",
    "Narkotikabrott": "drug_dealing",
    "Bråk": "disorder",
    "Fylleri/LOB": "disorder",
    "Fylleri": "disorder",
    "Ordningslagen": "disorder",
    "Ofredande/förargelse": "disorder",
    "Olaga intrång": "disorder",
    "Hemfridsbrott": "disorder",
    "Rattfylleri": "traffic",
    "Trafikbrott": "traffic",
    "Trafikkontroll": "traffic",
    "Olovlig körning": "traffic",
    "Trafikolycka": "traffic",
    "Trafikolycka, personskada": "traffic",
    "Trafikolycka, singel": "traffic",
    "Trafikolycka, smitning från": "traffic",
    "Trafikolycka, vilt": "traffic",
    "Trafikhinder": "traffic",
}
#: Summaries and notices that are not events at a place and time.
SKIPPED_TYPES = {
    "Sammanfattning natt",
    "Sammanfattning kväll och natt",
    "Sammanfattning dag",
    "Sammanfattning vecka",
    "Information",
    "Uppdatering",
    "Pressmeddelande",
}


class UnusableEvent(ValueError):
    """An event that cannot become an incident; the message says why."""


@dataclass(frozen=True)
class PoliceEvent:
    id: int
    type: str
    occurred_at: datetime
    published_at: datetime
    municipality_name: str
    summary: str
    url: str
    lon: float
    lat: float


def published_at(value: str) -> datetime:
    """Return the API's ``datetime`` ("2023-04-11 3:24:01 +02:00", hour not always padded)."""
    match = PUBLISHED.match(value.strip())
    if not match:
        raise UnusableEvent(f"unreadable publication time {value!r}")
    return datetime.fromisoformat(
        f"{match['date']}T{int(match['hour']):02d}:{match['minute']}:{match['second']}"
        f"{match['offset']}"
    )


def occurred_at(name: str, published: datetime) -> datetime:
    """Return when the event happened, read from its ``name`` ("22 augusti 17.59, Brand, …").

    The name has no year: it is the publication's year, or the year before when the day would
    otherwise lie after the publication (an event of 31 December published on 1 January).
    """
    match = NAME.match(name)
    if not match or match["month"] not in MONTHS:
        raise UnusableEvent(f"no occurrence time in the name {name!r}")
    local_published = published.astimezone(local_zone())
    for year in (local_published.year, local_published.year - 1):
        try:
            moment = datetime(
                year,
                MONTHS[match["month"]],
                int(match["day"]),
                int(match["hour"]),
                int(match["minute"]),
                tzinfo=local_zone(),
            )
        except ValueError as error:
            raise UnusableEvent(f"impossible occurrence time in {name!r}") from error
        if moment <= local_published + timedelta(hours=1):
            return moment
    raise UnusableEvent(f"occurrence time in {name!r} lies after its publication")


def municipality_name(event: dict) -> str:
    """Return the municipality an event belongs to: its location, or for a county event the
    last part of its name ("…, Brand, Kävlinge" in "Skåne län")."""
    location = event["location"]["name"].strip()
    if location.endswith(" län"):
        return event["name"].rsplit(",", 1)[-1].strip()
    return location


def parse_event(event: dict) -> PoliceEvent:
    """Return the parts of one API event that EST uses; raises UnusableEvent with the reason."""
    try:
        kind = event["type"].strip()
        if kind in SKIPPED_TYPES:
            raise UnusableEvent(f"{kind} is a summary, not an event")
        published = published_at(event["datetime"])
        lat, lon = (float(part) for part in event["location"]["gps"].split(","))
        return PoliceEvent(
            id=int(event["id"]),
            type=kind,
            occurred_at=occurred_at(event["name"], published),
            published_at=published,
            municipality_name=municipality_name(event),
            summary=event.get("summary", "").strip(),
            url=event.get("url", ""),
            lon=lon,
            lat=lat,
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise UnusableEvent(f"missing or malformed field: {error}") from error


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    #: (event id or None, reason) for every event that was left out
    skipped: list[tuple[int | None, str]] = field(default_factory=list)

    def __str__(self):
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len(self.skipped)} skipped"
        )


def _position(event: PoliceEvent, municipality: Municipality) -> Point:
    """Return where to draw the event: the API's centre point when it lies in the municipality,
    else a point inside the municipality (a county event carries the county's centre)."""
    point = transformed(Point(event.lon, event.lat, srid=WGS84), settings.STORAGE_SRID)
    if municipality.boundary.contains(point):
        return point
    return municipality.boundary.point_on_surface


def _description(event: PoliceEvent) -> str:
    link = f"\n{POLICE_SITE}{event.url}" if event.url.startswith("/") else ""
    return f"{event.type}. {event.summary}{link}".strip()


FIELDS = [
    "municipality",
    "category",
    "occurred_from",
    "occurred_to",
    "position",
    "position_precise",
    "place_name",
    "description",
    "source",
    "status",
]


def _differs(incident: Incident, values: dict) -> bool:
    """Return whether ``incident`` differs from ``values``; related objects are compared by id,
    so that an unchanged event costs no query for its municipality and category."""
    for name, value in values.items():
        if isinstance(value, models.Model):
            if getattr(incident, f"{name}_id") != value.pk:
                return True
        elif getattr(incident, name) != value:
            return True
    return False


@transaction.atomic
def police_events_import(*, events: list[dict], municipalities=None) -> ImportResult:
    """Create or update one incident per police event, matched by the event's id.

    Only events in ``municipalities`` (a queryset; default: all) are kept. Positions are marked
    imprecise: the API gives a municipality's or county's centre, never the place. Returns what
    was created, updated, left as it was, and skipped with the reason.
    """
    result = ImportResult()
    parsed = []
    for raw in events:
        try:
            parsed.append(parse_event(raw))
        except UnusableEvent as error:
            result.skipped.append((raw.get("id") if isinstance(raw, dict) else None, str(error)))
    names = {event.municipality_name.casefold() for event in parsed}
    scope = Municipality.objects.all() if municipalities is None else municipalities
    by_name = {m.name.casefold(): m for m in scope if m.name.casefold() in names}
    categories = {
        (category.municipality_id, category.code): category
        for category in Category.objects.filter(municipality__in=by_name.values())
    }
    existing = {
        incident.police_event_id: incident
        for incident in Incident.objects.filter(police_event_id__in=[e.id for e in parsed])
    }
    new, changed, positions = [], [], {}
    for event in parsed:
        municipality = by_name.get(event.municipality_name.casefold())
        if municipality is None:
            where = event.municipality_name
            reason = (
                f"a county-wide event ({where}) names no municipality"
                if where.endswith(" län")
                else f"not in a chosen municipality: {where}"
            )
            result.skipped.append((event.id, reason))
            continue
        code = CATEGORY_OF_TYPE.get(event.type, "other")
        category = categories.get((municipality.pk, code)) or categories.get(
            (municipality.pk, "other")
        )
        if category is None:
            result.skipped.append((event.id, f"{municipality} has no category for {event.type}"))
            continue
        # Events share their municipality's or county's centre: each is placed once.
        key = (event.lon, event.lat, municipality.pk)
        # In UTC, as the database gives it back: a local time in the hour that the clocks turn
        # back (or skip) never compares equal to another zone's (PEP 495), so an event of that
        # hour would count as changed at every poll and gain a history record each time.
        occurred = event.occurred_at.astimezone(UTC)
        if key not in positions:
            positions[key] = _position(event, municipality)
        values = {
            "municipality": municipality,
            "category": category,
            "occurred_from": occurred,
            "occurred_to": occurred,
            "position": positions[key],
            "position_precise": False,
            "place_name": municipality.name,
            "description": _description(event),
            "source": Incident.Source.POLICE_EVENT,
            "status": Incident.Status.REVIEWED,
        }
        incident = existing.get(event.id)
        if incident is None:
            new.append({"police_event_id": event.id, **values})
        elif _differs(incident, values):
            for name, value in values.items():
                setattr(incident, name, value)
            changed.append(incident)
        else:
            result.unchanged += 1
    _incidents_create(new)
    bulk_update_with_history(changed, Incident, FIELDS, batch_size=500)
    result.created, result.updated = len(new), len(changed)
    return result


#: New incidents sent to COPY at a time.
COPY_CHUNK = 10_000


def _incidents_create(new: list[dict]) -> None:
    """Write the incidents ``new`` (field values by name) with COPY, and their "+" history
    records in one statement: the police's history brings tens of thousands at once, which
    bulk_create took minutes to write (bench/README.md, "The police's event history")."""
    if not new:
        return
    rows = [
        ImportRow(
            number=0,
            values={},
            fields={
                (f"{name}_id" if isinstance(value, models.Model) else name): (
                    value.pk if isinstance(value, models.Model) else value
                )
                for name, value in values.items()
                if name != "position"
            },
            position=(values["position"].x, values["position"].y),
        )
        for values in new
    ]
    copy = IncidentsCopy(None)
    try:
        for start in range(0, len(rows), COPY_CHUNK):
            copy.write(rows[start : start + COPY_CHUNK])
    finally:
        copy.close()
    with connection.cursor() as cursor:
        incidents_history_add(
            cursor,
            where="police_event_id = ANY(%s)",
            params=[[values["police_event_id"] for values in new]],
            by=None,
            now=timezone.now(),
            reason="police events",
        )


def police_events_parse(content: str | bytes, *, source: str) -> list[dict]:
    """Return the events in ``content`` as the API gives them (a JSON list); raises
    UnusableEvent naming ``source`` when it is no such list."""
    try:
        events = json.loads(content)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UnusableEvent(f"{source}: {error}") from error
    if not isinstance(events, list):
        raise UnusableEvent(f"{source}: expected a JSON list of events")
    return events


def police_events_load(path: Path) -> list[dict]:
    """Return the events in a file as the API gives them (a JSON list); raises UnusableEvent."""
    try:
        content = Path(path).read_bytes()
    except OSError as error:
        raise UnusableEvent(f"{path}: {error}") from error
    return police_events_parse(content, source=str(path))


DEMO_EVENTS = Path(__file__).parent / "data" / "events_arboga_kungsor.json"


def police_events_seed(municipalities) -> None:
    """Demo seeder: the real police events of the demo municipalities (safe to run twice)."""
    codes = [municipality.code for municipality in municipalities]
    police_events_import(
        events=police_events_load(DEMO_EVENTS),
        municipalities=Municipality.objects.filter(code__in=codes),
    )

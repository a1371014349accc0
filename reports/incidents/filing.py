"""Writing incidents: filing, correcting, triaging and adding photos.

Views, the API, importers and tasks all file through these functions, so every rule lives here.
"""

import datetime
import uuid
from typing import NamedTuple

from django.conf import settings
from django.contrib.gis.geos import GEOSGeometry, Point
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from est.models import Municipality, Organisation
from est.projections import WGS84, transformed
from est.roles import Role, has_permission
from est.training.services import filing_refusal
from est.uploads import file_stored, files_removed_on_rollback
from reports.incidents.models import Category, Incident, IncidentPhoto
from reports.incidents.photos import photo_clean
from reports.permissions import INCIDENT_FILE, INCIDENT_TRIAGE

#: A time this far ahead of the server's clock is still "now": phones' clocks drift.
CLOCK_SKEW = datetime.timedelta(minutes=5)
#: How long reporters may correct what they filed.
CORRECTION_WINDOW = datetime.timedelta(hours=48)
#: No incident is older than this: an earlier year is a typing error (or an old system's
#: placeholder), and times before 1900 have no sensible local offset.
EARLIEST = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)

#: What a correction may change.
CORRECTABLE_FIELDS = (
    "category",
    "occurred_from",
    "occurred_to",
    "position",
    "place_geometry",
    "position_precise",
    "place_name",
    "description",
    "police_informed",
    "police_reference",
)


def may_file(user) -> bool:
    """Return whether ``user`` may file incidents: coordinators, and reporters while their
    certification is in force."""
    if not has_permission(user, INCIDENT_FILE):
        return False
    return user.is_superuser or user.role != Role.REPORTER or user.is_certified


def may_correct(user, incident: Incident, *, now=None) -> bool:
    """Return whether ``user`` may change ``incident``'s facts.

    Triagers of its municipality always may; its reporter within 48 hours of filing, or while
    the coordinator has asked for more information.
    """
    if not user.is_authenticated:
        return False
    if has_permission(user, INCIDENT_TRIAGE):
        return Municipality.objects.for_user(user).filter(pk=incident.municipality_id).exists()
    if incident.reporter_id != user.pk:
        return False
    if incident.status == Incident.Status.NEEDS_INFORMATION:
        return True
    return (now or timezone.now()) - incident.created_at <= CORRECTION_WINDOW


def municipality_for_position(user, position: GEOSGeometry) -> Municipality | None:
    """Return the municipality of ``user``'s containing ``position``, else their first one."""
    mine = Municipality.objects.for_user(user)
    if position is not None:
        containing = mine.containing(position).first()
        if containing is not None:
            return containing
    return mine.first()


def _in_storage_srid(geometry: GEOSGeometry | None) -> GEOSGeometry | None:
    if geometry is None or geometry.srid == settings.STORAGE_SRID:
        return geometry
    return transformed(geometry, settings.STORAGE_SRID)


def _period_errors(occurred_from, occurred_to, now) -> dict[str, str]:
    errors = {}
    latest = now + CLOCK_SKEW
    if occurred_from is None:
        errors["occurred_from"] = _("Say when it happened.")
        return errors
    if timezone.is_naive(occurred_from) or timezone.is_naive(occurred_to):
        raise ValueError("incident times must be timezone-aware")
    if occurred_from < EARLIEST:
        errors["occurred_from"] = _("The start is before %(year)s. Check the year.") % {
            "year": EARLIEST.year
        }
    elif occurred_from > latest:
        errors["occurred_from"] = _("The start is in the future. Give a time that has passed.")
    if occurred_to < occurred_from:
        errors["occurred_to"] = _("The end is before the start.")
    elif occurred_to > latest and "occurred_from" not in errors:
        errors["occurred_to"] = _("The end is in the future. Give a time that has passed.")
    return errors


def position_outside_error(municipality, other: Municipality | None) -> str:
    """Return the message for a position outside ``municipality``: in ``other``, or in none."""
    if other is not None:
        return _("The position is in %(other)s, not in %(municipality)s. Check the place.") % {
            "other": other.name,
            "municipality": municipality.name,
        }
    return _(
        "The position is outside %(municipality)s, in no Swedish municipality. Check the place."
    ) % {"municipality": municipality.name}


def _position_errors(municipality, position, place_geometry) -> dict[str, str]:
    if position is None:
        return {"position": _("Mark the place on the map, use your position or type it in.")}
    if position.geom_type != "Point":
        return {"position": _("The position must be a point.")}
    errors = {}
    if not municipality.boundary.intersects(position):
        other = Municipality.objects.containing(position).exclude(pk=municipality.pk).first()
        errors["position"] = position_outside_error(municipality, other)
    if place_geometry is not None and not municipality.boundary.intersects(place_geometry):
        errors["place_geometry"] = _("The line or area lies outside %(municipality)s.") % {
            "municipality": municipality.name
        }
    return errors


def _category_errors(municipality, category, *, current=None) -> dict[str, str]:
    if category is None:
        return {"category": _("Choose what happened.")}
    if category.municipality_id != municipality.pk:
        return {
            "category": _("%(category)s is not a category in %(municipality)s.")
            % {"category": category.name, "municipality": municipality.name}
        }
    if category.retired and category != current:
        return {
            "category": _("The category %(category)s is retired. Choose another.")
            % {"category": category.name}
        }
    return {}


class PreparedIncident(NamedTuple):
    """An incident that passed the rules of filing, not yet saved, and its cleaned photos."""

    incident: Incident
    photos: list


def _locked(incident: Incident) -> Incident:
    """Return a fresh copy of ``incident``, its row locked until the transaction ends."""
    return (
        Incident.objects.select_for_update(of=("self",))
        .select_related("municipality", "category")
        .get(pk=incident.pk)
    )


def _raise(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def incident_prepare(
    *,
    reporter,
    municipality: Municipality,
    category: Category | None,
    occurred_from: datetime.datetime | None,
    occurred_to: datetime.datetime | None = None,
    position: GEOSGeometry | None,
    place_geometry: GEOSGeometry | None = None,
    position_precise: bool = True,
    place_name: str = "",
    description: str = "",
    police_informed: bool = False,
    police_reference: str = "",
    source: str = Incident.Source.REPORTER,
    organisation: Organisation | None = None,
    idempotency_key: uuid.UUID | None = None,
    photos=(),
    now: datetime.datetime | None = None,
) -> PreparedIncident:
    """Check an incident against every rule of filing and return it unsaved, with its photos.

    Raises ValidationError naming the fields that are wrong, all at once. Nothing is written:
    a round report checks all its incidents before it saves any.
    """
    now = now or timezone.now()
    occurred_to = occurred_to or occurred_from
    position = _in_storage_srid(position)
    place_geometry = _in_storage_srid(place_geometry)
    errors = {}
    if reporter is not None:
        if not may_file(reporter):
            errors[NON_FIELD_ERRORS] = filing_refusal(reporter)
        elif not Municipality.objects.for_user(reporter).filter(pk=municipality.pk).exists():
            errors[NON_FIELD_ERRORS] = _("You don't report for %(municipality)s.") % {
                "municipality": municipality.name
            }
    errors.update(_category_errors(municipality, category))
    errors.update(_period_errors(occurred_from, occurred_to, now))
    errors.update(_position_errors(municipality, position, place_geometry))
    cleaned_photos = []
    for photo in photos:
        try:
            cleaned_photos.append(photo_clean(photo))
        except ValidationError as error:
            errors.update(error.message_dict)
    if police_reference and not police_informed:
        police_informed = True
    _raise(errors)

    incident = Incident(
        municipality=municipality,
        category=category,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
        position=position,
        place_geometry=place_geometry,
        position_precise=position_precise,
        place_name=place_name.strip(),
        description=description.strip(),
        reporter=reporter,
        organisation=organisation or getattr(reporter, "organisation", None),
        police_informed=police_informed,
        police_reference=police_reference.strip(),
        source=source,
        idempotency_key=idempotency_key,
    )
    incident._history_user = reporter
    return PreparedIncident(incident, cleaned_photos)


def incident_save(prepared: PreparedIncident) -> Incident:
    """Save a prepared incident and its photos (inside the caller's files_removed_on_rollback
    block, which deletes the photos' files if the incident is not saved after all); return it."""
    incident = prepared.incident
    incident.save()
    for cleaned in prepared.photos:
        _photo_save(incident=incident, cleaned=cleaned, by=incident.reporter)
    return incident


def incident_create(*, reporter, idempotency_key: uuid.UUID | None = None, **facts) -> Incident:
    """File an incident and return it.

    ``facts`` are incident_prepare's: ``occurred_to`` defaults to ``occurred_from`` (a moment);
    geometries may come in any SRID. A reporter who sends the same ``idempotency_key`` again gets
    the incident the first sending filed, unchanged. Raises ValidationError naming the fields
    that are wrong, all at once.
    """
    if reporter is not None and idempotency_key is not None:
        existing = Incident.objects.filter(reporter=reporter, idempotency_key=idempotency_key)
        if incident := existing.first():
            return incident
    prepared = incident_prepare(reporter=reporter, idempotency_key=idempotency_key, **facts)
    try:
        with files_removed_on_rollback():
            return incident_save(prepared)
    except IntegrityError:
        # The same submission arrived twice at once; the other request filed it.
        if reporter is not None and idempotency_key is not None:
            return Incident.objects.get(reporter=reporter, idempotency_key=idempotency_key)
        raise


@transaction.atomic
def incident_update(*, incident: Incident, by, now=None, **changes) -> Incident:
    """Correct ``incident``'s facts with ``changes`` and return it; the history keeps the old.

    Raises PermissionDenied when ``by`` may not correct it (see ``may_correct``) and
    ValidationError when the corrected incident breaks a rule of filing. A reporter's correction
    of an incident the coordinator asked about sends it back to triage as new. ``incident`` itself
    is left as it was: the correction works on a fresh copy of the row, locked until committed.
    """
    incident = _locked(incident)
    now = now or timezone.now()
    if not may_correct(by, incident, now=now):
        raise PermissionDenied(_("Incidents can be corrected by their reporter for 48 hours."))
    unknown = set(changes) - set(CORRECTABLE_FIELDS)
    if unknown:
        raise TypeError(f"incident_update() can't change {', '.join(sorted(unknown))}")
    old_category = incident.category
    for field in ("position", "place_geometry"):
        if field in changes:
            changes[field] = _in_storage_srid(changes[field])
    for field, value in changes.items():
        setattr(incident, field, value)
    if "occurred_from" in changes and "occurred_to" not in changes:
        incident.occurred_to = max(incident.occurred_to, incident.occurred_from)
    errors = {}
    errors.update(_category_errors(incident.municipality, incident.category, current=old_category))
    if incident.occurred_from is not None and incident.occurred_to is None:
        incident.occurred_to = incident.occurred_from
    errors.update(_period_errors(incident.occurred_from, incident.occurred_to, now))
    errors.update(
        _position_errors(incident.municipality, incident.position, incident.place_geometry)
    )
    _raise(errors)
    if incident.police_reference:
        incident.police_informed = True
    if incident.reporter_id == by.pk and incident.status == Incident.Status.NEEDS_INFORMATION:
        incident.status = Incident.Status.NEW
    incident._history_user = by
    incident._change_reason = "correction"
    incident.save()
    return incident


@transaction.atomic
def incident_triage(*, incident: Incident, by, status: str, note: str = "") -> Incident:
    """Set ``incident``'s triage status (with the coordinator's note) and return it.

    Asking for more information needs a note that says what is missing. Raises
    PermissionDenied unless ``by`` triages ``incident``'s municipality.
    """
    incident = _locked(incident)
    if not has_permission(by, INCIDENT_TRIAGE) or not (
        Municipality.objects.for_user(by).filter(pk=incident.municipality_id).exists()
    ):
        raise PermissionDenied
    if status not in Incident.Status.values:
        raise ValidationError({"status": _("Choose a status.")})
    note = note.strip()
    if status == Incident.Status.NEEDS_INFORMATION and not note:
        raise ValidationError({"triage_note": _("Say what information is missing.")})
    incident.status = status
    incident.triage_note = note
    incident._history_user = by
    incident._change_reason = "triage"
    incident.save(update_fields=["status", "triage_note", "updated_at"])
    return incident


def _photo_save(*, incident, cleaned, by) -> IncidentPhoto:
    photo = IncidentPhoto(incident=incident, uploaded_by=by)
    for field_file, content in ((photo.image, cleaned.image), (photo.thumbnail, cleaned.thumbnail)):
        field_file.save(content.name, content, save=False)
        file_stored(field_file)
    photo.save()
    return photo


def incident_photo_add(*, incident: Incident, by, upload) -> IncidentPhoto:
    """Add the photo ``upload`` to ``incident`` without its EXIF data; return the photo.

    Raises PermissionDenied when ``by`` may not correct the incident and ValidationError when
    the file is not an image or larger than 10 MB.
    """
    if not may_correct(by, incident):
        raise PermissionDenied
    cleaned = photo_clean(upload)
    with files_removed_on_rollback():
        return _photo_save(incident=incident, cleaned=cleaned, by=by)


def point_from_lat_lon(lat: float, lon: float) -> Point:
    """Return the WGS 84 point at ``lat``, ``lon`` (as browsers and phones give positions)."""
    return Point(lon, lat, srid=WGS84)

"""Writing the camera register: cameras, footage, legal holds, and disclosures.

Every function validates, saves inside a transaction and raises ValidationError (keyed by field)
on bad input, so that forms can show the message next to the field.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cameras.permissions import CAMERA_APPROVE_RETENTION
from est.models import Municipality
from est.projections import transformed
from est.roles import has_permission
from est.uploads import file_stored, files_removed_on_rollback, upload_check

from .models import (
    Camera,
    Disclosure,
    Footage,
    LegalHold,
    purge_time,
)

#: What a video system exports: a video file, or a ZIP with the video and its player.
FOOTAGE_KINDS = {"mp4", "avi", "mkv", "zip"}
#: An hour of HD video from one camera is about 1-2 GB.
FOOTAGE_MAX_BYTES = 2 * 1024**3

#: The fields a coordinator fills in on the camera form.
CAMERA_FIELDS = [
    "name",
    "premises",
    "position",
    "filmed_area",
    "purpose",
    "legal_basis",
    "committee",
    "organisation",
    "permit_required",
    "permit_reference",
    "permit_decided_on",
    "permit_conditions",
    "permit_expires_on",
    "signage_present",
    "signage_checked_on",
    "recording_hours",
    "real_time_monitoring",
    "retention_hours",
    "retention_justification",
    "status",
]


def _camera_clean(camera: Camera, *, today: datetime.date) -> None:
    """Raise ValidationError, keyed by field, for what the law or common sense forbids."""
    errors: dict[str, list[str]] = {}

    def error(field, message):
        errors.setdefault(field, []).append(message)

    municipality = camera.municipality
    if camera.position is not None:
        camera.position = transformed(camera.position, municipality.boundary.srid)
        if not municipality.boundary.intersects(camera.position):
            error("position", _("The camera must stand inside %(m)s.") % {"m": municipality.name})
    if camera.filmed_area is not None:
        camera.filmed_area = transformed(camera.filmed_area, municipality.boundary.srid)
        if not camera.filmed_area.valid or camera.filmed_area.area == 0:
            error("filmed_area", _("Draw the filmed area as a closed shape on the map."))
        elif not municipality.boundary.intersects(camera.filmed_area):
            error(
                "filmed_area",
                _("The filmed area must lie in %(m)s.") % {"m": municipality.name},
            )
    if camera.retention_hours is not None:
        if camera.retention_hours < 1:
            error("retention_hours", _("Keep footage at least one hour."))
        if camera.needs_justification and not camera.retention_justification.strip():
            error(
                "retention_justification",
                _(
                    "Retention above 72 hours must be specially justified: write why the "
                    "footage is needed for longer."
                ),
            )
    if (
        camera.permit_decided_on
        and camera.permit_expires_on
        and camera.permit_expires_on <= camera.permit_decided_on
    ):
        error("permit_expires_on", _("The permit must expire after the decision date."))
    if camera.permit_decided_on and camera.permit_decided_on > today:
        error("permit_decided_on", _("The decision date cannot be in the future."))
    if camera.signage_checked_on and camera.signage_checked_on > today:
        error("signage_checked_on", _("The signs cannot have been checked in the future."))
    if camera.status == Camera.Status.ACTIVE:
        if camera.permit_required and not (camera.permit_reference and camera.permit_decided_on):
            error(
                "permit_reference",
                _(
                    "A camera where a permit is required can only be active with IMY's permit: "
                    "give its reference and decision date, or keep the camera planned."
                ),
            )
        if camera.permit_required and camera.permit_expires_on and camera.permit_expires_on < today:
            error("permit_expires_on", _("The permit has expired: the camera cannot be active."))
        if not camera.signage_present:
            error("signage_present", _("An active camera must have signs on site."))
    if errors:
        raise ValidationError(errors)


def _retention_approval_update(camera: Camera, *, by, retention_changed: bool) -> None:
    """Keep the administrator's approval of a retention above 7 days in step with the value.

    A changed retention needs a new approval; an administrator who saves it approves it.
    """
    if not camera.needs_approval:
        camera.retention_approved_by = None
        camera.retention_approved_at = None
    elif has_permission(by, CAMERA_APPROVE_RETENTION):
        if retention_changed or camera.retention_approved_by_id is None:
            camera.retention_approved_by = by
            camera.retention_approved_at = timezone.now()
    elif retention_changed:
        camera.retention_approved_by = None
        camera.retention_approved_at = None


def _footage_purge_times_update(camera: Camera) -> int:
    """Recompute the purge time of the camera's kept footage after its retention changed."""
    retention = camera.effective_retention
    # Django's connection runs in UTC, so PostgreSQL adds the interval without any DST shift.
    return (
        Footage.objects.kept()
        .filter(camera=camera)
        .update(purge_at=F("recorded_until") + retention)
    )


def _save(camera: Camera, *, by, reason: str) -> None:
    camera._history_user = by
    camera._change_reason = reason
    camera.full_clean(exclude=["position", "filmed_area"], validate_unique=False)
    camera.save()


@transaction.atomic
def camera_create(*, municipality: Municipality, by, **fields) -> Camera:
    """Create and return a camera of ``municipality``; raises ValidationError on bad input."""
    camera = Camera(municipality=municipality, **fields)
    camera.name = camera.name.strip()
    if Camera.objects.for_municipality(municipality).filter(name__iexact=camera.name).exists():
        raise ValidationError({"name": _("There is already a camera with this name.")})
    _camera_clean(camera, today=timezone.localdate())
    _retention_approval_update(camera, by=by, retention_changed=True)
    _save(camera, by=by, reason="created")
    return camera


@transaction.atomic
def camera_update(*, camera: Camera, by, **fields) -> Camera:
    """Change ``camera`` and return it; kept footage follows a changed retention."""
    old_retention = Camera.objects.select_for_update().get(pk=camera.pk).retention_hours
    for name, value in fields.items():
        setattr(camera, name, value)
    camera.name = camera.name.strip()
    others = Camera.objects.for_municipality(camera.municipality).exclude(pk=camera.pk)
    if others.filter(name__iexact=camera.name).exists():
        raise ValidationError({"name": _("There is already a camera with this name.")})
    _camera_clean(camera, today=timezone.localdate())
    changed = camera.retention_hours != old_retention
    _retention_approval_update(camera, by=by, retention_changed=changed)
    _save(camera, by=by, reason="changed")
    if changed:
        _footage_purge_times_update(camera)
    return camera


@transaction.atomic
def camera_retention_approve(*, camera: Camera, by) -> Camera:
    """Record an administrator's approval of ``camera``'s retention above 7 days."""
    if not has_permission(by, CAMERA_APPROVE_RETENTION):
        raise ValidationError(_("Only an administrator approves retention above 7 days."))
    if not camera.needs_approval:
        raise ValidationError(_("This camera's retention needs no approval."))
    if not camera.retention_justification.strip():
        raise ValidationError(_("Write the justification before approving."))
    camera.retention_approved_by = by
    camera.retention_approved_at = timezone.now()
    _save(camera, by=by, reason="retention approved")
    _footage_purge_times_update(camera)
    return camera


@transaction.atomic
def footage_create(
    *,
    camera: Camera,
    recorded_from: datetime.datetime,
    recorded_until: datetime.datetime,
    file,
    description: str = "",
    by,
    now: datetime.datetime | None = None,
) -> Footage:
    """Save a clip of ``camera`` with its purge time (end of the span + the retention); return it.

    Raises ValidationError for a planned camera, a span that ends before it starts or in the
    future, and a file that is not a video (MP4, MOV, AVI, MKV) or ZIP export or over 2 GB.
    """
    now = now or timezone.now()
    if camera.status == Camera.Status.PLANNED:
        raise ValidationError(_("A planned camera has not filmed anything yet."))
    errors = {}
    if recorded_until < recorded_from:
        errors["recorded_until"] = _("The end must come after the start.")
    if recorded_until > now:
        errors["recorded_until"] = _("The footage cannot end in the future.")
    try:
        upload_check(
            file,
            field="file",
            kinds=FOOTAGE_KINDS,
            max_bytes=FOOTAGE_MAX_BYTES,
            kinds_text=_(
                "Choose a video (MP4, MOV, AVI or MKV) or a ZIP file exported from the video "
                "system."
            ),
        )
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    footage = Footage(
        camera=camera,
        recorded_from=recorded_from,
        recorded_until=recorded_until,
        description=description,
        created_at=now,
        created_by=by,
        purge_at=purge_time(ends_at=recorded_until, retention=camera.effective_retention),
    )
    # The file is in storage before the row: if the row is not saved after all, nobody would
    # purge the file, so a rollback deletes it.
    with files_removed_on_rollback():
        footage.file.save(file.name, file, save=False)
        file_stored(footage.file)
        footage.save()
    return footage


@transaction.atomic
def legal_hold_set(*, footage: Footage, reason: str, police_reference: str = "", by) -> LegalHold:
    """Stop the purge of ``footage`` until the hold is released; returns the hold."""
    footage = Footage.objects.select_for_update().get(pk=footage.pk)
    if footage.is_purged:
        raise ValidationError(_("The footage is already deleted."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the footage must be kept.")})
    return LegalHold.objects.create(
        footage=footage, reason=reason.strip(), police_reference=police_reference.strip(), set_by=by
    )


@transaction.atomic
def legal_hold_release(*, hold: LegalHold, reason: str, by) -> LegalHold:
    """Release ``hold``; the footage is purged at the next run if its time has passed."""
    hold = LegalHold.objects.select_for_update().get(pk=hold.pk)
    if not hold.is_active:
        raise ValidationError(_("The hold is already released."))
    if not reason.strip():
        raise ValidationError({"release_reason": _("Say why the hold is released.")})
    hold.released_by = by
    hold.released_at = timezone.now()
    hold.release_reason = reason.strip()
    hold.save()
    return hold


@transaction.atomic
def disclosure_record(
    *,
    footage: Footage,
    police_reference: str,
    disclosed_on: datetime.date,
    recipient: str,
    what: str,
    by,
) -> Disclosure:
    """Record that ``footage`` was handed over to the police; returns the disclosure."""
    if disclosed_on > timezone.localdate():
        raise ValidationError({"disclosed_on": _("The hand-over cannot be in the future.")})
    if footage.is_purged:
        raise ValidationError(_("The footage is already deleted."))
    disclosure = Disclosure(
        footage=footage,
        police_reference=police_reference.strip(),
        disclosed_on=disclosed_on,
        recipient=recipient.strip(),
        what=what.strip(),
        handed_over_by=by,
    )
    disclosure.full_clean()
    disclosure.save()
    return disclosure

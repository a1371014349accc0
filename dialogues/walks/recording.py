"""Every write of what a walk records: findings with their photos, the audit of a stretch, and
how many took part by group.

A phone may send the same finding twice (the answer was lost on a poor connection, or the
offline queue retried): each one carries a key made on the phone, and a resend returns what the
first sending recorded. Each function raises ValidationError with messages by field.
"""

import datetime
import uuid

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from est.models import Municipality
from est.roles import has_permission
from est.uploads import files_removed_on_rollback
from reports.incidents.filing import position_outside_error
from reports.incidents.photos import photo_check

from ..permissions import WALK_RECORD
from .categories import finding_categories
from .models import (
    AUDIT_PARAMETERS,
    Finding,
    FindingPhoto,
    ParticipantCount,
    SafetyWalk,
    StretchAudit,
)
from .photos import finding_photo_hold
from .services import _stored

#: A time this far ahead of the server's clock is still "now": phones' clocks drift.
CLOCK_SKEW = datetime.timedelta(minutes=5)


def walk_recordable_error(walk: SafetyWalk, *, now=None) -> str | None:
    """Return why nothing can be recorded on ``walk`` now, or None when it can: only an announced
    walk, not cancelled, from the day it takes place."""
    if walk.is_cancelled:
        return _("The walk is cancelled; nothing can be recorded on it.")
    if walk.is_draft:
        return _("The walk is not announced yet; findings are recorded on announced walks.")
    today = timezone.localdate(now or timezone.now())
    if timezone.localdate(walk.starts_at) > today:
        return _("The walk takes place on %(day)s; findings are recorded from that day.") % {
            "day": timezone.localdate(walk.starts_at).isoformat()
        }
    return None


def _check_recorder(walk: SafetyWalk, by) -> None:
    """Raise ValidationError unless ``by`` may record on ``walk`` now."""
    if not has_permission(by, WALK_RECORD) or (
        not Municipality.objects.for_user(by).filter(pk=walk.municipality_id).exists()
    ):
        raise ValidationError(
            {
                NON_FIELD_ERRORS: _("You don't take part in walks in %(municipality)s.")
                % {"municipality": walk.municipality.name}
            }
        )
    if error := walk_recordable_error(walk):
        raise ValidationError({NON_FIELD_ERRORS: error})


def _moment_errors(recorded_at) -> dict[str, str]:
    if recorded_at is not None and recorded_at > timezone.now() + CLOCK_SKEW:
        return {"recorded_at": _("The time is in the future. Check the phone's clock.")}
    return {}


def _finding_errors(walk, *, category, position, description, unsafe) -> dict[str, str]:
    errors = {}
    municipality = walk.municipality
    if category is None:
        errors["category"] = _("Choose a category.")
    elif category.municipality_id != municipality.pk or not category.active:
        errors["category"] = _("Choose one of %(municipality)s's categories.") % {
            "municipality": municipality.name
        }
    if position is None:
        errors["position"] = _("Mark the place on the map, use your position or type it in.")
    elif not Municipality.objects.filter(pk=municipality.pk, boundary__covers=position).exists():
        other = Municipality.objects.containing(position).exclude(pk=municipality.pk).first()
        errors["position"] = position_outside_error(municipality, other)
    if not description.strip():
        errors["description"] = _("Describe what makes the place feel unsafe.")
    if unsafe not in range(1, 6):
        errors["unsafe"] = _("Choose how unsafe it feels, from 1 to 5.")
    return errors


def photo_key(finding_key: uuid.UUID, number: int) -> uuid.UUID:
    """Return the submission key of the photo number ``number`` (from 0) sent with a finding."""
    return uuid.uuid5(finding_key, f"photo-{number}")


def _existing(model, walk: SafetyWalk, submission_key: uuid.UUID):
    """Return what an earlier sending of ``submission_key`` recorded on ``walk``, or None.

    Raises ValidationError when the key was used on another walk: a phone never does that."""
    # Unordered: the models' default order joins the walk and its municipality for nothing.
    found = model.objects.filter(submission_key=submission_key).order_by().first()
    if found is not None and found.walk_id != walk.pk:
        raise ValidationError(
            {"submission_key": _("This submission belongs to another walk. Reload the page.")}
        )
    return found


def _save_once(model, walk, submission_key, save):
    """Run ``save()`` in a transaction and return (object, True); when the same key arrived at
    the same moment from another request, return (what that request saved, False)."""
    try:
        with files_removed_on_rollback():
            return save(), True
    except IntegrityError:
        found = _existing(model, walk, submission_key)
        if found is None:
            raise
        return found, False


def finding_record(
    *,
    walk: SafetyWalk,
    by,
    submission_key: uuid.UUID,
    category,
    position,
    description: str,
    unsafe: int | None,
    recorded_at: datetime.datetime | None = None,
    photos=(),
) -> tuple[Finding, bool]:
    """Record a finding on ``walk`` with its photos and return
    (finding, created). A second sending of ``submission_key`` returns the finding the first
    recorded and ``created`` False, also when both arrive at once. ``position`` may come in any
    SRID; a position outside the walk's municipality is refused. The photos are checked from
    their headers and held until a worker has re-encoded them without EXIF."""
    if found := _existing(Finding, walk, submission_key):
        return found, False
    _check_recorder(walk, by)
    position = _stored(position)
    errors = _finding_errors(
        walk, category=category, position=position, description=description, unsafe=unsafe
    )
    errors.update(_moment_errors(recorded_at))
    for photo in photos:
        try:
            photo_check(photo)
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)

    def save():
        finding = Finding.objects.create(
            walk=walk,
            category=category,
            position=position,
            description=description.strip(),
            unsafe=unsafe,
            submission_key=submission_key,
            recorded_by=by,
            recorded_at=recorded_at or timezone.now(),
        )
        for number, photo in enumerate(photos):
            finding_photo_hold(
                finding=finding, upload=photo, submission_key=photo_key(submission_key, number)
            )
        return finding

    return _save_once(Finding, walk, submission_key, save)


def finding_photo_add(
    *, finding: Finding, by, submission_key: uuid.UUID, upload
) -> tuple[FindingPhoto, bool]:
    """Add the photo ``upload`` to ``finding`` and return (photo, created); a worker strips its
    EXIF data before it is shown. A resend of ``submission_key`` returns the photo stored the
    first time."""
    found = FindingPhoto.objects.filter(submission_key=submission_key).first()
    if found is not None:
        if found.finding_id != finding.pk:
            raise ValidationError(
                {"submission_key": _("This photo was sent with another finding.")}
            )
        return found, False
    _check_recorder(finding.walk, by)
    photo_check(upload)
    try:
        with files_removed_on_rollback():
            return finding_photo_hold(
                finding=finding, upload=upload, submission_key=submission_key
            ), True
    except IntegrityError:
        return FindingPhoto.objects.get(submission_key=submission_key, finding=finding), False


def stretch_audit_record(
    *,
    walk: SafetyWalk,
    by,
    submission_key: uuid.UUID,
    stretch: int | None,
    stretch_name: str = "",
    scores: dict[str, int | None],
    note: str = "",
    recorded_at: datetime.datetime | None = None,
) -> tuple[StretchAudit, bool]:
    """Record one participant's scores (1–5, None for not judged) for a stretch of ``walk`` on
    the nine parameters and return (audit, created); a resend of ``submission_key`` returns the
    audit the first sending recorded."""
    if found := _existing(StretchAudit, walk, submission_key):
        return found, False
    _check_recorder(walk, by)
    errors = _moment_errors(recorded_at)
    if stretch is None or stretch < 1:
        errors["stretch"] = _("Give the stretch's number, 1 for the first.")
    known = {field for field, _label in AUDIT_PARAMETERS}
    unknown = set(scores) - known
    if unknown:
        raise TypeError(f"stretch_audit_record() has no parameter {', '.join(sorted(unknown))}")
    for field, score in scores.items():
        if score is not None and score not in range(1, 6):
            errors[field] = _("Score from 1 to 5, or leave it as not judged.")
    if not errors and all(score is None for score in scores.values()):
        errors[NON_FIELD_ERRORS] = _("Score at least one of the parameters.")
    if errors:
        raise ValidationError(errors)

    def save():
        return StretchAudit.objects.create(
            walk=walk,
            stretch=stretch,
            stretch_name=stretch_name.strip(),
            note=note.strip(),
            submission_key=submission_key,
            recorded_by=by,
            recorded_at=recorded_at or timezone.now(),
            **scores,
        )

    return _save_once(StretchAudit, walk, submission_key, save)


@transaction.atomic
def participants_set(*, walk: SafetyWalk, by, counts: dict[str, int | None]) -> list:
    """Set how many of each group took part in ``walk`` (a group left out or None is unchanged,
    0 removes it) and return the walk's counts. Sending the same counts twice changes nothing."""
    _check_recorder(walk, by)
    errors = {}
    for group, count in counts.items():
        if group not in ParticipantCount.Group.values:
            raise TypeError(f"participants_set() has no group {group}")
        if count is not None and not 0 <= count <= 10_000:
            errors[group] = _("Give a number from 0 to 10000.")
    if errors:
        raise ValidationError(errors)
    for group, count in counts.items():
        if count is None:
            continue
        if count == 0:
            ParticipantCount.objects.filter(walk=walk, group=group).delete()
        else:
            ParticipantCount.objects.update_or_create(
                walk=walk, group=group, defaults={"count": count}
            )
    return list(walk.participants.all())


def recordable_categories(walk: SafetyWalk):
    """Return the categories a finding on ``walk`` may have, in the municipality's order."""
    return finding_categories(walk.municipality).filter(active=True)

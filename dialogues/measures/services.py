"""Every write to a measure: creating it from findings, changing what is to be done and by whom,
and moving it through its statuses (a rejection needs a reason, done needs a note and may have
a photo).

Each function validates, saves inside a transaction and raises ValidationError with messages by
field for the coordinator or the measure owner.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from est.models import Municipality, Organisation
from reports.incidents.photos import photo_clean

from .models import Measure

#: What the coordinator sets on a measure; the status has its own function.
PLANNED_FIELDS = ("title", "description", "responsible", "contact", "due_on")


def _errors(municipality: Municipality, fields: dict, findings) -> dict[str, str]:
    """Return the messages on a measure's fields, by field (empty when all is well)."""
    errors = {}
    if not (fields.get("title") or "").strip():
        errors["title"] = _("Say what is to be done.")
    responsible = fields.get("responsible")
    if responsible is None:
        errors["responsible"] = _("Choose the organisation responsible.")
    elif not Organisation.objects.filter(pk=responsible.pk, municipalities=municipality).exists():
        errors["responsible"] = _("%(name)s does not work in %(municipality)s.") % {
            "name": responsible.name,
            "municipality": municipality.name,
        }
    if any(finding.walk.municipality_id != municipality.pk for finding in findings):
        errors["findings"] = _("Choose findings of walks in %(municipality)s.") % {
            "municipality": municipality.name
        }
    return errors


def _save(measure: Measure, fields: dict, findings) -> Measure:
    fields = {name: value for name, value in fields.items() if name in PLANNED_FIELDS}
    errors = _errors(measure.municipality, fields, findings)
    if errors:
        raise ValidationError(errors)
    if measure.pk and fields.get("due_on") != measure.due_on:
        # A new due date gets its own reminder and, if it passes, its own notice.
        measure.due_reminder_sent_at = measure.overdue_notice_sent_at = None
    for name, value in fields.items():
        setattr(measure, name, value.strip() if isinstance(value, str) else value)
    measure.save()
    measure.findings.set(findings)
    return measure


@transaction.atomic
def measure_create(*, municipality: Municipality, by, findings=(), **fields) -> Measure:
    """Create a proposed measure in ``municipality`` for ``findings`` (none, one or several)
    and return it."""
    return _save(Measure(municipality=municipality, created_by=by), fields, list(findings))


def _locked(measure: Measure) -> Measure:
    return Measure.objects.select_for_update().select_related("municipality").get(pk=measure.pk)


@transaction.atomic
def measure_update(*, measure: Measure, by, findings=(), **fields) -> Measure:
    """Change what is to be done, by whom and by when, and which findings it covers."""
    return _save(_locked(measure), fields, list(findings))


@transaction.atomic
def measure_status_set(
    *,
    measure: Measure,
    by,
    status: str,
    rejection_reason: str = "",
    done_note: str = "",
    done_photo=None,
    now: datetime.datetime | None = None,
) -> Measure:
    """Move ``measure`` to ``status`` and return it. Rejected needs a reason; done needs a note
    of what was done, may have a photo (stored without EXIF) and records when. Leaving done or
    rejected (a measure reopened) clears what belonged to that status."""
    measure = _locked(measure)
    if status not in Measure.Status.values:
        raise ValidationError({"status": _("Choose one of the statuses.")})
    rejection_reason, done_note = rejection_reason.strip(), done_note.strip()
    if status == Measure.Status.REJECTED and not rejection_reason:
        raise ValidationError({"rejection_reason": _("Say why the measure is rejected.")})
    if status == Measure.Status.DONE and not done_note:
        raise ValidationError({"done_note": _("Say what was done.")})
    measure.rejection_reason = rejection_reason if status == Measure.Status.REJECTED else ""
    if status == Measure.Status.DONE:
        measure.done_note = done_note
        if measure.status != Measure.Status.DONE:
            measure.done_at = now or timezone.now()
        if done_photo is not None:
            try:
                clean = photo_clean(done_photo)
            except ValidationError as error:
                raise ValidationError({"done_photo": error.messages}) from error
            measure.done_photo.save(clean.image.name, clean.image, save=False)
            measure.done_photo_public = False
    else:
        measure.done_note, measure.done_at = "", None
        if measure.done_photo:
            # Gone with the status it showed, once that is saved.
            old, storage = measure.done_photo.name, measure.done_photo.storage
            transaction.on_commit(lambda: storage.delete(old))
            measure.done_photo, measure.done_photo_public = "", False
    measure.status = status
    measure.save()
    return measure

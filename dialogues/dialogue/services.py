"""Every write to a dialogue occasion: planning, announcing, moving and cancelling, and
afterwards the attendance, the notes and the views heard.

Each function validates, saves inside a transaction and raises ValidationError with messages
by field for the coordinator.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from est.announced_events import (
    EventMessages,
    announced_event_cancel,
    announced_event_changed,
    announced_event_publish,
)
from est.models import Municipality
from est.projections import transformed
from reports.incidents.filing import position_outside_error

from .models import Attendance, DialogueOccasion, DialogueTheme, DialogueView

#: What a coordinator may set on an occasion; the rest belongs to the workflow.
PLANNED_FIELDS = ("title", "format", "starts_at", "ends_at", "place", "point", "announcement")


def _stored(point):
    if point is None or point.srid == settings.STORAGE_SRID:
        return point
    return transformed(point, settings.STORAGE_SRID)


def _point_error(municipality: Municipality, point) -> str | None:
    """Return why ``point`` can't be a place in ``municipality``, or None when it can."""
    if municipality.boundary.intersects(point):
        return None
    other = Municipality.objects.containing(point).exclude(pk=municipality.pk).first()
    return position_outside_error(municipality, other)


def _errors(municipality: Municipality, fields: dict, partners) -> dict[str, str]:
    """Return the messages on an occasion's fields, by field (empty when all is well)."""
    errors = {}
    starts_at, ends_at = fields.get("starts_at"), fields.get("ends_at")
    if starts_at and ends_at and ends_at <= starts_at:
        errors["ends_at"] = _("The occasion must end after it starts.")
    point = fields.get("point")
    if fields.get("format") == DialogueOccasion.Format.ONLINE:
        fields["point"] = None  # an online occasion happens nowhere on the map
    elif point is None:
        errors["point"] = _("Mark the place on the map (only an online occasion has none).")
    elif message := _point_error(municipality, point):
        errors["point"] = message
    strangers = [
        partner.name
        for partner in partners
        if not partner.municipalities.filter(pk=municipality.pk).exists()
    ]
    if strangers:
        errors["partners"] = _("%(names)s do not work in %(municipality)s.") % {
            "names": ", ".join(strangers),
            "municipality": municipality.name,
        }
    return errors


def _save(occasion: DialogueOccasion, fields: dict, partners) -> DialogueOccasion:
    fields = {name: value for name, value in fields.items() if name in PLANNED_FIELDS}
    if "point" in fields:
        fields["point"] = _stored(fields["point"])
    errors = _errors(occasion.municipality, fields, partners)
    if errors:
        raise ValidationError(errors)
    for name, value in fields.items():
        setattr(occasion, name, value)
    occasion.save()
    occasion.partners.set(partners)
    return occasion


@transaction.atomic
def dialogue_occasion_create(
    *, municipality: Municipality, by, partners=(), **fields
) -> DialogueOccasion:
    """Plan an occasion in ``municipality`` (a draft, not yet announced) and return it."""
    occasion = DialogueOccasion(municipality=municipality, created_by=by)
    return _save(occasion, fields, list(partners))


def _locked(occasion: DialogueOccasion) -> DialogueOccasion:
    return (
        DialogueOccasion.objects.select_for_update()
        .select_related("municipality")
        .get(pk=occasion.pk)
    )


#: What a coordinator is told when an occasion can't change as asked.
OCCASION_MESSAGES = EventMessages(
    cancelled_cant_change=gettext_lazy("A cancelled occasion can't change; plan a new one."),
    already_announced=gettext_lazy("The occasion is already announced."),
    already_over=gettext_lazy("The occasion has already taken place; change its time first."),
    already_cancelled=gettext_lazy("The occasion is already cancelled."),
    draft_not_cancelled=gettext_lazy(
        "Only an announced occasion is cancelled: a draft is not public yet."
    ),
    say_why=gettext_lazy("Say why the occasion is cancelled."),
)


@transaction.atomic
def dialogue_occasion_update(
    *, occasion: DialogueOccasion, by, partners=(), **fields
) -> DialogueOccasion:
    """Change an occasion's plan. An announced occasion that starts at another time is moved
    (the public page says from when); calendar programs are told of every announced change."""
    occasion = _locked(occasion)
    if occasion.is_cancelled:
        raise ValidationError(OCCASION_MESSAGES.cancelled_cant_change)
    previous_start = occasion.starts_at
    occasion = _save(occasion, fields, list(partners))
    announced_event_changed(occasion, previous_start)
    return occasion


@transaction.atomic
def dialogue_occasion_publish(*, occasion: DialogueOccasion, by) -> DialogueOccasion:
    """Announce a draft occasion on the public site and in the events calendar."""
    return announced_event_publish(_locked(occasion), OCCASION_MESSAGES)


@transaction.atomic
def dialogue_occasion_cancel(*, occasion: DialogueOccasion, by, reason: str) -> DialogueOccasion:
    """Cancel an announced occasion with the reason residents will read."""
    return announced_event_cancel(_locked(occasion), reason, OCCASION_MESSAGES)


def _require_held(occasion: DialogueOccasion) -> None:
    if occasion.is_cancelled or occasion.starts_at > timezone.now():
        raise ValidationError(_("Record this once the occasion has started; it has not."))


@transaction.atomic
def dialogue_attendance_set(
    *, occasion: DialogueOccasion, by, counts: dict, notes: str
) -> DialogueOccasion:
    """Set how many of each group came (``counts``: group → number, None or 0 for none) and
    the staff's notes of ``occasion``, and return it."""
    occasion = _locked(occasion)
    _require_held(occasion)
    occasion.attendance.all().delete()
    Attendance.objects.bulk_create(
        Attendance(occasion=occasion, group=group, count=count)
        for group, count in counts.items()
        if count
    )
    occasion.notes = notes.strip()
    occasion.save(update_fields=["notes", "updated_at"])
    return occasion


@transaction.atomic
def dialogue_view_record(
    *, occasion: DialogueOccasion, by, theme: DialogueTheme, text: str, raised_by: int, point=None
) -> DialogueView:
    """Record a view heard at ``occasion``: what was said, its theme, how many raised it and
    optionally where; return it."""
    _require_held(occasion)
    errors = {}
    if not text.strip():
        errors["text"] = _("Write what was said.")
    if theme.municipality_id != occasion.municipality_id or not theme.active:
        errors["theme"] = _("Choose a theme of %(municipality)s's list.") % {
            "municipality": occasion.municipality.name
        }
    if raised_by < 1:
        errors["raised_by"] = _("At least one person raised it.")
    point = _stored(point)
    if point is not None and (message := _point_error(occasion.municipality, point)):
        errors["point"] = message
    if errors:
        raise ValidationError(errors)
    return DialogueView.objects.create(
        occasion=occasion,
        theme=theme,
        text=text.strip(),
        raised_by=raised_by,
        point=point,
        created_by=by,
    )


@transaction.atomic
def dialogue_view_delete(*, view: DialogueView, by) -> None:
    """Delete a view recorded by mistake."""
    view.delete()

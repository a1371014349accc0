"""Every write to a safety walk: planning, announcing, moving and cancelling.

Each function validates, saves inside a transaction and raises ValidationError with messages
by field for the person planning the walk.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from est.announced_events import (
    EventMessages,
    announced_event_cancel,
    announced_event_changed,
    announced_event_publish,
)
from est.models import Municipality, Organisation
from est.projections import transformed
from reports.incidents.filing import position_outside_error

from .models import SafetyWalk

#: What a planner may set on a walk; the rest belongs to the workflow.
PLANNED_FIELDS = (
    "title",
    "area",
    "starts_at",
    "ends_at",
    "meeting_place",
    "meeting_point",
    "route",
    "expected_participants",
    "announcement",
    "accessibility",
    "how_to_take_part",
)
#: A route may run this far outside the boundary (a street on the municipal border), in metres.
ROUTE_MARGIN = 200


def _stored(geometry):
    if geometry is None or geometry.srid == settings.STORAGE_SRID:
        return geometry
    return transformed(geometry, settings.STORAGE_SRID)


def _errors(municipality: Municipality, fields: dict, partners) -> dict[str, str]:
    """Return the messages on a walk's fields, by field (empty when all is well)."""
    errors = {}
    starts_at, ends_at = fields.get("starts_at"), fields.get("ends_at")
    if starts_at and ends_at and ends_at <= starts_at:
        errors["ends_at"] = _("The walk must end after it starts.")
    point = fields.get("meeting_point")
    if point is None:
        errors["meeting_point"] = _("Mark the meeting point on the map.")
    elif not municipality.boundary.intersects(point):
        other = Municipality.objects.containing(point).exclude(pk=municipality.pk).first()
        errors["meeting_point"] = position_outside_error(municipality, other)
    route = fields.get("route")
    if route is not None and not municipality.boundary.buffer(ROUTE_MARGIN).covers(route):
        errors["route"] = _("The route leaves %(municipality)s. Draw it inside it.") % {
            "municipality": municipality.name
        }
    area = fields.get("area")
    if area is not None and area.municipality_id != municipality.pk:
        errors["area"] = _("Choose an area of %(municipality)s.") % {
            "municipality": municipality.name
        }
    working_here = set(
        Organisation.objects.filter(
            pk__in=[partner.pk for partner in partners], municipalities=municipality
        ).values_list("pk", flat=True)
    )
    strangers = [partner.name for partner in partners if partner.pk not in working_here]
    if strangers:
        errors["partners"] = _("%(names)s do not work in %(municipality)s.") % {
            "names": ", ".join(strangers),
            "municipality": municipality.name,
        }
    return errors


def _save(walk: SafetyWalk, fields: dict, partners) -> SafetyWalk:
    fields = {name: value for name, value in fields.items() if name in PLANNED_FIELDS}
    for name in ("meeting_point", "route"):
        if name in fields:
            fields[name] = _stored(fields[name])
    errors = _errors(walk.municipality, fields, partners)
    if errors:
        raise ValidationError(errors)
    for name, value in fields.items():
        setattr(walk, name, value)
    walk.save()
    walk.partners.set(partners)
    return walk


@transaction.atomic
def safety_walk_create(*, municipality: Municipality, by, partners=(), **fields) -> SafetyWalk:
    """Plan a walk in ``municipality`` (a draft, not yet announced) and return it."""
    return _save(SafetyWalk(municipality=municipality, created_by=by), fields, partners)


def _locked(walk: SafetyWalk) -> SafetyWalk:
    return SafetyWalk.objects.select_for_update().select_related("municipality").get(pk=walk.pk)


#: What a planner is told when a walk can't change as asked.
WALK_MESSAGES = EventMessages(
    cancelled_cant_change=gettext_lazy("A cancelled walk can't change; plan a new one."),
    already_announced=gettext_lazy("The walk is already announced."),
    already_over=gettext_lazy("The walk has already taken place; change its time first."),
    already_cancelled=gettext_lazy("The walk is already cancelled."),
    draft_not_cancelled=gettext_lazy(
        "Only an announced walk is cancelled: a draft is not public yet."
    ),
    say_why=gettext_lazy("Say why the walk is cancelled."),
)


@transaction.atomic
def safety_walk_update(*, walk: SafetyWalk, by, partners=(), **fields) -> SafetyWalk:
    """Change a walk's plan. An announced walk that starts at another time is moved (the public
    page says from when); calendar programs are told of every announced change."""
    walk = _locked(walk)
    if walk.is_cancelled:
        raise ValidationError(WALK_MESSAGES.cancelled_cant_change)
    previous_start = walk.starts_at
    walk = _save(walk, fields, partners)
    announced_event_changed(walk, previous_start)
    return walk


@transaction.atomic
def safety_walk_publish(*, walk: SafetyWalk, by) -> SafetyWalk:
    """Announce a draft walk on the public site and in the calendar feed."""
    return announced_event_publish(_locked(walk), WALK_MESSAGES)


@transaction.atomic
def safety_walk_cancel(*, walk: SafetyWalk, by, reason: str) -> SafetyWalk:
    """Cancel an announced walk with the reason residents will read."""
    return announced_event_cancel(_locked(walk), reason, WALK_MESSAGES)

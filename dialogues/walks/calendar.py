"""Safety walks as iCalendar events (``est.calendars``): the walks' own feed, and the events
that the municipality's events calendar (``dialogues.dialogue``) shows beside the dialogues."""

from django.urls import reverse
from django.utils.translation import gettext as _

from est.calendars import CalendarEvent, calendar_file

from .models import SafetyWalk


def walk_calendar_event(walk: SafetyWalk, *, url_of) -> CalendarEvent:
    """Return ``walk`` as a calendar event; ``url_of(path)`` makes a path absolute."""
    return CalendarEvent(
        uid=f"safety-walk-{walk.pk}@est",
        stamp=walk.updated_at,
        starts_at=walk.starts_at,
        ends_at=walk.ends_at,
        sequence=walk.sequence,
        summary=walk.title,
        location=walk.meeting_place,
        point=walk.meeting_point,
        description_parts=(walk.announcement, walk.how_to_take_part, walk.accessibility),
        cancellation_reason=walk.cancellation_reason if walk.is_cancelled else "",
        url=url_of(reverse("public_walk", args=[walk.municipality.code, walk.pk])),
    )


def walks_calendar(municipality, walks, *, page_url: str, url_of) -> bytes:
    """Return ``walks`` of ``municipality`` as an iCalendar file; ``url_of(path)`` makes a
    path absolute."""
    return calendar_file(
        (walk_calendar_event(walk, url_of=url_of) for walk in walks.select_related("municipality")),
        name=_("Safety walks in %(municipality)s") % {"municipality": municipality.name},
        product="Trygghetsvandringar",
        page_url=page_url,
    )

"""Safety walks as iCalendar (RFC 5545), built with the icalendar library.

Each walk is one event whose UID never changes; SEQUENCE counts its announced changes, so a
calendar that subscribed moves or cancels the event it already has instead of adding another.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from est.projections import transformed

from .models import SafetyWalk


def _event(walk: SafetyWalk, *, url_of) -> Event:
    event = Event()
    event.add("uid", f"safety-walk-{walk.pk}@est")
    event.add("dtstamp", walk.updated_at)
    event.add("dtstart", walk.starts_at)
    event.add("dtend", walk.ends_at)
    event.add("sequence", walk.sequence)
    event.add("summary", walk.title)
    event.add("location", walk.meeting_place)
    point = transformed(walk.meeting_point, settings.MAP_SRID)
    event.add("geo", (round(point.y, 6), round(point.x, 6)))
    parts = [walk.announcement, walk.how_to_take_part, walk.accessibility]
    if walk.is_cancelled:
        event.add("status", "CANCELLED")
        parts.insert(0, _("Cancelled: %(reason)s") % {"reason": walk.cancellation_reason})
    else:
        event.add("status", "CONFIRMED")
    event.add("description", "\n\n".join(part for part in parts if part))
    event.add(
        "url",
        url_of(reverse("public_walk", args=[walk.municipality.code, walk.pk])),
    )
    return event


def walks_calendar(municipality, walks, *, page_url: str, url_of) -> bytes:
    """Return ``walks`` of ``municipality`` as an iCalendar file; ``url_of(path)`` makes a
    path absolute."""
    calendar = Calendar()
    calendar.add("prodid", "-//EST//Trygghetsvandringar//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add(
        "x-wr-calname", _("Safety walks in %(municipality)s") % {"municipality": municipality.name}
    )
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("url", page_url)
    for walk in walks.select_related("municipality"):
        calendar.add_component(_event(walk, url_of=url_of))
    return calendar.to_ical()

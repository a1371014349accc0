"""Public events as iCalendar (RFC 5545), built with the icalendar library: the one place a
calendar feed is made. Each feature turns its events into ``CalendarEvent`` and hands them here.

Each event's UID never changes; SEQUENCE counts its announced changes, so a calendar that
subscribed moves or cancels the event it already has instead of adding another.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from est.projections import transformed


@dataclass(frozen=True)
class CalendarEvent:
    """One public event as a calendar program reads it; ``point`` may be None (online)."""

    uid: str
    stamp: object
    starts_at: object
    ends_at: object
    sequence: int
    summary: str
    location: str
    point: object
    description_parts: tuple
    cancellation_reason: str
    url: str


def _event(entry: CalendarEvent) -> Event:
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", entry.stamp)
    event.add("dtstart", entry.starts_at)
    event.add("dtend", entry.ends_at)
    event.add("sequence", entry.sequence)
    event.add("summary", entry.summary)
    event.add("location", entry.location)
    if entry.point is not None:
        point = transformed(entry.point, settings.MAP_SRID)
        event.add("geo", (round(point.y, 6), round(point.x, 6)))
    parts = list(entry.description_parts)
    if entry.cancellation_reason:
        event.add("status", "CANCELLED")
        parts.insert(0, _("Cancelled: %(reason)s") % {"reason": entry.cancellation_reason})
    else:
        event.add("status", "CONFIRMED")
    event.add("description", "\n\n".join(part for part in parts if part))
    event.add("url", entry.url)
    return event


def calendar_file(events, *, name: str, product: str, page_url: str) -> bytes:
    """Return ``events`` (CalendarEvent) as an iCalendar file called ``name``, made by
    ``product`` (the PRODID's middle part), whose page is ``page_url``."""
    calendar = Calendar()
    calendar.add("prodid", f"-//EST//{product}//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("url", page_url)
    for event in events:
        calendar.add_component(_event(event))
    return calendar.to_ical()

"""The municipality's events calendar: its announced safety walks and dialogue occasions
together, as one list and one iCalendar feed (``est.calendars``)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from est.calendars import CalendarEvent, calendar_file

from ..walks.calendar import walk_calendar_event
from ..walks.models import SafetyWalk
from .models import DialogueOccasion


def occasion_calendar_event(occasion: DialogueOccasion, *, url_of) -> CalendarEvent:
    """Return ``occasion`` as a calendar event; ``url_of(path)`` makes a path absolute."""
    return CalendarEvent(
        uid=f"dialogue-occasion-{occasion.pk}@est",
        stamp=occasion.updated_at,
        starts_at=occasion.starts_at,
        ends_at=occasion.ends_at,
        sequence=occasion.sequence,
        summary=occasion.title,
        location=occasion.place,
        point=occasion.point,
        description_parts=(occasion.get_format_display(), occasion.announcement),
        cancellation_reason=occasion.cancellation_reason if occasion.is_cancelled else "",
        url=url_of(reverse("public_occasion", args=[occasion.municipality.code, occasion.pk])),
    )


@dataclass(frozen=True)
class PublicEvent:
    """One entry of the events calendar page: a walk or an occasion, and its page."""

    kind: str
    title: str
    starts_at: object
    ends_at: object
    place: str
    point: object
    cancelled: bool
    moved_from: object
    url: str


def municipality_events(municipality) -> tuple:
    """Return ``municipality``'s announced walks and occasions (cancelled ones too), as
    querysets."""
    walks = SafetyWalk.objects.announced().for_municipality(municipality)
    occasions = DialogueOccasion.objects.announced().for_municipality(municipality)
    return walks.select_related("municipality"), occasions.select_related("municipality")


def public_events(walks, occasions) -> list[PublicEvent]:
    """Return ``walks`` and ``occasions`` as PublicEvent, soonest first."""
    events = [
        PublicEvent(
            kind=_("Safety walk"),
            title=walk.title,
            starts_at=walk.starts_at,
            ends_at=walk.ends_at,
            place=walk.meeting_place,
            point=walk.meeting_point,
            cancelled=walk.is_cancelled,
            moved_from=walk.moved_from,
            url=reverse("public_walk", args=[walk.municipality.code, walk.pk]),
        )
        for walk in walks
    ] + [
        PublicEvent(
            kind=_("Citizen dialogue: %(format)s") % {"format": occasion.get_format_display()},
            title=occasion.title,
            starts_at=occasion.starts_at,
            ends_at=occasion.ends_at,
            place=occasion.place,
            point=occasion.point,
            cancelled=occasion.is_cancelled,
            moved_from=occasion.moved_from,
            url=reverse("public_occasion", args=[occasion.municipality.code, occasion.pk]),
        )
        for occasion in occasions
    ]
    return sorted(events, key=lambda event: event.starts_at)


def events_calendar(municipality, walks, occasions, *, page_url: str, url_of) -> bytes:
    """Return ``walks`` and ``occasions`` of ``municipality`` as one iCalendar file."""
    events = [walk_calendar_event(walk, url_of=url_of) for walk in walks] + [
        occasion_calendar_event(occasion, url_of=url_of) for occasion in occasions
    ]
    return calendar_file(
        events,
        name=_("Events in %(municipality)s") % {"municipality": municipality.name},
        product="Evenemang",
        page_url=page_url,
    )

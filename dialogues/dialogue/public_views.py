"""The public site of the citizen dialogues: the events calendar of a municipality (its safety
walks and dialogue occasions together, with a map and an iCalendar feed), each occasion's page,
and per year "What you told us and what we did".

These views never scope by user: they show announced occasions only (cancelled ones say so),
never the staff's notes, and of the views only the themes with their counts."""

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from est.models import Municipality
from est.projections import transformed

from ..walks.models import SafetyWalk
from ..walks.public_views import public_municipality
from .calendar import events_calendar, municipality_events, public_events
from .models import DialogueOccasion
from .responses import dialogue_years, themes_of_year


def _map_point(point, place: str) -> dict | None:
    """Return ``point`` in the maps' SRID with its ``place``, or None without a point."""
    if point is None:
        return None
    shown = transformed(point, settings.MAP_SRID)
    return {"point": [round(shown.y, 6), round(shown.x, 6)], "place": place, "route": None}


class PublicEventIndex(TemplateView):
    """The municipalities with walks or dialogue occasions to come."""

    template_name = "dialogues/dialogue/public_event_index.html"

    def get_context_data(self, **kwargs):
        now = timezone.now()
        coming = Q(
            safety_walks__status__in=SafetyWalk.ANNOUNCED_STATUSES,
            safety_walks__ends_at__gt=now,
        ) | Q(
            dialogue_occasions__status__in=DialogueOccasion.ANNOUNCED_STATUSES,
            dialogue_occasions__ends_at__gt=now,
        )
        municipalities = Municipality.objects.filter(coming).defer("boundary").distinct()
        return super().get_context_data(municipalities=municipalities, **kwargs)


class PublicEventCalendar(TemplateView):
    """A municipality's coming walks and dialogue occasions, soonest first, on a list and a
    map, with the calendar feed."""

    template_name = "dialogues/dialogue/public_events.html"

    def get_context_data(self, **kwargs):
        municipality = public_municipality(self.kwargs["code"])
        now = timezone.now()
        walks, occasions = municipality_events(municipality)
        events = public_events(walks.filter(ends_at__gt=now), occasions.filter(ends_at__gt=now))
        points = [
            _map_point(event.point, event.title)
            for event in events
            if event.point is not None and not event.cancelled
        ]
        return super().get_context_data(
            municipality=municipality,
            events=events,
            map_points=points,
            years=dialogue_years(municipality),
            **kwargs,
        )


def public_event_calendar(request, code: str):
    """The municipality's announced walks and occasions as one iCalendar feed."""
    municipality = public_municipality(code)
    walks, occasions = municipality_events(municipality)
    if not walks.exists() and not occasions.exists():
        raise Http404
    page = request.build_absolute_uri(reverse("public_events", args=[code]))
    body = events_calendar(
        municipality, walks, occasions, page_url=page, url_of=request.build_absolute_uri
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="evenemang-{code}.ics"'
    return response


class PublicOccasion(TemplateView):
    """One announced occasion: when, where, in what form, who takes part."""

    template_name = "dialogues/dialogue/public_occasion.html"

    def get_context_data(self, **kwargs):
        municipality = public_municipality(self.kwargs["code"])
        occasion = get_object_or_404(
            DialogueOccasion.objects.announced().for_municipality(municipality),
            pk=self.kwargs["pk"],
        )
        return super().get_context_data(
            municipality=municipality,
            occasion=occasion,
            partners=occasion.partners.order_by("name"),
            map_data=_map_point(occasion.point, occasion.place),
            year=timezone.localtime(occasion.starts_at).year,
            **kwargs,
        )


class PublicDialogueYear(TemplateView):
    """ "What you told us and what we did": a year's themes, how often each came up, and the
    response. Without a year, the newest."""

    template_name = "dialogues/dialogue/public_year.html"

    def get_context_data(self, **kwargs):
        municipality = public_municipality(self.kwargs["code"])
        years = dialogue_years(municipality)
        kwargs.pop("year", None)
        year = self.kwargs.get("year") or (years[0] if years else None)
        if year not in years:
            raise Http404
        return super().get_context_data(
            municipality=municipality,
            year=year,
            years=years,
            themes=themes_of_year(municipality, year, announced_only=True),
            minimum=settings.OPEN_DATA_MIN_COUNT,
            # The occasions held: a coming one has nothing to tell yet.
            occasions=DialogueOccasion.objects.for_municipality(municipality)
            .in_year(year)
            .filter(status=DialogueOccasion.Status.PUBLISHED, starts_at__lte=timezone.now())
            .order_by("starts_at"),
            **kwargs,
        )

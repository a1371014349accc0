"""The public site of the safety walks: the coming walks of a municipality, each walk's page
with its meeting point on a map, and a calendar feed that calendar programs subscribe to.

These views never scope by user: they show announced walks only (cancelled ones say so)."""

import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from est.models import Municipality
from est.projections import transformed

from .calendar import walks_calendar
from .models import SafetyWalk


def public_municipality(code: str) -> Municipality:
    """Return the municipality of the URL's ``code``, else raise 404."""
    return get_object_or_404(Municipality.objects.defer("boundary"), code=code)


class PublicWalkIndex(TemplateView):
    """The municipalities that have announced walks to come."""

    template_name = "dialogues/walks/public_index.html"

    def get_context_data(self, **kwargs):
        coming = SafetyWalk.objects.announced().filter(ends_at__gt=timezone.now())
        municipalities = (
            Municipality.objects.filter(safety_walks__in=coming).defer("boundary").distinct()
        )
        return super().get_context_data(municipalities=municipalities, **kwargs)


class PublicWalkList(TemplateView):
    """A municipality's coming walks, soonest first, with the calendar feed."""

    template_name = "dialogues/walks/public_list.html"

    def get_context_data(self, **kwargs):
        municipality = public_municipality(self.kwargs["code"])
        walks = SafetyWalk.objects.announced().for_municipality(municipality)
        now = timezone.now()
        return super().get_context_data(
            municipality=municipality,
            walks=walks.coming(now),
            held=walks.held(now).order_by("-starts_at")[:10],
            **kwargs,
        )


def _map_data(walk: SafetyWalk) -> dict:
    """Return the meeting point and the route in the maps' SRID, for walks-map.js."""
    point = transformed(walk.meeting_point, settings.MAP_SRID)
    route = transformed(walk.route, settings.MAP_SRID) if walk.route else None
    return {
        "point": [round(point.y, 6), round(point.x, 6)],
        "place": walk.meeting_place,
        "route": json.loads(route.geojson) if route else None,
    }


class PublicWalkDetail(TemplateView):
    """One announced walk: when, where to meet, the route, how to take part."""

    template_name = "dialogues/walks/public_detail.html"

    def get_context_data(self, **kwargs):
        municipality = public_municipality(self.kwargs["code"])
        walk = get_object_or_404(
            SafetyWalk.objects.announced().for_municipality(municipality).select_related("area"),
            pk=self.kwargs["pk"],
        )
        return super().get_context_data(
            municipality=municipality,
            walk=walk,
            map_data=_map_data(walk),
            held=walk.is_held(timezone.now()),
            **kwargs,
        )


def public_walk_calendar(request, code: str):
    """The municipality's announced walks as an iCalendar feed (text/calendar)."""
    municipality = public_municipality(code)
    walks = SafetyWalk.objects.announced().for_municipality(municipality)
    if not walks.exists():
        raise Http404
    page = request.build_absolute_uri(reverse("public_walks", args=[code]))
    body = walks_calendar(municipality, walks, page_url=page, url_of=request.build_absolute_uri)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="trygghetsvandringar-{code}.ics"'
    return response

"""The walk report's pages: the coordinator's report with its PDF and the choice of which photos
residents see, the findings' photos for staff, and the residents' follow-up page with the
public photos only."""

import json

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from est.pdf import pdf_render
from est.projections import transformed
from est.roles import has_permission
from est.stored_files import stored_file_response

from ..measures.models import Measure
from ..permissions import MEASURE_MANAGE
from .models import FindingPhoto, SafetyWalk
from .photos import walk_public_photos_set
from .public_views import public_municipality
from .report import photo_data_uri, walk_follow_up, walk_measures, walk_report
from .views import WalkScopedMixin

DOCUMENT_TEMPLATE = "dialogues/walks/report_document.html"


def report_map_data(walk: SafetyWalk, findings) -> dict:
    """Return the route and the numbered findings in the maps' SRID, for walk-report-map.js."""
    route = transformed(walk.route, settings.MAP_SRID) if walk.route else None
    points = []
    for number, finding in enumerate(findings, start=1):
        point = transformed(finding.position, settings.MAP_SRID)
        points.append(
            {
                "point": [round(point.y, 6), round(point.x, 6)],
                "label": f"{number}. {finding.category.name}",
            }
        )
    return {"route": json.loads(route.geojson) if route else None, "findings": points}


class WalkReport(WalkScopedMixin, TemplateView):
    """The walk's report for the coordinator: map, findings with photos, audit, measures."""

    template_name = "dialogues/walks/walk_report.html"

    def get_context_data(self, **kwargs):
        report = walk_report(self.walk)
        return super().get_context_data(
            report=report,
            map_data=report_map_data(self.walk, report["findings"]),
            can_manage=has_permission(self.request.user, MEASURE_MANAGE),
            held=self.walk.is_held(timezone.now()),
            **kwargs,
        )


def walk_report_title(walk: SafetyWalk) -> str:
    """Return the title of the walk's report in the active language."""
    return _("Safety walk report: %(title)s, %(date)s") % {
        "title": walk.title,
        "date": timezone.localtime(walk.starts_at).date().isoformat(),
    }


def walk_report_pdf(walk: SafetyWalk) -> bytes:
    """Return the walk's report as a tagged PDF, its photos embedded."""
    report = walk_report(walk)
    for finding in report["findings"]:
        for photo in finding.shown_photos:
            photo.data_uri = photo_data_uri(photo)
    return pdf_render(
        DOCUMENT_TEMPLATE, {"walk": walk, "report": report}, title=walk_report_title(walk)
    )


class WalkReportPdf(WalkScopedMixin, View):
    def get(self, request, pk):
        response = HttpResponse(walk_report_pdf(self.walk), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="trygghetsvandring-{pk}.pdf"'
        return response


def _ids(values: list[str]) -> set[int]:
    # Anything but a small positive number is no id: ignored, not a 500.
    return {
        int(value) for value in values if value.isascii() and value.isdigit() and len(value) < 10
    }


class WalkPhotosPublic(WalkScopedMixin, View):
    """The coordinator's choice of the photos residents see: those ticked become public."""

    def post(self, request, pk):
        walk_public_photos_set(
            walk=self.walk,
            photos=_ids(request.POST.getlist("public")),
            measures=_ids(request.POST.getlist("public_measure")),
        )
        messages.success(request, _("The choice of public photos is saved."))
        return redirect("walk_report", pk=self.walk.pk)


def _held_walk(code: str, pk: int) -> SafetyWalk:
    """Return the announced walk ``pk`` of the municipality ``code`` that has been held, else
    raise 404."""
    municipality = public_municipality(code)
    return get_object_or_404(
        SafetyWalk.objects.for_municipality(municipality).held(timezone.now()), pk=pk
    )


class PublicWalkFollowUp(TemplateView):
    """What a held walk found and what has been done about it, for residents."""

    template_name = "dialogues/walks/public_follow_up.html"

    def get_context_data(self, **kwargs):
        walk = _held_walk(self.kwargs["code"], self.kwargs["pk"])
        return super().get_context_data(
            walk=walk, municipality=walk.municipality, follow_up=walk_follow_up(walk), **kwargs
        )


def public_finding_photo(request, code: str, pk: int, photo: int):
    """A public photo of a held walk's finding; 404 for every photo not made public."""
    walk = _held_walk(code, pk)
    public = get_object_or_404(
        FindingPhoto.objects.ready().filter(finding__walk=walk, public=True), pk=photo
    )
    return stored_file_response(public.image, content_type="image/jpeg")


def public_measure_photo(request, code: str, pk: int, measure: int):
    """The photo of what a done measure for a held walk's finding changed, when the coordinator
    made it public; 404 for every other."""
    walk = _held_walk(code, pk)
    done = get_object_or_404(
        walk_measures(walk)
        .filter(status=Measure.Status.DONE, done_photo_public=True)
        .exclude(done_photo=""),
        pk=measure,
    )
    return stored_file_response(done.done_photo, content_type="image/jpeg")

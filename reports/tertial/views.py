"""Pages of the tertial analyses: the list, the analysis, its PDF and the coordinator's steps."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, ListView

from est.access import PermissionRequiredMixin
from est.access_log import AccessKind, access_record
from est.models import Municipality
from est.roles import has_permission
from est.service_views import REFUSED, ServiceFormMixin, service_act
from est.stored_files import stored_file_response
from reports.council.direction import priorities_of
from reports.permissions import PRIORITY_MANAGE, TERTIAL_EDIT, TERTIAL_VIEW
from reports.tertial.forms import AdoptForm, AnalysisForm
from reports.tertial.geopackage import tertial_analysis_geopackage
from reports.tertial.models import TertialAnalysis
from reports.tertial.presentation import analysis_context
from reports.tertial.rendering import tertial_analysis_render_request
from reports.tertial.workflow import (
    tertial_analysis_adopt,
    tertial_analysis_recompile,
    tertial_analysis_revise,
    tertial_analysis_submit,
    tertial_analysis_update,
)


def readable_analyses(user):
    return TertialAnalysis.objects.for_user(user).select_related("municipality")


class TertialList(PermissionRequiredMixin, ListView):
    permission = TERTIAL_VIEW
    template_name = "reports/tertial/analysis_list.html"
    context_object_name = "analyses"

    def get_queryset(self):
        analyses = readable_analyses(self.request.user).defer("content", "pdf")
        if self.request.GET.get("municipality"):
            analyses = analyses.filter(municipality__code=self.request.GET["municipality"])
        if self.request.GET.get("year", "").isdigit():
            analyses = analyses.filter(year=int(self.request.GET["year"]))
        return analyses.order_by("municipality__name", "-year", "-number", "-version")

    def get_context_data(self, **kwargs):
        readable = readable_analyses(self.request.user)
        return super().get_context_data(
            municipalities=Municipality.objects.filter(
                pk__in=readable.values("municipality")
            ).order_by("name"),
            years=sorted(set(readable.values_list("year", flat=True)), reverse=True),
            chosen_municipality=self.request.GET.get("municipality", ""),
            chosen_year=self.request.GET.get("year", ""),
            **kwargs,
        )


class AnalysisMixin(PermissionRequiredMixin):
    """Finds the analysis among those the user may read, else 404 (ids are guessable)."""

    permission = TERTIAL_VIEW

    def get_analysis(self):
        return get_object_or_404(readable_analyses(self.request.user), pk=self.kwargs["pk"])


class TertialDetail(AnalysisMixin, DetailView):
    template_name = "reports/tertial/analysis_detail.html"
    context_object_name = "analysis"

    def get_object(self, queryset=None):
        return self.get_analysis()

    def get_context_data(self, **kwargs):
        analysis = self.object
        versions = readable_analyses(self.request.user).filter(
            municipality=analysis.municipality_id, year=analysis.year, number=analysis.number
        )
        return super().get_context_data(
            **analysis_context(analysis),
            can_edit=has_permission(self.request.user, TERTIAL_EDIT),
            priorities=priorities_of(analysis),
            can_manage_priorities=has_permission(self.request.user, PRIORITY_MANAGE),
            versions=versions.defer("content", "pdf").order_by("version"),
            adopt_form=AdoptForm(initial={"adopted_on": timezone.localdate()}),
            **kwargs,
        )


class TertialPdf(AnalysisMixin, View):
    """The rendered PDF, inline; while there is none, back to the page that shows progress."""

    def get(self, request, pk):
        analysis = self.get_analysis()
        if not analysis.pdf:
            tertial_analysis_render_request(analysis=analysis)
            messages.info(request, _("The PDF is being made; this page shows when it is ready."))
            return redirect("tertial_detail", pk=analysis.pk)
        if not analysis.is_frozen:
            access_record(request=request, kind=AccessKind.DOCUMENT, target=analysis)
        return stored_file_response(
            analysis.pdf, content_type="application/pdf", filename=analysis.filename
        )


class TertialRenderStatus(AnalysisMixin, View):
    """The PDF's rendering state, polled by the analysis page."""

    def get(self, request, pk):
        analysis = self.get_analysis()
        return JsonResponse(
            {
                "state": analysis.render_state,
                "label": analysis.get_render_state_display(),
                "ready": analysis.render_state == TertialAnalysis.RenderState.DONE,
            }
        )


class TertialEdit(AnalysisMixin, ServiceFormMixin, FormView):
    permission = TERTIAL_EDIT
    template_name = "reports/tertial/analysis_form.html"
    form_class = AnalysisForm

    def get_initial(self):
        analysis = self.get_analysis()
        return {"key_messages": analysis.key_messages, "direction": analysis.direction}

    def get_context_data(self, **kwargs):
        return super().get_context_data(analysis=self.get_analysis(), **kwargs)

    def perform(self, form):
        return tertial_analysis_update(
            analysis=self.get_analysis(), by=self.request.user, **form.cleaned_data
        )

    def performed(self, form, analysis):
        return redirect("tertial_detail", pk=analysis.pk)


STEPS = ("submit", "adopt", "revise", "recompile", "render")


class TertialStep(AnalysisMixin, View):
    """One step of the workflow, posted from the analysis page."""

    permission = TERTIAL_EDIT
    step = ""

    def post(self, request, pk):
        analysis = self.get_analysis()
        result = service_act(request, lambda: self.take_step(analysis))
        if result is not REFUSED:
            analysis = result
        return redirect("tertial_detail", pk=analysis.pk)

    def take_step(self, analysis):
        """Take this view's step with ``analysis``; return the analysis to show next (a new
        version after ``revise``)."""
        by = self.request.user
        if self.step == "submit":
            tertial_analysis_submit(analysis=analysis, by=by)
        elif self.step == "adopt":
            form = AdoptForm(self.request.POST)
            if not form.is_valid():
                raise ValidationError(_("Give the date and the decision."))
            tertial_analysis_adopt(analysis=analysis, by=by, **form.cleaned_data)
        elif self.step == "revise":
            return tertial_analysis_revise(analysis=analysis, by=by)
        elif self.step == "recompile":
            tertial_analysis_recompile(analysis=analysis, by=by)
        elif self.step == "render" and not tertial_analysis_render_request(analysis=analysis):
            messages.info(self.request, _("The PDF is already up to date."))
        return analysis


class TertialGeoPackage(AnalysisMixin, View):
    """An adopted analysis's tertial as a GeoPackage, for GIS staff; other versions have none."""

    def get(self, request, pk):
        analysis = get_object_or_404(
            readable_analyses(request.user).filter(status=TertialAnalysis.Status.ADOPTED), pk=pk
        )
        response = HttpResponse(
            tertial_analysis_geopackage(analysis), content_type="application/geopackage+sqlite3"
        )
        filename = analysis.filename.rsplit(".", 1)[0]
        response["Content-Disposition"] = f'attachment; filename="{filename}.gpkg"'
        return response

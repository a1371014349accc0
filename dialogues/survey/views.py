"""The staff pages of the survey: the waves, composing one, opening and closing it, the
invitation codes, and the results with their exports (aggregates only)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from est.access import PermissionRequiredMixin
from est.models import Municipality
from est.roles import has_permission
from est.service_views import REFUSED, ServiceFormMixin, service_act
from est.views import MunicipalityScopedMixin

from ..permissions import SURVEY_MANAGE, SURVEY_VIEW
from . import exports
from .forms import CodesForm, WaveForm
from .models import SurveyWave
from .results import avoided_cells, wave_results
from .services import invitation_codes_create, survey_wave_create, survey_wave_status_set


class WaveList(PermissionRequiredMixin, TemplateView):
    """The waves of the user's municipalities, newest first."""

    permission = SURVEY_VIEW
    template_name = "dialogues/survey/wave_list.html"

    def get_context_data(self, **kwargs):
        municipalities = Municipality.objects.for_user(self.request.user).defer("boundary")
        waves = SurveyWave.objects.for_user(self.request.user)
        return super().get_context_data(
            municipalities=[
                (m, [w for w in waves if w.municipality_id == m.pk]) for m in municipalities
            ],
            can_manage=has_permission(self.request.user, SURVEY_MANAGE),
            **kwargs,
        )


class WaveScopedMixin(PermissionRequiredMixin):
    """Finds ``self.wave`` among the user's municipalities' waves, else 404."""

    permission = SURVEY_VIEW

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.wave = get_object_or_404(
                SurveyWave.objects.for_user(request.user).select_related("municipality"),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)


class WaveCreate(MunicipalityScopedMixin, ServiceFormMixin, FormView):
    permission = SURVEY_MANAGE
    form_class = WaveForm
    template_name = "dialogues/survey/wave_form.html"

    def perform(self, form):
        return survey_wave_create(municipality=self.municipality, **form.cleaned_data)

    def performed(self, form, wave):
        messages.success(self.request, _("The survey is saved as a draft."))
        return redirect("survey_wave", pk=wave.pk)


class WaveDetail(WaveScopedMixin, TemplateView):
    """A wave and its results, as residents will see them, with the exports."""

    template_name = "dialogues/survey/wave_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            wave=self.wave,
            results=wave_results(self.wave),
            cells=avoided_cells(self.wave),
            can_manage=has_permission(self.request.user, SURVEY_MANAGE),
            codes_form=CodesForm(),
            **kwargs,
        )


class WaveStatus(WaveScopedMixin, View):
    """Opens a draft wave to residents or closes an open one (the button says which)."""

    permission = SURVEY_MANAGE

    def post(self, request, pk):
        status = request.POST.get("status", "")
        service_act(
            request,
            lambda: survey_wave_status_set(wave=self.wave, status=status),
            success=_("The survey's state is changed."),
        )
        return redirect("survey_wave", pk=self.wave.pk)


class WaveCodes(WaveScopedMixin, View):
    """Makes one-time codes for the postal invitations and hands them over as a CSV for the
    printer; they are not kept anywhere else readable."""

    permission = SURVEY_MANAGE

    def post(self, request, pk):
        form = CodesForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Make between 1 and 50,000 codes at a time."))
            return redirect("survey_wave", pk=self.wave.pk)
        codes = service_act(
            request,
            lambda: invitation_codes_create(wave=self.wave, count=form.cleaned_data["count"]),
        )
        if codes is REFUSED:
            return redirect("survey_wave", pk=self.wave.pk)
        response = HttpResponse("\n".join(["code", *codes]) + "\n", content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="codes-{self.wave.pk}.csv"'
        return response


class WaveExport(WaveScopedMixin, View):
    """The results' aggregates as CSV, Excel or PDF (``format`` from the URL)."""

    TYPES = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pdf": "application/pdf",
    }

    def get(self, request, pk, format):
        results = wave_results(self.wave)
        make = {
            "csv": exports.results_csv,
            "xlsx": exports.results_xlsx,
            "pdf": exports.results_pdf,
        }[format]
        response = HttpResponse(make(results), content_type=self.TYPES[format])
        response["Content-Disposition"] = (
            f'attachment; filename="survey-{self.wave.pk}-results.{format}"'
        )
        return response

"""The survey's public site: the answer form (no login, nothing of the sender kept) and the
results, which show only groups of at least settings.SURVEY_MIN_RESPONSES responses.

These views never scope by user: they show the published waves of the URL's municipality, and
any other wave is a 404."""

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from est.models import Municipality
from est.municipalities import boundary_layer
from est.rate_limits import TOO_MANY_REQUESTS, client_key
from est.service_views import REFUSED, service_form_call

from ..walks.public_views import public_municipality
from .forms import AnswerForm
from .models import SurveyWave
from .results import avoided_cells, wave_results
from .services import survey_response_submit


class PublicWaveMixin:
    """Finds ``self.municipality`` and its published ``self.wave`` from the URL, else 404."""

    def dispatch(self, request, *args, **kwargs):
        self.municipality = public_municipality(kwargs["code"])
        self.wave = get_object_or_404(
            SurveyWave.objects.published().for_municipality(self.municipality), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(municipality=self.municipality, wave=self.wave, **kwargs)


class PublicSurveyIndex(TemplateView):
    """The municipalities with a survey to answer or results to read."""

    template_name = "dialogues/survey/public_index.html"

    def get_context_data(self, **kwargs):
        municipalities = (
            Municipality.objects.filter(survey_waves__in=SurveyWave.objects.published())
            .defer("boundary")
            .distinct()
        )
        return super().get_context_data(municipalities=municipalities, **kwargs)


class PublicSurveyList(TemplateView):
    """A municipality's surveys: the one open now, and the results of earlier ones."""

    template_name = "dialogues/survey/public_list.html"

    def get_context_data(self, **kwargs):
        municipality = public_municipality(self.kwargs["code"])
        waves = SurveyWave.objects.published().for_municipality(municipality)
        return super().get_context_data(
            municipality=municipality,
            open_waves=waves.filter(status=SurveyWave.Status.OPEN),
            waves=waves,
            **kwargs,
        )


class PublicSurveyAnswer(PublicWaveMixin, TemplateView):
    """The anonymous answer form, made for a phone; every question may be left out."""

    template_name = "dialogues/survey/public_answer.html"

    def get_context_data(self, form=None, **kwargs):
        return super().get_context_data(
            form=form or AnswerForm(wave=self.wave),
            is_open=self.wave.status == SurveyWave.Status.OPEN,
            map_context=boundary_layer(self.municipality),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = AnswerForm(request.POST, wave=self.wave)
        if form.is_valid():
            if form.is_spam:
                # Answer a robot as if it worked; nothing is stored.
                return self._thanks()
            response = service_form_call(
                form,
                lambda: survey_response_submit(
                    wave=self.wave,
                    answers=form.answers(),
                    submission_key=form.cleaned_data["submission_key"],
                    sender_key=client_key(request),
                    today=timezone.localdate(),
                    age_band=form.cleaned_data["age_band"],
                    gender=form.cleaned_data["gender"],
                    area=form.cleaned_data["area"],
                    places=form.cleaned_data["places"],
                    code=form.cleaned_data.get("code", ""),
                ),
            )
            if response is not REFUSED:
                return self._thanks()
        status = TOO_MANY_REQUESTS if form.has_error(NON_FIELD_ERRORS, "rate_limited") else 400
        return self.render_to_response(self.get_context_data(form=form), status=status)

    def _thanks(self):
        messages.success(self.request, _("Thank you for your answers!"))
        return redirect("public_survey_thanks", self.municipality.code, self.wave.pk)


class PublicSurveyThanks(PublicWaveMixin, TemplateView):
    template_name = "dialogues/survey/public_thanks.html"


class PublicSurveyResults(PublicWaveMixin, TemplateView):
    """A wave's results for everyone: shares with their intervals, the comparison with the
    previous wave, the places avoided as a density map; small groups hidden."""

    template_name = "dialogues/survey/public_results.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            results=wave_results(self.wave), cells=avoided_cells(self.wave), **kwargs
        )

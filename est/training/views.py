"""The coordinator's pages for reporter training: who may file until when, and recording a
training that was held."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from est.access import PermissionRequiredMixin
from est.models import Municipality
from est.roles import TRAINING_MANAGE
from est.service_views import ServiceFormMixin
from est.views import MunicipalityScopedMixin

from .forms import TrainingSessionForm
from .models import Certification, TrainingSession
from .services import reporters_of, training_session_record


def _standing(reporters, today):
    """Return (reporter, last certification, state) for each of ``reporters``; the state is
    "valid", "expiring" (within the reminder time), "expired" or "never"."""
    last = {}
    for certification in Certification.objects.filter(user__in=reporters).order_by("expires_on"):
        last[certification.user_id] = certification
    rows = []
    for reporter in reporters:
        certification = last.get(reporter.pk)
        if certification is None:
            state = "never"
        elif certification.expires_on < today:
            state = "expired"
        elif certification.expires_on <= today + settings.CERTIFICATION_REMINDER:
            state = "expiring"
        else:
            state = "valid"
        rows.append((reporter, certification, state))
    return rows


class TrainingOverview(PermissionRequiredMixin, TemplateView):
    """Per municipality: each reporter's certification, and the trainings held."""

    permission = TRAINING_MANAGE
    template_name = "est/training/overview.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        municipalities = Municipality.objects.for_user(self.request.user).defer("boundary")
        sessions = TrainingSession.objects.for_user(self.request.user).prefetch_related(
            "certifications__user"
        )
        return super().get_context_data(
            today=today,
            municipalities=[
                (
                    municipality,
                    _standing(
                        list(reporters_of(municipality).select_related("organisation")), today
                    ),
                    [s for s in sessions if s.municipality_id == municipality.pk],
                )
                for municipality in municipalities
            ],
            **kwargs,
        )


class TrainingSessionCreate(MunicipalityScopedMixin, ServiceFormMixin, FormView):
    permission = TRAINING_MANAGE
    form_class = TrainingSessionForm
    template_name = "est/training/session_form.html"

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "municipality": self.municipality,
            "months": settings.CERTIFICATION_MONTHS,
        }

    def perform(self, form):
        return training_session_record(
            municipality=self.municipality, by=self.request.user, **form.cleaned_data
        )

    def performed(self, form, session):
        messages.success(
            self.request,
            _("The training is recorded: %(count)d reporters may file until %(date)s.")
            % {
                "count": session.certifications.count(),
                "date": session.certifications.first().expires_on.isoformat(),
            },
        )
        return redirect("training_overview")

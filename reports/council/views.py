"""Pages of the management group's priorities: recording one on an adopted tertial analysis,
and removing one recorded by mistake."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from est.access import PermissionRequiredMixin
from est.service_views import ServiceFormMixin, service_act
from reports.council.forms import PriorityForm
from reports.council.models import Priority
from reports.council.priorities import priority_create, priority_delete
from reports.permissions import PRIORITY_MANAGE
from reports.tertial.models import TertialAnalysis


class PriorityCreate(PermissionRequiredMixin, ServiceFormMixin, FormView):
    permission = PRIORITY_MANAGE
    form_class = PriorityForm
    template_name = "reports/council/priority_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.analysis = get_object_or_404(
                TertialAnalysis.objects.for_user(request.user).select_related("municipality"),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "municipality": self.analysis.municipality}

    def get_context_data(self, **kwargs):
        return super().get_context_data(analysis=self.analysis, **kwargs)

    def perform(self, form):
        return priority_create(analysis=self.analysis, by=self.request.user, **form.cleaned_data)

    def performed(self, form, priority):
        messages.success(self.request, _("The priority is recorded."))
        return redirect("tertial_detail", pk=self.analysis.pk)


class PriorityDelete(PermissionRequiredMixin, View):
    permission = PRIORITY_MANAGE

    def post(self, request, pk):
        priority = get_object_or_404(Priority.objects.for_user(request.user), pk=pk)
        service_act(
            request,
            lambda: priority_delete(priority=priority, by=request.user),
            success=_("The priority is removed."),
        )
        return redirect("tertial_detail", pk=priority.analysis_id)

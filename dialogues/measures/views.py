"""The measures' pages: the list with its filters, a measure with where it stands, creating
measures from a walk's findings and changing them (the coordinator), moving them on (the
coordinator and the responsible organisation's measure owners)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from est.access import PermissionRequiredMixin
from est.models import Organisation
from est.roles import has_permission
from est.service_views import ServiceFormMixin
from est.stored_files import stored_file_response

from ..permissions import MEASURE_MANAGE, MEASURE_PROGRESS, MEASURE_READ
from ..walks.models import Finding
from ..walks.views import WalkScopedMixin
from .forms import MeasureFilterForm, MeasureForm, StatusForm
from .models import Measure
from .services import measure_create, measure_status_set, measure_update


class MeasureList(PermissionRequiredMixin, TemplateView):
    """The measures the user may see, filtered by status, organisation and overdue."""

    permission = MEASURE_READ
    template_name = "dialogues/measures/measure_list.html"

    def get_context_data(self, **kwargs):
        measures = Measure.objects.for_user(self.request.user)
        organisations = Organisation.objects.filter(pk__in=measures.values("responsible")).order_by(
            "name"
        )
        form = MeasureFilterForm(self.request.GET or None, organisations=organisations)
        today = timezone.localdate()
        shown = form.filtered(measures, today).select_related("municipality", "responsible")
        return super().get_context_data(
            form=form,
            measures=shown.order_by("due_on", "pk"),
            today=today,
            **kwargs,
        )


class MeasureScopedMixin(PermissionRequiredMixin):
    """Finds ``self.measure`` from the URL among the measures the user may see, else 404."""

    permission = MEASURE_READ

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.measure = get_object_or_404(
                Measure.objects.for_user(request.user).select_related(
                    "municipality", "responsible"
                ),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(measure=self.measure, **kwargs)


class MeasureDetail(MeasureScopedMixin, TemplateView):
    template_name = "dialogues/measures/measure_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            findings=self.measure.findings.select_related("category", "walk"),
            tips=self.measure.tips.all(),
            status_form=StatusForm(initial={"status": self.measure.status}),
            can_progress=has_permission(user, MEASURE_PROGRESS),
            can_manage=has_permission(user, MEASURE_MANAGE),
            today=timezone.localdate(),
            **kwargs,
        )


class MeasureStatus(MeasureScopedMixin, ServiceFormMixin, FormView):
    """Move a measure on: the coordinator, or the responsible organisation's measure owner."""

    permission = MEASURE_PROGRESS
    form_class = StatusForm
    template_name = "dialogues/measures/measure_status.html"

    def get_initial(self):
        return {"status": self.measure.status}

    def perform(self, form):
        return measure_status_set(measure=self.measure, by=self.request.user, **form.cleaned_data)

    def performed(self, form, measure):
        messages.success(
            self.request,
            _("The measure is now: %(status)s.") % {"status": measure.get_status_display()},
        )
        return redirect("measure_detail", pk=measure.pk)


def measure_photo(request, pk: int):
    """The photo of what was done, for those who may see the measure (else 404)."""
    if not has_permission(request.user, MEASURE_READ):
        raise Http404
    measure = get_object_or_404(Measure.objects.for_user(request.user), pk=pk)
    return stored_file_response(measure.done_photo, content_type="image/jpeg")


class MeasureFormMixin(ServiceFormMixin):
    form_class = MeasureForm
    template_name = "dialogues/measures/measure_form.html"

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "municipality": self.municipality,
            "findings": self.choosable_findings(),
        }

    def performed(self, form, measure):
        messages.success(self.request, _("The measure is saved."))
        return redirect("measure_detail", pk=measure.pk)


class MeasureCreate(WalkScopedMixin, MeasureFormMixin, FormView):
    """Turn one or several of a walk's findings into a measure."""

    permission = MEASURE_MANAGE

    def choosable_findings(self):
        return Finding.objects.filter(walk=self.walk)

    def get_initial(self):
        return {"findings": self.request.GET.getlist("finding")}

    def perform(self, form):
        fields = dict(form.cleaned_data)
        return measure_create(
            municipality=self.municipality,
            by=self.request.user,
            findings=fields.pop("findings"),
            **fields,
        )


class MeasureUpdate(MeasureScopedMixin, MeasureFormMixin, FormView):
    permission = MEASURE_MANAGE

    @property
    def municipality(self):
        return self.measure.municipality

    def choosable_findings(self):
        """The findings of the walks the measure already covers a finding of."""
        walks = self.measure.findings.values("walk")
        return Finding.objects.filter(walk__in=walks)

    def get_initial(self):
        initial = {name: getattr(self.measure, name) for name in MeasureForm.base_fields}
        initial["findings"] = list(self.measure.findings.all())
        return initial

    def perform(self, form):
        fields = dict(form.cleaned_data)
        return measure_update(
            measure=self.measure, by=self.request.user, findings=fields.pop("findings"), **fields
        )

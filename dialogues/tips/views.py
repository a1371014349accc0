"""The coordinator's tip pages: the new tips on a list and a map, one tip with the tips near it
that may say the same, and the decisions (incident, measure, merge, close) and publication."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from est.access import PermissionRequiredMixin
from est.geojson import feature_collection
from est.models import Municipality
from est.municipalities import boundary_layer
from est.service_views import ServiceFormMixin, service_act
from est.stored_files import stored_file_response

from ..permissions import TIP_TRIAGE
from .forms import CloseDecisionForm, IncidentDecisionForm, MeasureDecisionForm, MergeDecisionForm
from .models import Tip, tip_duplicate_candidates, tip_map_labels
from .services import tip_close, tip_merge, tip_pass_as_measure, tip_publish, tip_record_as_incident

#: The four decisions on a tip: the form that parses each, and the service that takes it.
DECISIONS = {
    "incident": (IncidentDecisionForm, tip_record_as_incident),
    "measure": (MeasureDecisionForm, tip_pass_as_measure),
    "merge": (MergeDecisionForm, tip_merge),
    "close": (CloseDecisionForm, tip_close),
}


class TipQueue(PermissionRequiredMixin, TemplateView):
    """The tips of the user's municipalities, the new ones first, on a list and a map."""

    permission = TIP_TRIAGE
    template_name = "dialogues/tips/tip_queue.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status", Tip.Status.NEW)
        if status not in Tip.Status.values:
            status = Tip.Status.NEW
        tips = Tip.objects.for_user(self.request.user).filter(status=status)
        return super().get_context_data(
            tips=tips.select_related("municipality")[:500],
            status=status,
            statuses=Tip.Status.choices,
            map_data={
                "tips": feature_collection(tips, "position", ["category"]),
                "labels": tip_map_labels(),
                # The map shows where the user's municipalities are also with no tile server.
                "boundary": feature_collection(
                    Municipality.objects.for_user(self.request.user), "boundary", ["name"]
                ),
            },
            **kwargs,
        )


class TipScopedMixin(PermissionRequiredMixin):
    """Finds ``self.tip`` from the URL among the tips of the user's municipalities, else 404."""

    permission = TIP_TRIAGE

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.tip = get_object_or_404(
                Tip.objects.for_user(request.user).select_related(
                    "municipality", "incident", "measure", "merged_into"
                ),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)


class TipDetail(TipScopedMixin, TemplateView):
    template_name = "dialogues/tips/tip_detail.html"

    def get_context_data(self, **kwargs):
        tip = self.tip
        nearby = tip_duplicate_candidates(tip)
        forms = {
            decision: form_class(tip=tip) for decision, (form_class, _service) in DECISIONS.items()
        }
        forms.update(kwargs.pop("forms", {}))
        return super().get_context_data(
            tip=tip,
            nearby=nearby,
            forms=forms,
            map_data={
                "tip": feature_collection(Tip.objects.filter(pk=tip.pk), "position", ["category"]),
                "nearby": feature_collection(nearby, "position", ["category", "status"]),
                "labels": tip_map_labels(),
                **boundary_layer(tip.municipality),
            },
            **kwargs,
        )


class TipDecide(TipScopedMixin, ServiceFormMixin, FormView):
    """One of the four decisions on a tip; a refusal shows the tip page again with the form's
    errors and everything typed."""

    def dispatch(self, request, *args, **kwargs):
        if kwargs["decision"] not in DECISIONS:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return redirect("tip_detail", pk=kwargs["pk"])

    def get_form_class(self):
        return DECISIONS[self.kwargs["decision"]][0]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "tip": self.tip}

    def get_context_data(self, **kwargs):
        page = TipDetail(request=self.request, kwargs=self.kwargs)
        page.tip = self.tip
        return page.get_context_data(
            forms={self.kwargs["decision"]: kwargs["form"]}, refused=kwargs["form"]
        )

    template_name = TipDetail.template_name

    def render_to_response(self, context, **response_kwargs):
        return super().render_to_response(context, status=400, **response_kwargs)

    def perform(self, form):
        service = DECISIONS[self.kwargs["decision"]][1]
        return service(tip=self.tip, by=self.request.user, **form.cleaned_data)

    def performed(self, form, tip):
        messages.success(
            self.request, _("The tip is now: %(status)s.") % {"status": tip.get_status_display()}
        )
        return redirect("tip_detail", pk=tip.pk)


class TipPublish(TipScopedMixin, View):
    """Show the tip on the public map, or take it off."""

    def post(self, request, pk):
        published = request.POST.get("published") == "1"
        service_act(
            request,
            lambda: tip_publish(tip=self.tip, by=request.user, published=published),
            success=_("The tip is shown on the public map.")
            if published
            else _("The tip is no longer shown on the public map."),
        )
        return redirect("tip_detail", pk=pk)


class TipPhoto(TipScopedMixin, View):
    """The tip's photo, for those who triage the tip's municipality (else 404)."""

    def get(self, request, pk):
        return stored_file_response(self.tip.photo, content_type="image/jpeg")

"""The planner's pages of the safety walks: the list, planning, announcing and cancelling."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from est.access import PermissionRequiredMixin
from est.models import Municipality
from est.municipalities import boundary_layer
from est.roles import has_permission
from est.service_views import ServiceFormMixin, service_act
from est.views import MunicipalityScopedMixin

from ..permissions import WALK_PLAN, WALK_RECORD
from .forms import CancelForm, WalkForm
from .models import SafetyWalk
from .services import (
    safety_walk_cancel,
    safety_walk_create,
    safety_walk_publish,
    safety_walk_update,
)


class WalkList(PermissionRequiredMixin, TemplateView):
    """The walks of the user's municipalities: planners plan them here, and everyone who walks
    finds the page to record on."""

    permission = WALK_RECORD
    template_name = "dialogues/walks/walk_list.html"

    def get_context_data(self, **kwargs):
        municipalities = Municipality.objects.for_user(self.request.user).defer("boundary")
        walks = SafetyWalk.objects.for_user(self.request.user).select_related("municipality")
        return super().get_context_data(
            municipalities=[
                (m, [w for w in walks if w.municipality_id == m.pk]) for m in municipalities
            ],
            can_plan=has_permission(self.request.user, WALK_PLAN),
            **kwargs,
        )


class WalkScopedMixin(PermissionRequiredMixin):
    """Finds ``self.walk`` from the URL among the planner's municipalities' walks, else 404."""

    permission = WALK_PLAN

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.walk = get_object_or_404(
                SafetyWalk.objects.for_user(request.user).select_related("municipality"),
                pk=kwargs["pk"],
            )
            self.municipality = self.walk.municipality
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(walk=self.walk, municipality=self.municipality, **kwargs)


class WalkFormMixin(ServiceFormMixin):
    """The planning form with the municipality's boundary on its maps."""

    form_class = WalkForm
    template_name = "dialogues/walks/walk_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "municipality": self.municipality}

    def get_context_data(self, **kwargs):
        return super().get_context_data(map_context=boundary_layer(self.municipality), **kwargs)

    def performed(self, form, walk):
        messages.success(self.request, _("The walk is saved."))
        return redirect("walk_detail", pk=walk.pk)


class WalkCreate(MunicipalityScopedMixin, WalkFormMixin, FormView):
    permission = WALK_PLAN

    def perform(self, form):
        fields = dict(form.cleaned_data)
        return safety_walk_create(
            municipality=self.municipality,
            by=self.request.user,
            partners=fields.pop("partners"),
            **fields,
        )


class WalkUpdate(WalkScopedMixin, WalkFormMixin, FormView):
    def get_initial(self):
        walk = self.walk
        initial = {name: getattr(walk, name) for name in WalkForm.base_fields}
        initial["partners"] = list(walk.partners.all())
        return initial

    def perform(self, form):
        fields = dict(form.cleaned_data)
        return safety_walk_update(
            walk=self.walk, by=self.request.user, partners=fields.pop("partners"), **fields
        )


class WalkDetail(WalkScopedMixin, TemplateView):
    template_name = "dialogues/walks/walk_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(partners=self.walk.partners.all(), **kwargs)


class WalkPublish(WalkScopedMixin, View):
    """Announce the walk on the public site and in the calendar feed."""

    def post(self, request, pk):
        service_act(
            request,
            lambda: safety_walk_publish(walk=self.walk, by=request.user),
            success=gettext_lazy("The walk is announced on the public site."),
        )
        return redirect("walk_detail", pk=self.walk.pk)


class WalkCancel(WalkScopedMixin, ServiceFormMixin, FormView):
    form_class = CancelForm
    template_name = "dialogues/walks/walk_cancel.html"

    def perform(self, form):
        return safety_walk_cancel(
            walk=self.walk, by=self.request.user, reason=form.cleaned_data["reason"]
        )

    def performed(self, form, walk):
        messages.success(self.request, _("The walk is cancelled; the public page says why."))
        return redirect("walk_detail", pk=walk.pk)

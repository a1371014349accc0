"""The coordinator's pages of the citizen dialogues: the occasions, planning, announcing and
cancelling one, and afterwards the attendance, notes and views heard."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from est.access import PermissionRequiredMixin
from est.forms import form_map_widgets_allow_scripts
from est.models import Municipality
from est.municipalities import boundary_layer
from est.service_views import REFUSED, ServiceFormMixin, service_act, service_form_call
from est.views import MunicipalityScopedMixin

from ..permissions import DIALOGUE_MANAGE
from .forms import AttendanceForm, OccasionCancelForm, OccasionForm, ViewForm
from .models import DialogueOccasion, DialogueView
from .services import (
    dialogue_attendance_set,
    dialogue_occasion_cancel,
    dialogue_occasion_create,
    dialogue_occasion_publish,
    dialogue_occasion_update,
    dialogue_view_delete,
    dialogue_view_record,
)
from .themes import dialogue_themes


class OccasionList(PermissionRequiredMixin, TemplateView):
    """The occasions of the coordinator's municipalities, newest first, with their themes."""

    permission = DIALOGUE_MANAGE
    template_name = "dialogues/dialogue/occasion_list.html"

    def get_context_data(self, **kwargs):
        municipalities = Municipality.objects.for_user(self.request.user).defer("boundary")
        occasions = (
            DialogueOccasion.objects.for_user(self.request.user)
            .select_related("municipality")
            .order_by("-starts_at")
        )
        return super().get_context_data(
            municipalities=[
                (m, [o for o in occasions if o.municipality_id == m.pk]) for m in municipalities
            ],
            year=timezone.localdate().year,
            **kwargs,
        )


class OccasionScopedMixin(PermissionRequiredMixin):
    """Finds ``self.occasion`` from the URL among the user's municipalities' occasions, else
    404."""

    permission = DIALOGUE_MANAGE

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.occasion = get_object_or_404(
                DialogueOccasion.objects.for_user(request.user).select_related("municipality"),
                pk=kwargs["pk"],
            )
            self.municipality = self.occasion.municipality
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            occasion=self.occasion, municipality=self.municipality, **kwargs
        )


class OccasionFormMixin(ServiceFormMixin):
    """The planning form with the municipality's boundary on its map."""

    form_class = OccasionForm
    template_name = "dialogues/dialogue/occasion_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "municipality": self.municipality}

    def get_context_data(self, **kwargs):
        return super().get_context_data(map_context=boundary_layer(self.municipality), **kwargs)

    def performed(self, form, occasion):
        messages.success(self.request, _("The occasion is saved."))
        return redirect("occasion_detail", pk=occasion.pk)


class OccasionCreate(MunicipalityScopedMixin, OccasionFormMixin, FormView):
    permission = DIALOGUE_MANAGE

    def perform(self, form):
        fields = dict(form.cleaned_data)
        return dialogue_occasion_create(
            municipality=self.municipality,
            by=self.request.user,
            partners=fields.pop("partners"),
            **fields,
        )


class OccasionUpdate(OccasionScopedMixin, OccasionFormMixin, FormView):
    def get_initial(self):
        initial = {name: getattr(self.occasion, name) for name in OccasionForm.base_fields}
        initial["partners"] = list(self.occasion.partners.all())
        return initial

    def perform(self, form):
        fields = dict(form.cleaned_data)
        return dialogue_occasion_update(
            occasion=self.occasion,
            by=self.request.user,
            partners=fields.pop("partners"),
            **fields,
        )


class OccasionDetail(OccasionScopedMixin, TemplateView):
    """The occasion with its plan, and once held its attendance, notes and views, each with
    its form; a refused form comes back here with what was typed."""

    template_name = "dialogues/dialogue/occasion_detail.html"

    def get_context_data(self, *, attendance_form=None, view_form=None, **kwargs):
        occasion = self.occasion
        counts = {row.group: row.count for row in occasion.attendance.all()}
        view_form = view_form or ViewForm(themes=dialogue_themes(self.municipality))
        form_map_widgets_allow_scripts(view_form, self.request)
        initial = {f"group_{group}": count for group, count in counts.items()}
        return super().get_context_data(
            partners=occasion.partners.all(),
            views=occasion.views.select_related("theme"),
            held=not occasion.is_cancelled and occasion.starts_at <= timezone.now(),
            attendance_total=sum(counts.values()),
            attendance_form=attendance_form
            or AttendanceForm(initial={**initial, "notes": occasion.notes}),
            view_form=view_form,
            map_context=boundary_layer(self.municipality),
            **kwargs,
        )

    def post(self, request, pk):
        if "attendance" in request.POST:
            return self._attendance(request)
        form = ViewForm(request.POST, themes=dialogue_themes(self.municipality))
        if form.is_valid():
            view = service_form_call(
                form,
                lambda: dialogue_view_record(
                    occasion=self.occasion, by=request.user, **form.cleaned_data
                ),
            )
            if view is not REFUSED:
                messages.success(request, _("The view is recorded."))
                return redirect("occasion_detail", pk=pk)
        return self.render_to_response(self.get_context_data(view_form=form), status=400)

    def _attendance(self, request):
        form = AttendanceForm(request.POST)
        if form.is_valid():
            saved = service_form_call(
                form,
                lambda: dialogue_attendance_set(
                    occasion=self.occasion,
                    by=request.user,
                    counts=form.counts(),
                    notes=form.cleaned_data["notes"],
                ),
            )
            if saved is not REFUSED:
                messages.success(request, _("The attendance and notes are saved."))
                return redirect("occasion_detail", pk=self.occasion.pk)
        return self.render_to_response(self.get_context_data(attendance_form=form), status=400)


class OccasionPublish(OccasionScopedMixin, View):
    """Announce the occasion on the public site and in the events calendar."""

    def post(self, request, pk):
        service_act(
            request,
            lambda: dialogue_occasion_publish(occasion=self.occasion, by=request.user),
            success=gettext_lazy("The occasion is announced on the public site."),
        )
        return redirect("occasion_detail", pk=pk)


class OccasionCancel(OccasionScopedMixin, ServiceFormMixin, FormView):
    form_class = OccasionCancelForm
    template_name = "dialogues/dialogue/occasion_cancel.html"

    def perform(self, form):
        return dialogue_occasion_cancel(
            occasion=self.occasion, by=self.request.user, reason=form.cleaned_data["reason"]
        )

    def performed(self, form, occasion):
        messages.success(self.request, _("The occasion is cancelled; the public page says why."))
        return redirect("occasion_detail", pk=occasion.pk)


class ViewDelete(OccasionScopedMixin, View):
    """Delete a view recorded by mistake."""

    def post(self, request, pk, view):
        recorded = get_object_or_404(DialogueView.objects.filter(occasion=self.occasion), pk=view)
        service_act(
            request,
            lambda: dialogue_view_delete(view=recorded, by=request.user),
            success=gettext_lazy("The view is deleted."),
        )
        return redirect("occasion_detail", pk=pk)

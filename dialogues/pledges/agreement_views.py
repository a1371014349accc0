"""Pages of the cooperation agreement with the police: a municipality's agreements with their
commitments, read by staff who read pledges and written by the coordinator and the police."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from est.access import PermissionRequiredMixin
from est.roles import has_permission
from est.service_views import ServiceFormMixin
from est.views import MunicipalityScopedMixin

from ..permissions import AGREEMENT_EDIT, PLEDGE_VIEW
from .agreements import agreement_create, agreement_update, commitment_save
from .forms import AgreementForm, CommitmentForm
from .models import AgreementCommitment, CooperationAgreement


class AgreementList(MunicipalityScopedMixin, TemplateView):
    permission = PLEDGE_VIEW
    template_name = "dialogues/pledges/agreements.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            agreements=CooperationAgreement.objects.for_municipality(
                self.municipality
            ).prefetch_related("commitments"),
            can_edit=has_permission(self.request.user, AGREEMENT_EDIT),
            **kwargs,
        )


class AgreementFormView(ServiceFormMixin, FormView):
    """A form of the agreement pages; saved, it goes back to the municipality's agreements."""

    permission = AGREEMENT_EDIT
    template_name = "dialogues/pledges/form.html"
    heading = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.heading,
            submit_label=_("Save"),
            cancel_url=self.list_url(),
            **kwargs,
        )

    def list_url(self) -> str:
        return reverse("agreement_list", kwargs={"code": self.municipality.code})

    def performed(self, form, saved):
        messages.success(self.request, _("Saved."))
        return redirect(self.list_url())


class AgreementCreate(MunicipalityScopedMixin, AgreementFormView):
    form_class = AgreementForm
    heading = gettext_lazy("Record a cooperation agreement")

    def perform(self, form):
        return agreement_create(
            municipality=self.municipality, by=self.request.user, **form.cleaned_data
        )


class AgreementScopedMixin(PermissionRequiredMixin):
    """Finds ``self.agreement`` among the user's municipalities' agreements, else 404."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.agreement = get_object_or_404(
                CooperationAgreement.objects.for_user(request.user).select_related("municipality"),
                pk=kwargs["pk"],
            )
            self.municipality = self.agreement.municipality
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(municipality=self.municipality, **kwargs)


class AgreementUpdate(AgreementScopedMixin, AgreementFormView):
    form_class = AgreementForm
    heading = gettext_lazy("Change the cooperation agreement")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.agreement}

    def perform(self, form):
        return agreement_update(agreement=self.agreement, by=self.request.user, **form.cleaned_data)


class CommitmentSave(AgreementScopedMixin, AgreementFormView):
    """A new commitment of the agreement, or (with ``commitment`` in the URL) a change of one."""

    form_class = CommitmentForm
    heading = gettext_lazy("A commitment of the agreement")

    def dispatch(self, request, *args, **kwargs):
        self.commitment = None
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        if "commitment" in self.kwargs:
            self.commitment = get_object_or_404(
                AgreementCommitment, agreement=self.agreement, pk=self.kwargs["commitment"]
            )
        return {**super().get_form_kwargs(), "instance": self.commitment}

    def perform(self, form):
        return commitment_save(
            agreement=self.agreement,
            commitment=self.commitment,
            by=self.request.user,
            **form.cleaned_data,
        )

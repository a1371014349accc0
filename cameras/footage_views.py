"""Footage the municipality holds: saving it, legal holds, and disclosures to the police."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from cameras import services
from cameras.forms import (
    DisclosureForm,
    FootageForm,
    LegalHoldForm,
    LegalHoldReleaseForm,
)
from cameras.models import (
    DeletionReceipt,
    Disclosure,
    Footage,
    LegalHold,
)
from cameras.permissions import CAMERA_DISCLOSURE_VIEW, CAMERA_MANAGE
from cameras.view_mixins import CameraScopedMixin, CameraServiceFormMixin
from est.access import PermissionRequiredMixin
from est.access_log import AccessKind, access_record
from est.roles import has_permission
from est.stored_files import stored_file_response


class FootageScopedMixin(PermissionRequiredMixin):
    """Finds ``self.footage`` from the URL among the user's footage, else 404."""

    permission = CAMERA_MANAGE

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.footage = get_object_or_404(
                Footage.objects.for_user(request.user).with_hold().select_related("camera"),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(footage=self.footage, camera=self.footage.camera, **kwargs)

    def get_success_url_for(self, saved):
        return reverse("cameras:footage_detail", args=[self.footage.pk])


class FootageCreate(CameraScopedMixin, CameraServiceFormMixin, FormView):
    form_class = FootageForm
    template_name = "cameras/footage_form.html"
    success_message = gettext_lazy("The footage is saved. It will be deleted at its purge time.")

    def perform(self, form):
        return services.footage_create(
            camera=self.camera, by=self.request.user, **form.cleaned_data
        )

    def get_success_url_for(self, footage):
        return reverse("cameras:footage_detail", args=[footage.pk])


class FootageDetail(FootageScopedMixin, TemplateView):
    template_name = "cameras/footage_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            holds=self.footage.holds.select_related("set_by", "released_by"),
            disclosures=self.footage.disclosures.select_related("handed_over_by"),
            receipt=DeletionReceipt.objects.filter(footage=self.footage).first(),
            hold_form=LegalHoldForm(),
            disclosure_form=DisclosureForm(initial={"disclosed_on": timezone.localdate()}),
            **kwargs,
        )


class FootageDownload(FootageScopedMixin, View):
    def get(self, request, pk):
        if self.footage.is_purged:
            raise Http404
        # Opened before the access is logged: a clip that is not there is not read.
        response = stored_file_response(self.footage.file, as_attachment=True)
        access_record(
            request=request,
            kind=AccessKind.FOOTAGE,
            target=self.footage,
            municipalities=[self.footage.camera.municipality],
        )
        return response


class LegalHoldCreate(FootageScopedMixin, CameraServiceFormMixin, FormView):
    form_class = LegalHoldForm
    template_name = "cameras/legal_hold_form.html"
    success_message = gettext_lazy(
        "The legal hold is set: the footage is kept until it is released."
    )

    def perform(self, form):
        return services.legal_hold_set(
            footage=self.footage, by=self.request.user, **form.cleaned_data
        )


class LegalHoldRelease(PermissionRequiredMixin, CameraServiceFormMixin, FormView):
    permission = CAMERA_MANAGE
    form_class = LegalHoldReleaseForm
    template_name = "cameras/legal_hold_release.html"
    success_message = gettext_lazy("The legal hold is released.")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.hold = get_object_or_404(
                LegalHold.objects.filter(footage__in=Footage.objects.for_user(request.user)),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(hold=self.hold, **kwargs)

    # The service names the field after the model's; the form calls it "reason".
    service_error_fields = {"release_reason": "reason"}

    def perform(self, form):
        return services.legal_hold_release(
            hold=self.hold, by=self.request.user, reason=form.cleaned_data["reason"]
        )

    def get_success_url_for(self, hold):
        return reverse("cameras:footage_detail", args=[hold.footage_id])


class DisclosureCreate(FootageScopedMixin, CameraServiceFormMixin, FormView):
    form_class = DisclosureForm
    template_name = "cameras/disclosure_form.html"
    success_message = gettext_lazy("The disclosure %(name)s is recorded.")

    def perform(self, form):
        return services.disclosure_record(
            footage=self.footage, by=self.request.user, **form.cleaned_data
        )


class DisclosureList(PermissionRequiredMixin, ListView):
    permission = CAMERA_DISCLOSURE_VIEW
    template_name = "cameras/disclosure_list.html"
    paginate_by = 100

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_manage=has_permission(self.request.user, CAMERA_MANAGE), **kwargs
        )

    def get_queryset(self):
        return Disclosure.objects.for_user(self.request.user).select_related(
            "footage__camera__municipality", "handed_over_by"
        )

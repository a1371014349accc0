"""Oversight of the register: the purges, the compliance list, and data subject requests."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from cameras import services
from cameras.compliance import register_findings
from cameras.forms import (
    DataSubjectRequestForm,
    DataSubjectRequestStatusForm,
)
from cameras.models import (
    Camera,
    DataSubjectRequest,
    DeletionReceipt,
    Footage,
)
from cameras.permissions import CAMERA_MANAGE
from cameras.view_mixins import CameraServiceFormMixin
from est.access import PermissionRequiredMixin
from est.access_log import AccessKind, access_record
from est.models import Municipality


class PurgeDashboard(PermissionRequiredMixin, TemplateView):
    permission = CAMERA_MANAGE
    template_name = "cameras/purge_dashboard.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        now = timezone.now()
        footage = Footage.objects.for_user(user).select_related("camera")
        return super().get_context_data(
            now=now,
            overdue=footage.overdue(now),
            failing=footage.failing().with_hold(),
            held=footage.kept().with_hold().filter(on_hold=True),
            upcoming=footage.upcoming(now).filter(on_hold=False)[:20],
            receipts=DeletionReceipt.objects.filter(
                camera__in=Camera.objects.for_user(user)
            ).select_related("camera")[:20],
            **kwargs,
        )


class ComplianceList(PermissionRequiredMixin, TemplateView):
    permission = CAMERA_MANAGE
    template_name = "cameras/compliance.html"

    def get_context_data(self, **kwargs):
        cameras = Camera.objects.for_user(self.request.user).select_related("municipality")
        return super().get_context_data(
            findings=register_findings(cameras, today=timezone.localdate()), **kwargs
        )


class DataSubjectRequestList(PermissionRequiredMixin, CameraServiceFormMixin, FormView):
    permission = CAMERA_MANAGE
    form_class = DataSubjectRequestForm
    template_name = "cameras/request_list.html"
    success_message = gettext_lazy("The request %(name)s is logged.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        return {"received_on": timezone.localdate()}

    def get(self, request, *args, **kwargs):
        # The list names the people who asked: a read the access log keeps.
        access_record(
            request=request,
            kind=AccessKind.DATA_SUBJECT_REQUEST,
            target=str(DataSubjectRequest._meta.verbose_name_plural),
            municipalities=Municipality.objects.for_user(request.user).filter(
                pk__in=DataSubjectRequest.objects.for_user(request.user).values("municipality")
            ),
        )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            requests=DataSubjectRequest.objects.for_user(self.request.user)
            .select_related("municipality")
            .prefetch_related("cameras"),
            today=timezone.localdate(),
            **kwargs,
        )

    def perform(self, form):
        data = dict(form.cleaned_data)
        return services.data_subject_request_create(by=self.request.user, **data)

    def get_success_url_for(self, request):
        return reverse("cameras:request_list")


class DataSubjectRequestUpdate(PermissionRequiredMixin, CameraServiceFormMixin, FormView):
    permission = CAMERA_MANAGE
    form_class = DataSubjectRequestStatusForm
    template_name = "cameras/request_form.html"
    success_message = gettext_lazy("The request %(name)s is updated.")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.object = get_object_or_404(
                DataSubjectRequest.objects.for_user(request.user), pk=kwargs["pk"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        access_record(request=request, kind=AccessKind.DATA_SUBJECT_REQUEST, target=self.object)
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        # A copy, so that a rejected form does not change the object shown on the page.
        instance = DataSubjectRequest.objects.get(pk=self.object.pk)
        return {**super().get_form_kwargs(), "instance": instance}

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, **kwargs)

    def perform(self, form):
        return services.data_subject_request_update(request=self.object, **form.cleaned_data)

    def get_success_url_for(self, request):
        return reverse("cameras:request_list")

"""Oversight of the register: the purges and the compliance list."""

from django.utils import timezone
from django.views.generic import TemplateView

from cameras.compliance import register_findings
from cameras.models import (
    Camera,
    DeletionReceipt,
    Footage,
)
from cameras.permissions import CAMERA_MANAGE
from est.access import PermissionRequiredMixin


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

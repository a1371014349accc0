"""What the camera pages share: saving a form through one service, and finding the camera in
the URL among the user's cameras."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect

from cameras.models import (
    Camera,
)
from cameras.permissions import CAMERA_MANAGE
from est.access import PermissionRequiredMixin
from est.service_views import ServiceFormMixin


class CameraServiceFormMixin(ServiceFormMixin):
    """Saves a valid form through ``perform(form)``, then says so and shows what was saved."""

    success_message = ""

    def performed(self, form, saved):
        if self.success_message:
            messages.success(self.request, self.success_message % {"name": saved})
        return redirect(self.get_success_url_for(saved))


class CameraScopedMixin(PermissionRequiredMixin):
    """Finds ``self.camera`` from the URL among the user's cameras, else 404."""

    permission = CAMERA_MANAGE

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.camera = get_object_or_404(
                Camera.objects.for_user(request.user).select_related("municipality"),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(camera=self.camera, **kwargs)

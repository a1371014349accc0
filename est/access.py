"""How views declare who may use them. Each view names one permission from est.roles."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission

from .roles import has_permission


class PermissionRequiredMixin(LoginRequiredMixin):
    """Lets logged-in users whose role holds ``permission`` through; others get 403."""

    permission: str

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not has_permission(request.user, self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class HasPermission(BasePermission):
    """API counterpart of PermissionRequiredMixin: the view's ``permission`` attribute decides."""

    def has_permission(self, request, view):
        return has_permission(request.user, view.permission)

"""Searching the access log: coordinators and data protection officers, for their
municipalities."""

from django.conf import settings
from django.views.generic import ListView

from .access import PermissionRequiredMixin
from .access_log import AccessEntry
from .forms import AccessLogSearchForm
from .roles import ACCESS_LOG_VIEW


class AccessLogSearch(PermissionRequiredMixin, ListView):
    permission = ACCESS_LOG_VIEW
    template_name = "est/access_log/search.html"
    paginate_by = 50

    def get_queryset(self):
        self.form = AccessLogSearchForm(self.request.GET or None, user=self.request.user)
        entries = AccessEntry.objects.for_user(self.request.user).select_related("municipality")
        if self.form.is_bound and not self.form.is_valid():
            return entries.none()
        return entries.matching(**self.form.cleaned_data) if self.form.is_bound else entries

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            form=self.form,
            query=query.urlencode(),
            retention_days=settings.ACCESS_LOG_RETENTION.days,
            **kwargs,
        )

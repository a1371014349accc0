"""The coordinator merges a likely duplicate into the incident on screen."""

from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from est.service_views import service_act
from reports.incidents.duplicates import incident_merge
from reports.incidents.views import ScopedIncidentMixin
from reports.permissions import INCIDENT_TRIAGE


class IncidentMerge(ScopedIncidentMixin, View):
    permission = INCIDENT_TRIAGE

    def post(self, request, pk, duplicate_pk):
        keep = get_object_or_404(self.get_queryset(), pk=pk)
        duplicate = get_object_or_404(self.get_queryset(), pk=duplicate_pk)
        service_act(
            request,
            lambda: incident_merge(keep=keep, duplicate=duplicate, by=request.user),
            success=_("The duplicate was merged into this incident."),
        )
        return redirect("incident_detail", pk=keep.pk)

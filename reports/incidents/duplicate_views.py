"""The coordinator merges a likely duplicate into the incident on screen."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from reports.incidents.duplicates import incident_merge
from reports.incidents.views import ScopedIncidentMixin


class IncidentMerge(ScopedIncidentMixin, View):
    permission = "incident.triage"

    def post(self, request, pk, duplicate_pk):
        keep = get_object_or_404(self.get_queryset(), pk=pk)
        duplicate = get_object_or_404(self.get_queryset(), pk=duplicate_pk)
        try:
            incident_merge(keep=keep, duplicate=duplicate, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The duplicate was merged into this incident."))
        return redirect("incident_detail", pk=keep.pk)

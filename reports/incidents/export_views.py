"""Exports written in the background: asking for one, its page with the progress and the
download link, and the download, only ever for the user who asked."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views import View
from django.views.generic import DetailView

from est.access import PermissionRequiredMixin
from est.access_log import AccessKind, access_record
from est.models import Municipality
from est.service_views import REFUSED, service_act
from est.stored_files import stored_file_response
from reports.incidents.export_jobs import (
    QUERY_MAX_LENGTH,
    export_progress,
    incident_export_create,
)
from reports.incidents.models import IncidentExport
from reports.permissions import INCIDENT_VIEW


class ExportStart(PermissionRequiredMixin, View):
    """Ask for the export of the list's filter (``query``) as ``format``, written in the
    background; on to the export's page."""

    permission = INCIDENT_VIEW

    def post(self, request):
        export = service_act(
            request,
            lambda: incident_export_create(
                by=request.user,
                format=request.POST.get("format", ""),
                query=request.POST.get("query", ""),
            ),
        )
        if export is REFUSED:
            # Back to the list as it was filtered, so that nothing chosen there is lost.
            query = request.POST.get("query", "")[:QUERY_MAX_LENGTH]
            return redirect(reverse("incident_list") + (f"?{query}" if query else ""))
        return redirect("incident_export_detail", pk=export.pk)


class OwnExports(PermissionRequiredMixin):
    """The exports the user asked for; anyone else's is a 404."""

    permission = INCIDENT_VIEW

    def get_queryset(self):
        return IncidentExport.objects.for_user(self.request.user)


class ExportDetail(OwnExports, DetailView):
    """The export's page: its progress while it is written, then the download link."""

    template_name = "reports/incidents/exports/detail.html"
    context_object_name = "export"

    def get_context_data(self, **kwargs):
        running = self.object.status in IncidentExport.RUNNING
        kept_hours = int(settings.EXPORT_KEPT.total_seconds() // 3600)
        return super().get_context_data(running=running, kept_hours=kept_hours, **kwargs)


class ExportProgress(OwnExports, View):
    """The export's status and progress as JSON, for its page's progress bar."""

    def get(self, request, pk):
        export = get_object_or_404(self.get_queryset(), pk=pk)
        return JsonResponse(
            {
                "status": export.status,
                "running": export.status in IncidentExport.RUNNING,
                **export_progress(export.pk),
            }
        )


class ExportDownload(OwnExports, View):
    """The export's file, recorded in the access log (it holds the incidents' descriptions)."""

    def get(self, request, pk):
        export = get_object_or_404(self.get_queryset(), pk=pk, status=IncidentExport.Status.READY)
        # Opened before the access is logged: a file no longer kept is not found, and not read.
        response = stored_file_response(export.file, as_attachment=True, filename=export.filename)
        access_record(
            request=request,
            kind=AccessKind.EXPORT,
            target=export.filename,
            municipalities=Municipality.objects.filter(pk__in=export.municipality_ids),
        )
        return response

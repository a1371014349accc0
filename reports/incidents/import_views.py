"""Importing incidents from a file: upload, a preview of the rows with errors, confirm; the
check and the writing run in the background, and the import page shows their progress."""

from django import forms
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView

from est.access import PermissionRequiredMixin
from est.models import Municipality
from est.service_views import ServiceFormMixin, service_act
from est.views import MunicipalityScopedMixin
from reports.incidents.import_jobs import incident_import_confirm, incident_import_create
from reports.incidents.import_runs import import_progress
from reports.incidents.models import IncidentImport
from reports.permissions import INCIDENT_IMPORT


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy(
            "CSV, Excel (.xlsx) or GeoJSON, with a first row naming the columns, as in an "
            "export. At most 200 MB and 1,000,000 rows."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx,.geojson,.json"}),
    )


class ImportStart(PermissionRequiredMixin, TemplateView):
    """Which municipality to import into; straight on when the user has only one."""

    permission = INCIDENT_IMPORT
    template_name = "reports/incidents/imports/start.html"

    def get(self, request, *args, **kwargs):
        municipalities = list(Municipality.objects.for_user(request.user).defer("boundary"))
        if len(municipalities) == 1:
            return redirect("incident_import_upload", code=municipalities[0].code)
        return self.render_to_response(self.get_context_data(municipalities=municipalities))


class ImportUpload(MunicipalityScopedMixin, ServiceFormMixin, FormView):
    """Upload a file: it is stored and checked, and the preview shows what would be imported."""

    permission = INCIDENT_IMPORT
    template_name = "reports/incidents/imports/upload.html"
    form_class = ImportForm

    def perform(self, form):
        return incident_import_create(
            municipality=self.municipality, upload=form.cleaned_data["file"], by=self.request.user
        )

    def performed(self, form, incident_import):
        return redirect("incident_import_preview", pk=incident_import.pk)


class ImportedFiles(PermissionRequiredMixin):
    """The imports of the municipalities the user may see; any other is a 404."""

    permission = INCIDENT_IMPORT

    def get_queryset(self):
        return IncidentImport.objects.for_user(self.request.user).select_related("municipality")


class ImportPreview(ImportedFiles, DetailView):
    """The import's page: the progress of its check or writing while they run, then what the
    check found (the rows with errors, or the first rows) and the confirmation."""

    template_name = "reports/incidents/imports/preview.html"
    context_object_name = "incident_import"

    def get_context_data(self, **kwargs):
        listed = self.object.listed_rows
        shown = self.object.error_count or self.object.row_count
        return super().get_context_data(
            rows=listed,
            running=self.object.status in IncidentImport.RUNNING,
            failed_count=self.object.error_count,
            row_count=self.object.row_count,
            hidden_count=max(shown - len(listed), 0),
            **kwargs,
        )


class ImportProgress(ImportedFiles, View):
    """The import's status and progress as JSON, for the import page's progress bar."""

    def get(self, request, pk):
        incident_import = get_object_or_404(self.get_queryset(), pk=pk)
        return JsonResponse(
            {
                "status": incident_import.status,
                "running": incident_import.status in IncidentImport.RUNNING,
                **import_progress(incident_import.pk),
            }
        )


class ImportConfirm(ImportedFiles, View):
    """Start writing every row of the checked file, or none."""

    def post(self, request, pk):
        incident_import = get_object_or_404(self.get_queryset(), pk=pk)
        service_act(
            request,
            lambda: incident_import_confirm(incident_import=incident_import, by=request.user),
            success=_("The import has started. You may leave this page and come back."),
        )
        return redirect("incident_import_preview", pk=pk)

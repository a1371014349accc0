"""Importing incidents from a file: upload, a preview of every row with its errors, confirm."""

from django import forms
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView

from est.access import PermissionRequiredMixin
from est.models import Municipality
from est.service_views import REFUSED, ServiceFormMixin, service_act
from est.views import MunicipalityScopedMixin
from reports.incidents.imports import (
    incident_import_confirm,
    incident_import_create,
    incident_import_preview,
)
from reports.incidents.models import IncidentImport
from reports.permissions import INCIDENT_IMPORT

#: The preview lists at most this many rows: those with errors first.
PREVIEW_ROWS = 200


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy(
            "CSV, Excel (.xlsx) or GeoJSON, with a first row naming the columns, as in an "
            "export. At most 50 MB and 200,000 rows."
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


class ImportPreview(PermissionRequiredMixin, DetailView):
    """Every row of the stored file, validated again, with its errors next to it."""

    permission = INCIDENT_IMPORT
    template_name = "reports/incidents/imports/preview.html"
    context_object_name = "incident_import"

    def get_queryset(self):
        return IncidentImport.objects.for_user(self.request.user).select_related("municipality")

    def get_context_data(self, **kwargs):
        rows = incident_import_preview(self.object)
        failed = [row for row in rows if row.errors]
        shown = (failed or rows)[:PREVIEW_ROWS]
        return super().get_context_data(
            rows=shown,
            failed_count=len(failed),
            row_count=len(rows),
            hidden_count=len(failed or rows) - len(shown),
            **kwargs,
        )


class ImportConfirm(PermissionRequiredMixin, View):
    """Write every row of the previewed file, or none."""

    permission = INCIDENT_IMPORT

    def post(self, request, pk):
        incident_import = get_object_or_404(IncidentImport.objects.for_user(request.user), pk=pk)
        count = service_act(
            request,
            lambda: incident_import_confirm(incident_import=incident_import, by=request.user),
            success=lambda count: (
                _("%(count)d incidents were imported into %(municipality)s.")
                % {"count": count, "municipality": incident_import.municipality.name}
            ),
        )
        if count is REFUSED:
            return redirect("incident_import_preview", pk=pk)
        return redirect(reverse("incident_list") + "?source=import")

"""The incidents a user may read, filtered by one filter in the URL: the list, the map's data and
the exports."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.views import View
from django_filters.views import FilterView

from est.access import PermissionRequiredMixin
from est.access_log import AccessKind, access_record
from est.models import Municipality
from reports.incidents.export_copy import csv_chunks, geojson_chunks
from reports.incidents.export_workbook import excel_file
from reports.incidents.filters import IncidentFilter
from reports.incidents.map_cells import cell_selection
from reports.incidents.map_data import map_data, map_view_from
from reports.incidents.map_etags import map_etag
from reports.incidents.models import Incident
from reports.incidents.pagination import CappedPaginator
from reports.incidents.views import municipalities_map_layer
from reports.permissions import (
    INCIDENT_VIEW,
)


class FilteredIncidentsMixin(PermissionRequiredMixin):
    """The coordinators' incidents, narrowed by IncidentFilter from the URL's query string."""

    permission = INCIDENT_VIEW
    filterset_class = IncidentFilter

    def filtered(self):
        queryset = Incident.objects.for_user(self.request.user)
        self.filterset = IncidentFilter(
            self.request.GET or None, queryset=queryset, request=self.request
        )
        if self.filterset.is_bound and not self.filterset.is_valid():
            return queryset.none()
        return self.filterset.qs


class IncidentList(FilteredIncidentsMixin, FilterView):
    """The filtered incidents as a list and a map, with the export of the same selection."""

    template_name = "reports/incidents/incident_list.html"
    paginate_by = 50
    paginator_class = CappedPaginator
    strict = True

    def get_queryset(self):
        return (
            Incident.objects.for_user(self.request.user)
            .select_related("category", "municipality", "organisation")
            .order_by("-occurred_from", "-pk")
        )

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            query=query.urlencode(),
            boundaries=municipalities_map_layer(self.request.user),
            **kwargs,
        )


class IncidentMapData(FilteredIncidentsMixin, View):
    """The map's data for ``bbox`` (WGS 84) and ``zoom``: see reports.incidents.map_data.

    With an ETag (reports.incidents.map_etags): a browser asking again for a view it has, while
    nothing in it changed, gets 304 without the map being counted."""

    def get(self, request):
        etag = map_etag(request)
        response = get_conditional_response(request, etag=etag)
        if response is None:
            try:
                view = map_view_from(request.GET)
            except ValidationError as error:
                return JsonResponse({"error": " ".join(error.messages)}, status=400)
            queryset = self.filtered()
            selection = cell_selection(self.filterset, request.user)
            response = JsonResponse(map_data(queryset, view, selection))
        response["ETag"] = etag
        # Kept by the browser, but asked about every time: the incidents may have changed.
        response["Cache-Control"] = "private, no-cache"
        return response


class IncidentExport(FilteredIncidentsMixin, View):
    """The filtered incidents as CSV (semicolons and a BOM, as Swedish Excel), Excel or GeoJSON;
    more than EXPORT_BACKGROUND_ROWS of them are offered as a file written in the background."""

    format = "csv"

    def get(self, request):
        queryset = self.filtered().select_related(None)
        limit = settings.EXPORT_BACKGROUND_ROWS
        if queryset.order_by()[limit : limit + 1].exists():
            return render(
                request,
                "reports/incidents/exports/offer.html",
                {"format": self.format, "query": request.GET.urlencode(), "limit": limit},
            )
        filename = f"incidents-{timezone.localdate():%Y-%m-%d}.{self.format}"
        access_record(
            request=request,
            kind=AccessKind.EXPORT,
            target=filename,
            municipalities=Municipality.objects.filter(pk__in=queryset.values("municipality")),
        )
        if self.format == "xlsx":
            return FileResponse(excel_file(queryset), as_attachment=True, filename=filename)
        if self.format == "geojson":
            chunks, content_type = geojson_chunks(queryset), "application/geo+json"
        else:
            chunks, content_type = csv_chunks(queryset), "text/csv; charset=utf-8"
        response = StreamingHttpResponse(chunks, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

"""Incident pages: filing and one's own reports, the coordinators' list, map, export and triage."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView
from django_filters.views import FilterView

from est.access import PermissionRequiredMixin
from est.forms import form_add_service_errors
from est.geojson import feature_collection
from est.models import Area, Municipality
from est.projections import transformed
from est.roles import has_permission
from est.views import MunicipalityScopedMixin
from reports.incidents.categories import category_create, category_restore, category_retire
from reports.incidents.exports import csv_chunks, excel_file, geojson_chunks
from reports.incidents.filing import (
    incident_create,
    incident_triage,
    incident_update,
    may_correct,
    may_file,
    municipality_for_position,
    point_from_lat_lon,
)
from reports.incidents.filters import IncidentFilter
from reports.incidents.forms import (
    CategoryForm,
    IncidentCorrectionForm,
    IncidentForm,
    TriageForm,
    categories_for_form,
)
from reports.incidents.map_cells import cell_period
from reports.incidents.map_data import map_data, map_view_from
from reports.incidents.models import Category, Incident, IncidentPhoto
from reports.incidents.pagination import CappedPaginator
from reports.incidents.times import When

#: Where the service's errors appear on the filing form.
ERROR_FIELDS = {"position": "latitude", "place_geometry": "latitude", NON_FIELD_ERRORS: None}


def municipalities_map_layer(user) -> dict:
    """Return the GeoJSON (WGS 84) of ``user``'s municipal boundaries, for the maps."""
    return feature_collection(Municipality.objects.for_user(user), "boundary", ["name", "code"])


def areas_map_layer(user) -> dict:
    """Return the GeoJSON (WGS 84) of the areas of ``user``'s municipalities, named, so that a
    map without background tiles still shows where the town centre or the school is."""
    return feature_collection(Area.objects.for_user(user), "boundary", ["name"])


class IncidentFormMixin:
    """Shared by filing and correcting: categories, the map and saving through the services."""

    template_name = "reports/incidents/incident_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "categories": categories_for_form(self.request.user)}

    def position_and_municipality(self, form):
        data = form.cleaned_data
        position = None
        if data.get("latitude") is not None and data.get("longitude") is not None:
            position = point_from_lat_lon(data["latitude"], data["longitude"])
        return position, municipality_for_position(self.request.user, position)

    def categories_by_name(self, municipality):
        return {c.name: c for c in Category.objects.for_municipality(municipality)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(filing_map=filing_map(self.request.user), **kwargs)


def filing_map(user) -> dict:
    """Return what the filing maps draw and say: ``user``'s municipalities and areas, and the
    messages of marking a place."""
    return {
        "boundaries": municipalities_map_layer(user),
        "areas": areas_map_layer(user),
        "messages": {
            "marked": _("The place is marked at latitude {lat}, longitude {lon}."),
            "locating": _("Finding your position…"),
            "noPosition": _(
                "Your position could not be found. Tap the map or type the coordinates."
            ),
        },
    }


class FilingMixin(PermissionRequiredMixin):
    """Pages that file incidents; a reporter not yet trained is told to be trained first."""

    permission = "incident.file"

    def get(self, request, *args, **kwargs):
        if not may_file(request.user):
            return self.response_class(
                request, template=["reports/incidents/incident_untrained.html"], context={}
            )
        return super().get(request, *args, **kwargs)


class IncidentFile(FilingMixin, IncidentFormMixin, FormView):
    """The filing page: map first, then when, what and how."""

    form_class = IncidentForm

    def get_initial(self):
        """Another incident at the same place and time starts with those filled in."""
        initial = {}
        query = self.request.GET
        for name in ("latitude", "longitude", "place_name", "when", "occurred_from", "occurred_to"):
            if query.get(name):
                initial[name] = query[name]
        return initial

    def form_valid(self, form):
        data = form.cleaned_data
        position, municipality = self.position_and_municipality(form)
        if municipality is None:
            form.add_error(None, _("You don't belong to any municipality. Ask your coordinator."))
            return self.form_invalid(form)
        try:
            incident = incident_create(
                reporter=self.request.user,
                municipality=municipality,
                position=position,
                idempotency_key=data["idempotency_key"],
                photos=[data["photo"]] if data.get("photo") else [],
                **form.service_arguments(self.categories_by_name(municipality)),
            )
        except ValidationError as error:
            form_add_service_errors(form, error, fields=ERROR_FIELDS)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Thank you! Your report of %(category)s is filed.") % {"category": incident.category},
        )
        if "another" in self.request.POST:
            same_place_and_time = {
                "latitude": data["latitude"],
                "longitude": data["longitude"],
                "place_name": data["place_name"],
                "when": When.EXACT,
                "occurred_from": timezone.localtime(incident.occurred_from).strftime(
                    "%Y-%m-%dT%H:%M"
                ),
                "occurred_to": timezone.localtime(incident.occurred_to).strftime("%Y-%m-%dT%H:%M"),
            }
            return redirect(reverse("incident_file") + "?" + urlencode(same_place_and_time))
        return redirect("incident_mine")


class ScopedIncidentMixin(PermissionRequiredMixin):
    """Finds the incident from the URL among those the user may read, else 404."""

    permission = "incident.read"

    def get_queryset(self):
        return Incident.objects.for_user(self.request.user).select_related(
            "municipality", "category", "reporter", "organisation"
        )


class IncidentCorrect(ScopedIncidentMixin, IncidentFormMixin, FormView):
    """Correcting an incident: its reporter for 48 hours, coordinators always."""

    form_class = IncidentCorrectionForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.object = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
            if not may_correct(request.user, self.object):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        incident = self.object
        position = transformed(incident.position, settings.MAP_SRID)
        return {
            "latitude": round(position.y, 6),
            "longitude": round(position.x, 6),
            "place_name": incident.place_name,
            "when": When.EXACT,
            "occurred_from": timezone.localtime(incident.occurred_from),
            "occurred_to": timezone.localtime(incident.occurred_to),
            "category": incident.category.name,
            "description": incident.description,
            "police_informed": incident.police_informed,
            "police_reference": incident.police_reference,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(incident=self.object, **kwargs)

    def form_valid(self, form):
        position, _municipality = self.position_and_municipality(form)
        arguments = form.service_arguments(self.categories_by_name(self.object.municipality))
        try:
            incident_update(
                incident=self.object, by=self.request.user, position=position, **arguments
            )
        except ValidationError as error:
            form_add_service_errors(form, error, fields=ERROR_FIELDS)
            return self.form_invalid(form)
        messages.success(self.request, _("The incident is corrected."))
        return redirect("incident_detail", pk=self.object.pk)


class IncidentMine(PermissionRequiredMixin, ListView):
    """What the user has filed, newest first, with the coordinator's questions."""

    permission = "incident.file"
    template_name = "reports/incidents/incident_mine.html"
    paginate_by = 25

    def get_queryset(self):
        return (
            Incident.objects.for_user(self.request.user)
            .filed_by(self.request.user)
            .select_related("category", "municipality")
            .order_by("-created_at", "-pk")
        )


class IncidentDetail(ScopedIncidentMixin, DetailView):
    template_name = "reports/incidents/incident_detail.html"
    context_object_name = "incident"

    def get_context_data(self, **kwargs):
        incident = self.object
        user = self.request.user
        can_triage = has_permission(user, "incident.triage")
        position = transformed(incident.position, settings.MAP_SRID)
        return super().get_context_data(
            can_correct=may_correct(user, incident),
            triage_form=TriageForm(instance=incident) if can_triage else None,
            duplicates=(
                Incident.objects.for_user(user)
                .likely_duplicates_of(incident)
                .select_related("municipality")
                if can_triage
                else None
            ),
            history=incident_history(incident),
            photos=incident.photos.all(),
            map_point={"type": "Point", "coordinates": [position.x, position.y]},
            boundaries=municipalities_map_layer(user),
            **kwargs,
        )


def incident_history(incident: Incident) -> list[dict]:
    """Return the incident's history, newest first: each record with the fields it changed."""
    records = list(incident.history.select_related("history_user").order_by("history_date"))
    rows, previous = [], None
    for record in records:
        changed = []
        if previous is not None:
            delta = record.diff_against(previous, excluded_fields=["idempotency_key"])
            changed = [
                str(Incident._meta.get_field(change.field).verbose_name) for change in delta.changes
            ]
        rows.append({"record": record, "changed": changed})
        previous = record
    return rows[::-1]


class IncidentTriage(ScopedIncidentMixin, View):
    """Coordinators set the status, or ask the reporter for more information."""

    permission = "incident.triage"

    def post(self, request, pk):
        incident = get_object_or_404(self.get_queryset(), pk=pk)
        form = TriageForm(request.POST, instance=Incident(status=incident.status))
        if form.is_valid():
            try:
                incident = incident_triage(
                    incident=incident,
                    by=request.user,
                    status=form.cleaned_data["status"],
                    note=form.cleaned_data["triage_note"],
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    _("The status is now: %(status)s.") % {"status": incident.get_status_display()},
                )
        else:
            messages.error(request, _("Choose a status."))
        return redirect("incident_detail", pk=incident.pk)


class IncidentPhotoFile(ScopedIncidentMixin, View):
    """A photo or its thumbnail, only for those who may read the incident."""

    def get(self, request, pk, photo_pk, size):
        incident = get_object_or_404(self.get_queryset(), pk=pk)
        photo = get_object_or_404(IncidentPhoto, incident=incident, pk=photo_pk)
        file = photo.thumbnail if size == "thumbnail" else photo.image
        if not file:
            raise Http404
        response = FileResponse(file.open("rb"), content_type="image/jpeg")
        response["Cache-Control"] = "private, max-age=3600"
        return response


class FilteredIncidentsMixin(PermissionRequiredMixin):
    """The coordinators' incidents, narrowed by IncidentFilter from the URL's query string."""

    permission = "incident.view"
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
    """The map's data for ``bbox`` (WGS 84) and ``zoom``: see reports.incidents.map_data."""

    def get(self, request):
        try:
            view = map_view_from(request.GET)
        except ValidationError as error:
            return JsonResponse({"error": " ".join(error.messages)}, status=400)
        queryset = self.filtered()
        return JsonResponse(map_data(queryset, view, cell_period(self.filterset, request.user)))


class IncidentExport(FilteredIncidentsMixin, View):
    """The filtered incidents as CSV (semicolons and a BOM, as Swedish Excel), Excel or GeoJSON."""

    format = "csv"

    def get(self, request):
        queryset = self.filtered().select_related(None)
        filename = f"incidents-{timezone.localdate():%Y-%m-%d}.{self.format}"
        if self.format == "xlsx":
            return FileResponse(excel_file(queryset), as_attachment=True, filename=filename)
        if self.format == "geojson":
            chunks, content_type = geojson_chunks(queryset), "application/geo+json"
        else:
            chunks, content_type = csv_chunks(queryset), "text/csv; charset=utf-8"
        response = StreamingHttpResponse(chunks, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class CategoryList(PermissionRequiredMixin, TemplateView):
    """Each municipality's categories: coordinators add, retire and restore them."""

    permission = "category.manage"
    template_name = "reports/incidents/category_list.html"

    def get_context_data(self, *, forms=None, **kwargs):
        forms = forms or {}
        sections = []
        for municipality in Municipality.objects.for_user(self.request.user).defer("boundary"):
            categories = (
                Category.objects.for_municipality(municipality)
                .annotate(incident_count=Count("incidents"))
                .order_by("retired", "order", "name")
            )
            form = forms.get(municipality.pk) or CategoryForm(prefix=municipality.code)
            sections.append({"municipality": municipality, "categories": categories, "form": form})
        return super().get_context_data(sections=sections, **kwargs)


class CategoryCreate(MunicipalityScopedMixin, CategoryList):
    def get(self, request, *args, **kwargs):
        return redirect("category_list")

    def post(self, request, code):
        form = CategoryForm(request.POST, prefix=code)
        if form.is_valid():
            try:
                category = category_create(
                    municipality=self.municipality, name=form.cleaned_data["name"]
                )
            except ValidationError as error:
                form_add_service_errors(form, error, fields=ERROR_FIELDS)
            else:
                messages.success(
                    request,
                    _("%(municipality)s has the new category %(category)s.")
                    % {"municipality": self.municipality.name, "category": category.name},
                )
                return redirect("category_list")
        return self.render_to_response(self.get_context_data(forms={self.municipality.pk: form}))


class CategoryChange(PermissionRequiredMixin, View):
    """Retires or restores one category of the user's municipalities."""

    permission = "category.manage"
    retire = True

    def post(self, request, pk):
        category = get_object_or_404(Category.objects.for_user(request.user), pk=pk)
        if self.retire:
            category_retire(category=category)
            message = _("%(category)s is retired: kept on old incidents, not offered for new ones.")
        else:
            category_restore(category=category)
            message = _("%(category)s can be chosen again.")
        messages.success(request, message % {"category": category.name})
        return redirect("category_list")

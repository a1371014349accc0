"""Incident pages: filing and one's own reports, the coordinators' list, map, export and triage."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, ListView

from est.access import PermissionRequiredMixin
from est.access_log import AccessKind, access_record
from est.geojson import feature_collection
from est.models import Area, Municipality
from est.periods import When
from est.projections import transformed
from est.roles import has_permission
from est.service_views import OfflineQueueMixin, ServiceFormMixin, service_act
from est.stored_files import stored_file_response
from est.training.services import filing_refusal
from reports.incidents.filing import (
    incident_create,
    incident_triage,
    incident_update,
    may_correct,
    may_file,
    municipality_for_position,
    point_from_lat_lon,
)
from reports.incidents.forms import (
    IncidentCorrectionForm,
    IncidentForm,
    TriageForm,
    categories_for_form,
)
from reports.incidents.models import Category, Incident, IncidentPhoto
from reports.permissions import (
    INCIDENT_FILE,
    INCIDENT_READ,
    INCIDENT_TRIAGE,
)

#: Where the service's errors appear on the filing form.
ERROR_FIELDS = {"position": "latitude", "place_geometry": "latitude", NON_FIELD_ERRORS: None}


def municipalities_map_layer(user) -> dict:
    """Return the GeoJSON (WGS 84) of ``user``'s municipal boundaries, for the maps."""
    return feature_collection(Municipality.objects.for_user(user), "boundary", ["name", "code"])


def areas_map_layer(user) -> dict:
    """Return the GeoJSON (WGS 84) of the areas of ``user``'s municipalities, named, so that a
    map without background tiles still shows where the town centre or the school is."""
    return feature_collection(Area.objects.for_user(user), "boundary", ["name"])


class IncidentFormMixin(OfflineQueueMixin, ServiceFormMixin):
    """Shared by filing and correcting: categories, the map and saving through the services.
    Filing may come from the offline queue (a reporter in a cellar)."""

    template_name = "reports/incidents/incident_form.html"
    service_error_fields = ERROR_FIELDS

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


def marking_messages() -> dict:
    """Return what a map for marking a place says (reports.js ``filing``), by occasion."""
    return {
        "marked": _("The place is marked at latitude {lat}, longitude {lon}."),
        "locating": _("Finding your position…"),
        "noPosition": _("Your position could not be found. Tap the map or type the coordinates."),
    }


def filing_map(user) -> dict:
    """Return what the filing maps draw and say: ``user``'s municipalities and areas, and the
    messages of marking a place."""
    return {
        "boundaries": municipalities_map_layer(user),
        "areas": areas_map_layer(user),
        "messages": marking_messages(),
    }


class FilingMixin(PermissionRequiredMixin):
    """Pages that file incidents; a reporter not yet trained is told to be trained first."""

    permission = INCIDENT_FILE

    def get(self, request, *args, **kwargs):
        if not may_file(request.user):
            return self.response_class(
                request,
                template=["reports/incidents/incident_untrained.html"],
                context={"refusal": filing_refusal(request.user)},
            )
        return super().get(request, *args, **kwargs)


#: The session key that carries the place and time of the incident just filed to the next
#: filing page, once: a position in a URL would stay in logs, the browser's history and
#: the Referer of every request the page makes.
SAME_PLACE_AND_TIME = "incident_file_same_place_and_time"


class IncidentFile(FilingMixin, IncidentFormMixin, FormView):
    """The filing page: map first, then when, what and how."""

    form_class = IncidentForm

    def get_initial(self):
        """Another incident at the same place and time starts with those filled in, once."""
        if self.request.method != "GET":
            return {}
        return self.request.session.pop(SAME_PLACE_AND_TIME, {})

    def perform(self, form):
        data = form.cleaned_data
        position, municipality = self.position_and_municipality(form)
        if municipality is None:
            raise ValidationError(_("You don't belong to any municipality. Ask your coordinator."))
        return incident_create(
            reporter=self.request.user,
            municipality=municipality,
            position=position,
            idempotency_key=data["idempotency_key"],
            photos=[data["photo"]] if data.get("photo") else [],
            **form.service_arguments(self.categories_by_name(municipality)),
        )

    def performed(self, form, incident):
        data = form.cleaned_data
        messages.success(
            self.request,
            _("Thank you! Your report of %(category)s is filed.") % {"category": incident.category},
        )
        if "another" in self.request.POST:
            self.request.session[SAME_PLACE_AND_TIME] = {
                "latitude": str(data["latitude"]),
                "longitude": str(data["longitude"]),
                "place_name": data["place_name"],
                "when": When.EXACT,
                "occurred_from": timezone.localtime(incident.occurred_from).strftime(
                    "%Y-%m-%dT%H:%M"
                ),
                "occurred_to": timezone.localtime(incident.occurred_to).strftime("%Y-%m-%dT%H:%M"),
            }
            return redirect("incident_file")
        return redirect("incident_mine")


class ScopedIncidentMixin(PermissionRequiredMixin):
    """Finds the incident from the URL among those the user may read, else 404."""

    permission = INCIDENT_READ

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

    def perform(self, form):
        position, _municipality = self.position_and_municipality(form)
        arguments = form.service_arguments(self.categories_by_name(self.object.municipality))
        return incident_update(
            incident=self.object, by=self.request.user, position=position, **arguments
        )

    def performed(self, form, incident):
        messages.success(self.request, _("The incident is corrected."))
        return redirect("incident_detail", pk=self.object.pk)


class IncidentMine(PermissionRequiredMixin, ListView):
    """What the user has filed, newest first, with the coordinator's questions."""

    permission = INCIDENT_FILE
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

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # The page shows the reporter and the photos: a read the access log keeps.
        access_record(request=request, kind=AccessKind.INCIDENT, target=self.object)
        return response

    def get_context_data(self, **kwargs):
        incident = self.object
        user = self.request.user
        can_triage = has_permission(user, INCIDENT_TRIAGE)
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

    permission = INCIDENT_TRIAGE

    def post(self, request, pk):
        incident = get_object_or_404(self.get_queryset(), pk=pk)
        form = TriageForm(request.POST, instance=Incident(status=incident.status))
        if form.is_valid():
            service_act(
                request,
                lambda: incident_triage(
                    incident=incident,
                    by=request.user,
                    status=form.cleaned_data["status"],
                    note=form.cleaned_data["triage_note"],
                ),
                success=lambda triaged: (
                    _("The status is now: %(status)s.") % {"status": triaged.get_status_display()}
                ),
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
        response = stored_file_response(file, content_type="image/jpeg")
        # Thumbnails are shown on the incident's page, whose opening is logged already.
        if size != "thumbnail":
            access_record(request=request, kind=AccessKind.PHOTO, target=incident)
        response["Cache-Control"] = "private, max-age=3600"
        return response

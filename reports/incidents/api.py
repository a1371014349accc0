"""The incident API: categories, and incidents as GeoJSON (WGS 84), scoped like the pages.

Writes go through reports.incidents.filing, so the API files and corrects by the same rules.
"""

import django_filters
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from est.access import HasPermission
from est.access_log import AccessKind, access_record
from est.api import error_responses, read_only_schema
from reports.incidents.filing import (
    CORRECTABLE_FIELDS,
    incident_create,
    incident_photo_add,
    incident_triage,
    incident_update,
    municipality_for_position,
)
from reports.incidents.filters import IncidentFilter
from reports.incidents.models import Category, Incident
from reports.incidents.rounds import RoundInvalid, round_file
from reports.incidents.serializers import (
    CategorySerializer,
    IncidentSerializer,
    IncidentWriteSerializer,
    PhotoSerializer,
    RoundWriteSerializer,
    TriageSerializer,
)
from reports.permissions import INCIDENT_FILE, INCIDENT_READ, INCIDENT_TRIAGE


def _error_dict(error: DjangoValidationError) -> dict:
    return {("non_field_errors" if k == "__all__" else k): v for k, v in error.message_dict.items()}


def _service_errors(error: DjangoValidationError) -> ValidationError:
    return ValidationError(_error_dict(error))


def _filing_arguments(user, validated: dict) -> dict:
    """Return incident_prepare's arguments from a write serializer's data: the municipality the
    caller named, else theirs that contains the position."""
    data = dict(validated)
    municipality = data.pop("municipality", None) or municipality_for_position(
        user, data["position"]
    )
    if municipality is None:
        raise PermissionDenied("You belong to no municipality.")
    return {"municipality": municipality, **data}


PhotoUploadSerializer = inline_serializer(
    "PhotoUpload", fields={"photo": serializers.ImageField(help_text="The photo (JPEG, PNG…).")}
)


@extend_schema_view(
    **read_only_schema(IncidentSerializer, list_errors=(400, 403, 404)),
    create=extend_schema(
        request={"application/json": IncidentWriteSerializer},
        responses={201: IncidentSerializer, **error_responses(400, 403)},
    ),
    update=extend_schema(
        description="The same as PATCH: only the fields sent change.",
        request={"application/json": IncidentWriteSerializer(partial=True)},
        responses={200: IncidentSerializer, **error_responses(400, 403, 404)},
    ),
    partial_update=extend_schema(
        request={"application/json": IncidentWriteSerializer(partial=True)},
        responses={200: IncidentSerializer, **error_responses(400, 403, 404)},
    ),
    round=extend_schema(
        request={"application/json": RoundWriteSerializer},
        responses={201: IncidentSerializer(many=True), **error_responses(400, 403)},
    ),
    photos=extend_schema(
        request={"multipart/form-data": PhotoUploadSerializer},
        responses={201: PhotoSerializer, **error_responses(400, 403, 404)},
    ),
    triage=extend_schema(
        request=TriageSerializer,
        responses={200: IncidentSerializer, **error_responses(400, 403, 404)},
    ),
)
class IncidentViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Incidents the caller may read (their own for reporters), filtered like the list page.

    POST files an incident (reporters and coordinators); sending the same ``idempotency_key``
    again returns the incident it filed. PATCH corrects one (its reporter for 48 hours).
    POST …/photos/ adds a photo (multipart, field ``photo``); POST …/triage/ sets the status.
    """

    serializer_class = IncidentSerializer
    permission_classes = [HasPermission]
    filterset_class = IncidentFilter

    @property
    def permission(self):
        return {
            "create": INCIDENT_FILE,
            "round": INCIDENT_FILE,
            "triage": INCIDENT_TRIAGE,
        }.get(self.action, INCIDENT_READ)

    def get_queryset(self):
        return (
            Incident.objects.for_user(self.request.user)
            .select_related("municipality", "category", "organisation")
            .prefetch_related("photos")
            .order_by("-occurred_from", "-pk")
        )

    def retrieve(self, request, *args, **kwargs):
        """One incident with its reporter and photos: a read the access log keeps."""
        incident = self.get_object()
        access_record(request=request, kind=AccessKind.INCIDENT, target=incident)
        return Response(self.get_serializer(incident).data)

    def create(self, request, *args, **kwargs):
        write = IncidentWriteSerializer(data=request.data, context={"request": request})
        write.is_valid(raise_exception=True)
        try:
            incident = incident_create(
                reporter=request.user, **_filing_arguments(request.user, write.validated_data)
            )
        except DjangoValidationError as error:
            raise _service_errors(error) from error
        return Response(IncidentSerializer(incident).data, status=status.HTTP_201_CREATED)

    @action(
        detail=False,
        methods=["post"],
        serializer_class=RoundWriteSerializer,
        pagination_class=None,
        filter_backends=[],
    )
    def round(self, request):
        """File a round report: several incidents at once, all or none. A wrong incident's
        errors stand at its place in ``incidents``; sending the same ``idempotency_key`` again
        returns the incidents the first sending filed."""
        write = RoundWriteSerializer(data=request.data, context={"request": request})
        write.is_valid(raise_exception=True)
        incidents = write.validated_data["incidents"]
        try:
            filed = round_file(
                reporter=request.user,
                incidents=[_filing_arguments(request.user, data) for data in incidents],
                idempotency_key=write.validated_data["idempotency_key"],
            )
        except RoundInvalid as invalid:
            errors = [
                _error_dict(invalid.errors[n]) if n in invalid.errors else {}
                for n in range(len(incidents))
            ]
            raise ValidationError({"incidents": errors}) from invalid
        return Response(IncidentSerializer(filed, many=True).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        incident = self.get_object()
        write = IncidentWriteSerializer(
            data=request.data, partial=True, context={"request": request}
        )
        write.is_valid(raise_exception=True)
        changes = {k: v for k, v in write.validated_data.items() if k in CORRECTABLE_FIELDS}
        try:
            incident = incident_update(incident=incident, by=request.user, **changes)
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error) or None) from error
        except DjangoValidationError as error:
            raise _service_errors(error) from error
        return Response(IncidentSerializer(incident).data)

    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser])
    def photos(self, request, pk=None):
        """Add a photo (multipart field ``photo``); its EXIF, GPS included, is removed."""
        incident = self.get_object()
        upload = request.FILES.get("photo")
        if upload is None:
            raise ValidationError({"photo": ["Send the photo in the field 'photo'."]})
        try:
            photo = incident_photo_add(incident=incident, by=request.user, upload=upload)
        except DjangoPermissionDenied as error:
            raise PermissionDenied from error
        except DjangoValidationError as error:
            raise _service_errors(error) from error
        return Response(PhotoSerializer(photo).data, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"], serializer_class=TriageSerializer)
    def triage(self, request, pk=None):
        """Set the triage status; ``needs_information`` needs a ``triage_note`` saying what."""
        incident = self.get_object()
        triage = TriageSerializer(data=request.data)
        triage.is_valid(raise_exception=True)
        try:
            incident = incident_triage(
                incident=incident,
                by=request.user,
                status=triage.validated_data["status"],
                note=triage.validated_data["triage_note"],
            )
        except DjangoPermissionDenied as error:
            raise PermissionDenied from error
        except DjangoValidationError as error:
            raise _service_errors(error) from error
        return Response(IncidentSerializer(incident).data)


class CategoryFilter(django_filters.FilterSet):
    """Categories by municipality code and by whether they are retired (``true`` or ``false``;
    anything else is refused, not ignored)."""

    municipality__code = django_filters.CharFilter(field_name="municipality__code")
    retired = django_filters.TypedChoiceFilter(
        choices=[("true", "true"), ("false", "false")], coerce=lambda value: value == "true"
    )

    class Meta:
        model = Category
        fields = []


@extend_schema_view(
    **read_only_schema(
        CategorySerializer,
        list_errors=(400, 403, 404),
        list_parameters=[
            OpenApiParameter("retired", bool, description="Retired categories, or those in use.")
        ],
    )
)
class CategoryViewSet(viewsets.ReadOnlyModelViewSet):
    """The incident categories of the caller's municipalities, retired ones included."""

    serializer_class = CategorySerializer
    permission_classes = [HasPermission]
    permission = INCIDENT_READ
    filterset_class = CategoryFilter

    def get_queryset(self):
        return Category.objects.for_user(self.request.user).select_related("municipality")

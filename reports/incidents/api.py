"""The incident API: categories, and incidents as GeoJSON (WGS 84), scoped like the pages.

Writes go through reports.incidents.filing, so the API files and corrects by the same rules.
"""

import django_filters
from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework_gis.fields import GeometryField
from rest_framework_gis.serializers import GeoFeatureModelSerializer

from est.access import HasPermission
from est.api import error_responses, read_only_schema
from est.models import Municipality
from est.projections import transformed
from reports.incidents.filing import (
    CORRECTABLE_FIELDS,
    incident_create,
    incident_photo_add,
    incident_triage,
    incident_update,
    municipality_for_position,
)
from reports.incidents.filters import IncidentFilter
from reports.incidents.models import Category, Incident, IncidentPhoto
from reports.incidents.rounds import RoundInvalid, round_file
from reports.permissions import INCIDENT_FILE, INCIDENT_READ, INCIDENT_TRIAGE

_GEOJSON_GEOMETRY = {
    "type": "object",
    "description": "A GeoJSON geometry, WGS 84 unless it names another CRS.",
    "properties": {
        "type": {
            "type": "string",
            "enum": [
                "Point",
                "MultiPoint",
                "LineString",
                "MultiLineString",
                "Polygon",
                "MultiPolygon",
            ],
        },
        "coordinates": {"type": "array", "minItems": 1},
    },
    "required": ["type", "coordinates"],
}
_GEOJSON_POINT = {
    "type": "object",
    "description": "A GeoJSON point, WGS 84 unless it names another CRS.",
    "properties": {
        "type": {"type": "string", "enum": ["Point"]},
        "coordinates": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 3},
    },
    "required": ["type", "coordinates"],
}


@extend_schema_field(_GEOJSON_GEOMETRY)
class GeoJSONField(GeometryField):
    """A geometry read from GeoJSON, described as such in the API's schema."""


@extend_schema_field(_GEOJSON_POINT)
class GeoJSONPointField(GeoJSONField):
    """A point read from GeoJSON."""


@extend_schema_field(_GEOJSON_GEOMETRY)
class MapGeometryField(GeometryField):
    """A geometry given out in the maps' SRID (WGS 84), whatever SRID it is stored in."""

    def to_representation(self, value):
        if value is not None and value.srid != settings.MAP_SRID:
            value = transformed(value, settings.MAP_SRID)
        return super().to_representation(value)


class CategorySerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Category
        fields = ["id", "municipality", "name", "code", "retired"]


class PhotoSerializer(serializers.ModelSerializer):
    """A photo's addresses; they answer only those who may read the incident."""

    url = serializers.SerializerMethodField()
    thumbnail_url = serializers.SerializerMethodField()

    class Meta:
        model = IncidentPhoto
        fields = ["id", "url", "thumbnail_url", "width", "height", "uploaded_at"]

    def _url(self, photo, size):
        return reverse("incident_photo", args=[photo.incident_id, photo.pk, size])

    def get_url(self, photo) -> str:
        return self._url(photo, "full")

    def get_thumbnail_url(self, photo) -> str:
        return self._url(photo, "thumbnail")


class TriageSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Incident.Status.choices)
    triage_note = serializers.CharField(required=False, allow_blank=True, default="")


class IncidentSerializer(GeoFeatureModelSerializer):
    """An incident as a GeoJSON feature; the position in WGS 84."""

    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)
    category = serializers.PrimaryKeyRelatedField(read_only=True)
    category_name = serializers.CharField(source="category.name", read_only=True)
    organisation = serializers.StringRelatedField(allow_null=True)
    reporter = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    position = MapGeometryField(read_only=True)
    place_geometry = MapGeometryField(read_only=True, allow_null=True)
    photos = PhotoSerializer(many=True, read_only=True)

    class Meta:
        model = Incident
        geo_field = "position"
        fields = [
            "id",
            "municipality",
            "category",
            "category_name",
            "occurred_from",
            "occurred_to",
            "position_precise",
            "place_geometry",
            "place_name",
            "description",
            "reporter",
            "organisation",
            "police_informed",
            "police_reference",
            "source",
            "status",
            "triage_note",
            "photos",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class IncidentWriteSerializer(serializers.Serializer):
    """What a client sends to file or correct an incident. Geometries are GeoJSON in WGS 84."""

    municipality = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Municipality.objects.defer("boundary"),
        required=False,
        help_text="Municipality code; by default the caller's one containing the position.",
    )
    category = serializers.PrimaryKeyRelatedField(
        queryset=Category.objects.all(), error_messages={"does_not_exist": "Unknown category."}
    )
    occurred_from = serializers.DateTimeField()
    occurred_to = serializers.DateTimeField(required=False, allow_null=True)
    position = GeoJSONPointField()
    place_geometry = GeoJSONField(required=False, allow_null=True)
    position_precise = serializers.BooleanField(required=False, default=True)
    place_name = serializers.CharField(required=False, allow_blank=True, default="")
    description = serializers.CharField(required=False, allow_blank=True, default="")
    police_informed = serializers.BooleanField(required=False, default=False)
    police_reference = serializers.CharField(required=False, allow_blank=True, default="")
    idempotency_key = serializers.UUIDField(
        help_text="A fresh UUID per incident; sending it again returns the incident it filed."
    )

    def get_fields(self):
        fields = super().get_fields()
        # Another municipality's category is as unknown as one that does not exist. (The schema
        # generator describes the serializer without a request; it reads no category.)
        request = self.context.get("request")
        fields["category"].queryset = (
            Category.objects.for_user(request.user) if request else Category.objects.none()
        )
        return fields


class RoundIncidentSerializer(IncidentWriteSerializer):
    """One incident of a round report: the round's key stands for its own."""

    idempotency_key = None


class RoundWriteSerializer(serializers.Serializer):
    idempotency_key = serializers.UUIDField(
        help_text="A fresh UUID per round; sending it again returns the incidents it filed."
    )
    incidents = RoundIncidentSerializer(many=True, allow_empty=False, max_length=50)


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

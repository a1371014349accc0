"""The incident API's serializers: incidents as GeoJSON features out, the filing's fields in,
with geometries in the maps' WGS 84 whatever they are stored in."""

from django.conf import settings
from django.urls import reverse
from drf_spectacular.utils import (
    extend_schema_field,
)
from rest_framework import serializers
from rest_framework_gis.fields import GeometryField
from rest_framework_gis.serializers import GeoFeatureModelSerializer

from est.models import Municipality
from est.projections import transformed
from reports.incidents.models import Category, Incident, IncidentPhoto

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


class TextField(serializers.CharField):
    """Text that must arrive as a JSON string: DRF's CharField turns a number into text, which
    the schema (type string) says is refused."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


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
    place_name = TextField(required=False, allow_blank=True, default="")
    description = TextField(required=False, allow_blank=True, default="")
    police_informed = serializers.BooleanField(required=False, default=False)
    police_reference = TextField(required=False, allow_blank=True, default="")
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

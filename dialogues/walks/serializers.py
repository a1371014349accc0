"""The safety walks' API serializers: walks and findings out with positions in WGS 84, findings,
photos and audits in, each with the key made on the phone."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from reports.incidents.serializers import GeoJSONPointField, MapGeometryField, TextField

from .models import (
    AUDIT_PARAMETERS,
    Finding,
    FindingCategory,
    FindingPhoto,
    SafetyWalk,
    StretchAudit,
)


class WalkSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)
    meeting_point = MapGeometryField(read_only=True)
    route = MapGeometryField(read_only=True, allow_null=True)

    class Meta:
        model = SafetyWalk
        fields = [
            "id",
            "municipality",
            "title",
            "status",
            "starts_at",
            "ends_at",
            "meeting_place",
            "meeting_point",
            "route",
            "cancellation_reason",
        ]


class FindingCategorySerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = FindingCategory
        fields = ["id", "municipality", "code", "name", "position", "active"]


class FindingPhotoSerializer(serializers.ModelSerializer):
    """A photo's addresses; they answer only staff of the walk's municipality. Until a worker
    has stripped the photo's EXIF data it is ``processing`` and has no addresses."""

    processing = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    thumbnail_url = serializers.SerializerMethodField()

    class Meta:
        model = FindingPhoto
        fields = ["id", "processing", "url", "thumbnail_url", "public", "uploaded_at"]

    def _url(self, photo, size) -> str | None:
        if not photo.is_ready:
            return None
        return reverse("walk_finding_photo", args=[photo.finding.walk_id, photo.pk, size])

    def get_processing(self, photo) -> bool:
        return not photo.is_ready

    def get_url(self, photo) -> str | None:
        return self._url(photo, "image")

    def get_thumbnail_url(self, photo) -> str | None:
        return self._url(photo, "thumbnail")


class FindingSerializer(serializers.ModelSerializer):
    """A finding; its position in WGS 84."""

    position = MapGeometryField(read_only=True)
    category_name = serializers.CharField(source="category.name", read_only=True)
    photos = FindingPhotoSerializer(many=True, read_only=True)

    class Meta:
        model = Finding
        fields = [
            "id",
            "walk",
            "category",
            "category_name",
            "position",
            "description",
            "unsafe",
            "submission_key",
            "recorded_at",
            "received_at",
            "photos",
        ]


@extend_schema_field(OpenApiTypes.INT)
class WalkField(serializers.PrimaryKeyRelatedField):
    """A walk among the caller's municipalities'; another's is as unknown as none."""

    def get_queryset(self):
        request = self.context.get("request")
        return SafetyWalk.objects.for_user(request.user) if request else SafetyWalk.objects.none()


@extend_schema_field(OpenApiTypes.INT)
class CategoryField(serializers.PrimaryKeyRelatedField):
    """A category of findings among the caller's municipalities'."""

    def get_queryset(self):
        request = self.context.get("request")
        if request is None:
            return FindingCategory.objects.none()
        return FindingCategory.objects.for_user(request.user)


class FindingWriteSerializer(serializers.Serializer):
    walk = WalkField(error_messages={"does_not_exist": "Unknown walk."})
    category = CategoryField(
        error_messages={"does_not_exist": "Unknown category."},
        help_text="One of the walk's municipality's categories in use.",
    )
    position = GeoJSONPointField()
    description = TextField(max_length=5000)
    unsafe = serializers.IntegerField(min_value=1, max_value=5, help_text="1 hardly, 5 very.")
    submission_key = serializers.UUIDField(
        help_text="A fresh UUID per finding; sending it again returns the finding it recorded."
    )
    recorded_at = serializers.DateTimeField(
        required=False, allow_null=True, help_text="When it was noted; by default now."
    )


class FindingPhotoUploadSerializer(serializers.Serializer):
    photo = serializers.ImageField(help_text="The photo (JPEG, PNG…), at most 10 MB.")
    submission_key = serializers.UUIDField(
        help_text="A fresh UUID per photo; sending it again returns the photo it stored."
    )


def _score():
    return serializers.IntegerField(min_value=1, max_value=5, required=False, allow_null=True)


class StretchAuditSerializer(serializers.ModelSerializer):
    walk = WalkField(error_messages={"does_not_exist": "Unknown walk."})
    stretch_name = TextField(max_length=100, required=False, allow_blank=True, default="")
    note = TextField(max_length=5000, required=False, allow_blank=True, default="")
    recorded_at = serializers.DateTimeField(required=False, allow_null=True)

    class Meta:
        model = StretchAudit
        fields = [
            "id",
            "walk",
            "stretch",
            "stretch_name",
            *[field for field, _label in AUDIT_PARAMETERS],
            "note",
            "submission_key",
            "recorded_at",
        ]
        extra_kwargs = {
            "stretch": {"min_value": 1, "max_value": 99},
            "submission_key": {"validators": []},
            **{
                field: {"min_value": 1, "max_value": 5, "allow_null": True, "required": False}
                for field, _label in AUDIT_PARAMETERS
            },
        }

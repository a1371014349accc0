"""The shared part of the REST API: municipalities and areas, scoped to the caller."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework_gis.serializers import GeoFeatureModelSerializer

from est.roles import MUNICIPALITY_VIEW

from .access import HasPermission
from .converters import MunicipalityCodeConverter
from .models import Area, Municipality


class ErrorSerializer(serializers.Serializer):
    """What the API answers when it refuses a request as a whole."""

    detail = serializers.CharField()


_ERRORS = {
    400: OpenApiResponse(
        OpenApiTypes.OBJECT,
        description="The request is refused: each field named with its messages, "
        "``non_field_errors`` for the request as a whole.",
    ),
    403: OpenApiResponse(
        ErrorSerializer, description="Not logged in, or the caller may not do this."
    ),
    404: OpenApiResponse(
        ErrorSerializer,
        description="No such object among those the caller may see, or no such page.",
    ),
}


def throttling_documented(result, generator, request, public):
    """A drf-spectacular postprocessing hook: every operation may answer 429 when the caller has
    sent too many requests (with Retry-After). Returns the schema."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            operation.setdefault("responses", {})["429"] = {
                "description": "Too many requests: wait the seconds Retry-After says.",
                "headers": {"Retry-After": {"schema": {"type": "integer"}}},
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            }
    return result


def error_responses(*codes: int) -> dict:
    """Return the documented error answers for ``codes`` (400, 403, 404), for extend_schema's
    ``responses``."""
    return {code: _ERRORS[code] for code in codes}


def read_only_schema(serializer, *, list_errors=(403, 404), list_parameters=(), **detail) -> dict:
    """Return extend_schema_view arguments for a read-only viewset of ``serializer``: the list
    answers 404 for a page beyond the last (and 400 when ``list_errors`` says so, for filters),
    the detail 404 for an object the caller may not see. ``list_parameters`` go to the list's
    extend_schema, ``detail`` to the detail's."""
    return {
        "list": extend_schema(
            parameters=list(list_parameters),
            responses={200: serializer, **error_responses(*list_errors)},
        ),
        "retrieve": extend_schema(
            responses={200: serializer, **error_responses(403, 404)}, **detail
        ),
    }


def empty_filters_allowed(result, generator, request, public):
    """A drf-spectacular postprocessing hook: says of every query parameter but ``page`` that it
    may be sent empty, as django-filter ignores a filter sent empty (the list pages' forms send
    every field). Returns the schema."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query" and parameter["name"] != "page":
                    parameter["allowEmptyValue"] = True
    return result


class MunicipalitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Municipality
        fields = ["code", "name"]


class AreaSerializer(GeoFeatureModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Area
        geo_field = "boundary"
        fields = ["id", "municipality", "name", "kind", "description"]


@extend_schema_view(
    **read_only_schema(
        MunicipalitySerializer,
        parameters=[
            OpenApiParameter(
                "code",
                str,
                OpenApiParameter.PATH,
                pattern=f"^{MunicipalityCodeConverter.regex}$",
                description="The municipality's four-digit code.",
            )
        ],
    )
)
class MunicipalityViewSet(viewsets.ReadOnlyModelViewSet):
    """The municipalities the caller belongs to."""

    serializer_class = MunicipalitySerializer
    permission_classes = [HasPermission]
    permission = MUNICIPALITY_VIEW
    lookup_field = "code"
    lookup_value_regex = MunicipalityCodeConverter.regex

    def get_queryset(self):
        return Municipality.objects.for_user(self.request.user).defer("boundary")


@extend_schema_view(**read_only_schema(AreaSerializer, list_errors=(400, 403, 404)))
class AreaViewSet(viewsets.ReadOnlyModelViewSet):
    """Areas of the caller's municipalities, as GeoJSON features (WGS 84)."""

    serializer_class = AreaSerializer
    permission_classes = [HasPermission]
    permission = MUNICIPALITY_VIEW
    filterset_fields = {"municipality__code": ["exact"], "kind": ["exact"]}

    def get_queryset(self):
        return Area.objects.for_user(self.request.user).select_related("municipality")

"""The shared part of the REST API: municipalities and areas, scoped to the caller."""

from rest_framework import serializers, viewsets
from rest_framework_gis.serializers import GeoFeatureModelSerializer

from est.roles import MUNICIPALITY_VIEW

from .access import HasPermission
from .converters import MunicipalityCodeConverter
from .models import Area, Municipality


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


class MunicipalityViewSet(viewsets.ReadOnlyModelViewSet):
    """The municipalities the caller belongs to."""

    serializer_class = MunicipalitySerializer
    permission_classes = [HasPermission]
    permission = MUNICIPALITY_VIEW
    lookup_field = "code"
    lookup_value_regex = MunicipalityCodeConverter.regex

    def get_queryset(self):
        return Municipality.objects.for_user(self.request.user).defer("boundary")


class AreaViewSet(viewsets.ReadOnlyModelViewSet):
    """Areas of the caller's municipalities, as GeoJSON features (WGS 84)."""

    serializer_class = AreaSerializer
    permission_classes = [HasPermission]
    permission = MUNICIPALITY_VIEW
    filterset_fields = {"municipality__code": ["exact"], "kind": ["exact"]}

    def get_queryset(self):
        return Area.objects.for_user(self.request.user).select_related("municipality")

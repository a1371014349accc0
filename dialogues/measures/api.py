"""The measures' API: list and read the measures the caller may see (their organisation's for
measure owners), and move one through its statuses by the same rules as the pages."""

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from est.access import HasPermission
from est.api import error_responses, read_only_schema

from ..permissions import MEASURE_PROGRESS, MEASURE_READ
from .models import Measure
from .services import measure_status_set


class MeasureSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)
    responsible = serializers.StringRelatedField()
    findings = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Measure
        fields = [
            "id",
            "municipality",
            "title",
            "description",
            "responsible",
            "contact",
            "due_on",
            "status",
            "rejection_reason",
            "done_note",
            "done_at",
            "findings",
        ]


class StatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Measure.Status.choices)
    rejection_reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Needed for ``rejected``."
    )
    done_note = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Needed for ``done``."
    )


class MeasureFilter(django_filters.FilterSet):
    municipality__code = django_filters.CharFilter(field_name="municipality__code")
    status = django_filters.ChoiceFilter(choices=Measure.Status.choices)

    class Meta:
        model = Measure
        fields = []


@extend_schema_view(
    **read_only_schema(MeasureSerializer, list_errors=(400, 403, 404)),
    status=extend_schema(
        request={"application/json": StatusSerializer},
        responses={200: MeasureSerializer, **error_responses(400, 403, 404)},
    ),
)
class MeasureViewSet(viewsets.ReadOnlyModelViewSet):
    """Measures the caller may see, soonest due first. POST …/status/ moves one on: ``rejected``
    needs a ``rejection_reason``, ``done`` a ``done_note`` (the photo is added on the page)."""

    serializer_class = MeasureSerializer
    permission_classes = [HasPermission]
    filterset_class = MeasureFilter

    @property
    def permission(self):
        return MEASURE_PROGRESS if self.action == "status" else MEASURE_READ

    def get_queryset(self):
        return (
            Measure.objects.for_user(self.request.user)
            .select_related("municipality", "responsible")
            .prefetch_related("findings")
            .order_by("due_on", "pk")
        )

    @action(detail=True, methods=["post"], parser_classes=[JSONParser])
    def status(self, request, pk=None):
        measure = self.get_object()
        update = StatusSerializer(data=request.data)
        update.is_valid(raise_exception=True)
        try:
            measure = measure_status_set(measure=measure, by=request.user, **update.validated_data)
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from error
        return Response(MeasureSerializer(measure).data)

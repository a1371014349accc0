"""The safety walks' API: walks (read), their findings (read, record, add photos), the audits
of stretches (read, record) and the categories of findings, scoped like the pages: another
municipality's walk is 404. Writes go through ``recording``, by the same rules as the walk page.
A finding, photo or audit sent again with the same ``submission_key`` answers 200 with what the
first sending recorded, instead of 201."""

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from est.access import HasPermission
from est.api import error_responses, read_only_schema

from ..permissions import WALK_RECORD
from .models import AUDIT_PARAMETERS, Finding, FindingCategory, SafetyWalk, StretchAudit
from .recording import finding_photo_add, finding_record, stretch_audit_record
from .serializers import (
    FindingCategorySerializer,
    FindingPhotoSerializer,
    FindingPhotoUploadSerializer,
    FindingSerializer,
    FindingWriteSerializer,
    StretchAuditSerializer,
    WalkSerializer,
)


def _service_errors(error: DjangoValidationError) -> ValidationError:
    return ValidationError(
        {("non_field_errors" if k == "__all__" else k): v for k, v in error.message_dict.items()}
    )


def _recorded(serializer_class, result):
    saved, created = result
    return Response(
        serializer_class(saved).data,
        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
    )


def _written(serializer_class, description):
    return {
        201: OpenApiResponse(serializer_class, description=description),
        200: OpenApiResponse(serializer_class, description="A resend: what the first recorded."),
    }


class WalkScopedViewSet(viewsets.GenericViewSet):
    permission_classes = [HasPermission]
    permission = WALK_RECORD


@extend_schema_view(**read_only_schema(WalkSerializer, list_errors=(400, 403, 404)))
class WalkViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, WalkScopedViewSet):
    """The safety walks of the caller's municipalities, in every state, soonest first."""

    serializer_class = WalkSerializer
    filterset_fields = {"municipality__code": ["exact"], "status": ["exact"]}

    def get_queryset(self):
        return SafetyWalk.objects.for_user(self.request.user).select_related("municipality")


def _callers_walks(request):
    return SafetyWalk.objects.for_user(request.user) if request else SafetyWalk.objects.none()


class WalkNumberFilter(django_filters.ModelChoiceFilter):
    """One of the caller's walks by id; any other value (another municipality's walk too) is
    refused with 400, not ignored."""

    def __init__(self, **kwargs):
        super().__init__(queryset=_callers_walks, **kwargs)


class FindingFilter(django_filters.FilterSet):
    walk = WalkNumberFilter(field_name="walk")

    class Meta:
        model = Finding
        fields = []


class StretchAuditFilter(django_filters.FilterSet):
    walk = WalkNumberFilter(field_name="walk")

    class Meta:
        model = StretchAudit
        fields = []


class FindingCategoryFilter(django_filters.FilterSet):
    """Categories by municipality code and by whether they are in use (``true`` or ``false``)."""

    municipality__code = django_filters.CharFilter(field_name="municipality__code")
    active = django_filters.TypedChoiceFilter(
        choices=[("true", "true"), ("false", "false")], coerce=lambda value: value == "true"
    )

    class Meta:
        model = FindingCategory
        fields = []


@extend_schema_view(
    **read_only_schema(FindingSerializer, list_errors=(400, 403, 404)),
    create=extend_schema(
        request={"application/json": FindingWriteSerializer},
        responses={**_written(FindingSerializer, "Recorded."), **error_responses(400, 403)},
    ),
    photos=extend_schema(
        request={"multipart/form-data": FindingPhotoUploadSerializer},
        responses={
            **_written(FindingPhotoSerializer, "Stored; a worker strips its EXIF data."),
            **error_responses(400, 403, 404),
        },
    ),
)
class FindingViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, WalkScopedViewSet
):
    """Findings of the caller's municipalities' walks (``?walk=`` for one walk's). POST records
    one; POST …/photos/ adds a photo (multipart: ``photo`` and its ``submission_key``)."""

    serializer_class = FindingSerializer
    filterset_class = FindingFilter

    def get_queryset(self):
        return (
            Finding.objects.for_user(self.request.user)
            .select_related("category")
            .prefetch_related("photos")
            .order_by("walk", "recorded_at", "pk")
        )

    def create(self, request, *args, **kwargs):
        write = FindingWriteSerializer(data=request.data, context={"request": request})
        write.is_valid(raise_exception=True)
        try:
            result = finding_record(by=request.user, **write.validated_data)
        except DjangoValidationError as error:
            raise _service_errors(error) from error
        return _recorded(FindingSerializer, result)

    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser])
    def photos(self, request, pk=None):
        """Add a photo to the finding; a worker re-encodes it without EXIF before it is shown."""
        finding = self.get_object()
        upload = FindingPhotoUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        try:
            result = finding_photo_add(
                finding=finding,
                by=request.user,
                submission_key=upload.validated_data["submission_key"],
                upload=upload.validated_data["photo"],
            )
        except DjangoValidationError as error:
            raise _service_errors(error) from error
        return _recorded(FindingPhotoSerializer, result)


@extend_schema_view(
    **read_only_schema(StretchAuditSerializer, list_errors=(400, 403, 404)),
    create=extend_schema(
        request={"application/json": StretchAuditSerializer},
        responses={**_written(StretchAuditSerializer, "Recorded."), **error_responses(400, 403)},
    ),
)
class StretchAuditViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, WalkScopedViewSet
):
    """The audits of the stretches of the caller's municipalities' walks (``?walk=``): one
    participant's scores 1–5 (5 best) on the nine parameters, null for not judged."""

    serializer_class = StretchAuditSerializer
    filterset_class = StretchAuditFilter

    def get_queryset(self):
        return StretchAudit.objects.filter(
            walk__in=SafetyWalk.objects.for_user(self.request.user)
        ).order_by("walk", "stretch", "pk")

    def create(self, request, *args, **kwargs):
        write = StretchAuditSerializer(data=request.data, context={"request": request})
        write.is_valid(raise_exception=True)
        data = dict(write.validated_data)
        scores = {field: data.pop(field, None) for field, _label in AUDIT_PARAMETERS}
        try:
            result = stretch_audit_record(by=request.user, scores=scores, **data)
        except DjangoValidationError as error:
            raise _service_errors(error) from error
        return _recorded(StretchAuditSerializer, result)


@extend_schema_view(
    **read_only_schema(
        FindingCategorySerializer,
        list_errors=(400, 403, 404),
        list_parameters=[
            OpenApiParameter("active", bool, description="Categories in use, or retired ones.")
        ],
    )
)
class FindingCategoryViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, WalkScopedViewSet):
    """The categories of findings of the caller's municipalities, retired ones too."""

    serializer_class = FindingCategorySerializer
    filterset_class = FindingCategoryFilter

    def get_queryset(self):
        return FindingCategory.objects.for_user(self.request.user).select_related("municipality")

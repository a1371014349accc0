"""Pages of the camera register. Thin: find the object within the user's municipalities (else 404),
call one function from cameras.services, render or redirect."""

import datetime
import json

from django.core.serializers import serialize
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from cameras.permissions import CAMERA_APPROVE_RETENTION, CAMERA_MANAGE
from cameras.view_mixins import CameraScopedMixin, CameraServiceFormMixin
from est.access import PermissionRequiredMixin
from est.access_log import AccessKind, access_record
from est.geojson import feature_collection
from est.models import Municipality
from est.pdf import pdf_render
from est.roles import has_permission
from est.service_views import service_act

from . import services
from .compliance import register_findings
from .forms import (
    CameraForm,
    PermitStatisticsForm,
)
from .models import (
    Camera,
    Footage,
)
from .permit_statistics import (
    DEFAULT_BUFFER,
    permit_statistics,
    permit_statistics_workbook,
    weekday_names,
)


def camera_layers(cameras, municipalities, *, labels=("name", "premises")) -> dict:
    """Return the GeoJSON layers of a camera map (WGS 84): boundaries, filmed areas, positions.

    ``labels`` are the camera fields the features carry; the first is the tooltip.
    """
    cameras = list(cameras)
    return {
        "boundaries": feature_collection(municipalities, "boundary", ["name"]),
        "areas": json.loads(
            serialize("geojson", cameras, geometry_field="filmed_area", fields=list(labels))
        ),
        "cameras": json.loads(
            serialize("geojson", cameras, geometry_field="position", fields=list(labels))
        ),
    }


# --- the register ------------------------------------------------------------------------------


class CameraList(PermissionRequiredMixin, TemplateView):
    permission = CAMERA_MANAGE
    template_name = "cameras/camera_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        cameras = list(Camera.objects.for_user(user).select_related("municipality", "organisation"))
        municipalities = Municipality.objects.for_user(user)
        now = timezone.now()
        findings = register_findings(cameras, today=timezone.localdate())
        for camera in cameras:
            camera.findings = [finding for finding in findings if finding.camera is camera]
        return super().get_context_data(
            cameras=cameras,
            layers=camera_layers(cameras, municipalities),
            findings=findings,
            overdue=Footage.objects.for_user(user).overdue(now).count(),
            failing=Footage.objects.for_user(user).failing().count(),
            **kwargs,
        )


class CameraFormMixin(CameraServiceFormMixin):
    form_class = CameraForm
    template_name = "cameras/camera_form.html"
    success_message = gettext_lazy("The camera %(name)s is saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_success_url_for(self, camera):
        return reverse("cameras:camera_detail", args=[camera.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipalities = Municipality.objects.for_user(self.request.user)
        context["layers"] = camera_layers([], municipalities)
        return context


class CameraCreate(PermissionRequiredMixin, CameraFormMixin, FormView):
    permission = CAMERA_MANAGE

    def perform(self, form):
        data = dict(form.cleaned_data)
        municipality = data.pop("municipality")
        return services.camera_create(municipality=municipality, by=self.request.user, **data)


class CameraUpdate(CameraScopedMixin, CameraFormMixin, FormView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.camera}

    def perform(self, form):
        # The form has already written the cleaned values onto the instance; reload it so that
        # the service compares with what is stored.
        camera = Camera.objects.get(pk=self.camera.pk)
        return services.camera_update(camera=camera, by=self.request.user, **form.cleaned_data)


def _history(camera) -> list[dict]:
    """Return the camera's changes, newest first: when, who, and which fields changed."""
    records = list(camera.history.select_related("history_user").order_by("-history_date"))
    rows = []
    for record in records:
        previous = record.prev_record
        if previous is None:
            fields = []
        else:
            delta = record.diff_against(previous, excluded_fields=["updated_at"])
            fields = [
                str(Camera._meta.get_field(change.field).verbose_name) for change in delta.changes
            ]
        rows.append({"record": record, "fields": fields})
    return rows


class CameraDetail(CameraScopedMixin, TemplateView):
    template_name = "cameras/camera_detail.html"

    def get_context_data(self, **kwargs):
        camera = self.camera
        return super().get_context_data(
            footage=Footage.objects.filter(camera=camera).with_hold()[:50],
            history=_history(camera),
            findings=register_findings([camera], today=timezone.localdate()),
            layers=camera_layers([camera], Municipality.objects.filter(pk=camera.municipality_id)),
            can_approve=has_permission(self.request.user, CAMERA_APPROVE_RETENTION),
            **kwargs,
        )


class CameraRetentionApprove(CameraScopedMixin, View):
    permission = CAMERA_APPROVE_RETENTION

    def post(self, request, pk):
        service_act(
            request,
            lambda: services.camera_retention_approve(camera=self.camera, by=request.user),
            success=_("The longer retention is approved."),
        )
        return redirect("cameras:camera_detail", pk=self.camera.pk)


# --- footage, holds, disclosures ---------------------------------------------------------------


# --- purges and compliance ---------------------------------------------------------------------


# --- data subject requests ---------------------------------------------------------------------


# --- the public page ---------------------------------------------------------------------------


class PublicCameraMap(TemplateView):
    """Where the municipality films and why: for everyone, without login or internal details."""

    template_name = "cameras/public.html"

    def get_context_data(self, **kwargs):
        cameras = list(
            Camera.objects.public()
            .select_related("municipality")
            .order_by("municipality__name", "premises", "name")
        )
        municipalities = Municipality.objects.filter(
            pk__in={camera.municipality_id for camera in cameras}
        )
        return super().get_context_data(
            cameras=cameras,
            layers=_without_ids(camera_layers(cameras, municipalities, labels=("premises",))),
            **kwargs,
        )


def _without_ids(layers: dict) -> dict:
    """Return ``layers`` without the features' database ids, which the public has no use for."""
    for collection in layers.values():
        for feature in collection["features"]:
            feature.pop("id", None)
            feature["properties"].pop("pk", None)
    return layers


# --- permit applications -------------------------------------------------------------------------


class PermitStatisticsView(CameraScopedMixin, TemplateView):
    """The incident compilation for an IMY permit application, as a page, a PDF or a workbook."""

    template_name = "cameras/permit_statistics.html"

    def get_form(self) -> PermitStatisticsForm:
        if "start" in self.request.GET:
            return PermitStatisticsForm(self.request.GET)
        today = timezone.localdate()
        return PermitStatisticsForm(
            initial={
                "start": today.replace(year=today.year - 1) + datetime.timedelta(days=1),
                "end": today,
                "buffer": DEFAULT_BUFFER,
            }
        )

    def get(self, request, *args, **kwargs):
        form = self.get_form()
        statistics = None
        if form.is_bound and form.is_valid():
            statistics = permit_statistics(camera=self.camera, **form.cleaned_data)
            download = request.GET.get("format")
            if download in ("pdf", "xlsx"):
                return self._download(statistics, download)
        return self.render_to_response(
            self.get_context_data(form=form, statistics=statistics, weekdays=weekday_names())
        )

    def _download(self, statistics, kind):
        name = slugify(f"{self.camera.name} {statistics.start} {statistics.end}")
        access_record(
            request=self.request,
            kind=AccessKind.EXPORT,
            target=f"imy-{name}.{kind}",
            municipalities=[self.camera.municipality],
        )
        if kind == "xlsx":
            content = permit_statistics_workbook(statistics)
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        else:
            content = pdf_render(
                "cameras/permit_statistics_pdf.html",
                {"statistics": statistics, "camera": self.camera, "weekdays": weekday_names()},
                title=_("Incidents around %(camera)s") % {"camera": self.camera.name},
            )
            content_type = "application/pdf"
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="imy-{name}.{kind}"'
        return response

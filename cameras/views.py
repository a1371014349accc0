"""Pages of the camera register. Thin: find the object within the user's municipalities (else 404),
call one function from cameras.services, render or redirect."""

import datetime
import json

from django.contrib import messages
from django.core.serializers import serialize
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from cameras.permissions import CAMERA_APPROVE_RETENTION, CAMERA_DISCLOSURE_VIEW, CAMERA_MANAGE
from est.access import PermissionRequiredMixin
from est.geojson import feature_collection
from est.models import Municipality
from est.pdf import pdf_render
from est.roles import has_permission
from est.service_views import ServiceFormMixin, service_act

from . import services
from .compliance import register_findings
from .forms import (
    CameraForm,
    DataSubjectRequestForm,
    DataSubjectRequestStatusForm,
    DisclosureForm,
    FootageForm,
    LegalHoldForm,
    LegalHoldReleaseForm,
    PermitStatisticsForm,
)
from .models import (
    Camera,
    DataSubjectRequest,
    DeletionReceipt,
    Disclosure,
    Footage,
    LegalHold,
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


class CameraServiceFormMixin(ServiceFormMixin):
    """Saves a valid form through ``perform(form)``, then says so and shows what was saved."""

    success_message = ""

    def performed(self, form, saved):
        if self.success_message:
            messages.success(self.request, self.success_message % {"name": saved})
        return redirect(self.get_success_url_for(saved))


class CameraScopedMixin(PermissionRequiredMixin):
    """Finds ``self.camera`` from the URL among the user's cameras, else 404."""

    permission = CAMERA_MANAGE

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.camera = get_object_or_404(
                Camera.objects.for_user(request.user).select_related("municipality"),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(camera=self.camera, **kwargs)


class FootageScopedMixin(PermissionRequiredMixin):
    """Finds ``self.footage`` from the URL among the user's footage, else 404."""

    permission = CAMERA_MANAGE

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.footage = get_object_or_404(
                Footage.objects.for_user(request.user).with_hold().select_related("camera"),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(footage=self.footage, camera=self.footage.camera, **kwargs)

    def get_success_url_for(self, saved):
        return reverse("cameras:footage_detail", args=[self.footage.pk])


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


class FootageCreate(CameraScopedMixin, CameraServiceFormMixin, FormView):
    form_class = FootageForm
    template_name = "cameras/footage_form.html"
    success_message = gettext_lazy("The footage is saved. It will be deleted at its purge time.")

    def perform(self, form):
        return services.footage_create(
            camera=self.camera, by=self.request.user, **form.cleaned_data
        )

    def get_success_url_for(self, footage):
        return reverse("cameras:footage_detail", args=[footage.pk])


class FootageDetail(FootageScopedMixin, TemplateView):
    template_name = "cameras/footage_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            holds=self.footage.holds.select_related("set_by", "released_by"),
            disclosures=self.footage.disclosures.select_related("handed_over_by"),
            receipt=DeletionReceipt.objects.filter(footage=self.footage).first(),
            hold_form=LegalHoldForm(),
            disclosure_form=DisclosureForm(initial={"disclosed_on": timezone.localdate()}),
            **kwargs,
        )


class FootageDownload(FootageScopedMixin, View):
    def get(self, request, pk):
        if self.footage.is_purged or not self.footage.file:
            raise Http404
        return FileResponse(self.footage.file.open("rb"), as_attachment=True)


class LegalHoldCreate(FootageScopedMixin, CameraServiceFormMixin, FormView):
    form_class = LegalHoldForm
    template_name = "cameras/legal_hold_form.html"
    success_message = gettext_lazy(
        "The legal hold is set: the footage is kept until it is released."
    )

    def perform(self, form):
        return services.legal_hold_set(
            footage=self.footage, by=self.request.user, **form.cleaned_data
        )


class LegalHoldRelease(PermissionRequiredMixin, CameraServiceFormMixin, FormView):
    permission = CAMERA_MANAGE
    form_class = LegalHoldReleaseForm
    template_name = "cameras/legal_hold_release.html"
    success_message = gettext_lazy("The legal hold is released.")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.hold = get_object_or_404(
                LegalHold.objects.filter(footage__in=Footage.objects.for_user(request.user)),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(hold=self.hold, **kwargs)

    # The service names the field after the model's; the form calls it "reason".
    service_error_fields = {"release_reason": "reason"}

    def perform(self, form):
        return services.legal_hold_release(
            hold=self.hold, by=self.request.user, reason=form.cleaned_data["reason"]
        )

    def get_success_url_for(self, hold):
        return reverse("cameras:footage_detail", args=[hold.footage_id])


class DisclosureCreate(FootageScopedMixin, CameraServiceFormMixin, FormView):
    form_class = DisclosureForm
    template_name = "cameras/disclosure_form.html"
    success_message = gettext_lazy("The disclosure %(name)s is recorded.")

    def perform(self, form):
        return services.disclosure_record(
            footage=self.footage, by=self.request.user, **form.cleaned_data
        )


class DisclosureList(PermissionRequiredMixin, ListView):
    permission = CAMERA_DISCLOSURE_VIEW
    template_name = "cameras/disclosure_list.html"
    paginate_by = 100

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_manage=has_permission(self.request.user, CAMERA_MANAGE), **kwargs
        )

    def get_queryset(self):
        return Disclosure.objects.for_user(self.request.user).select_related(
            "footage__camera__municipality", "handed_over_by"
        )


# --- purges and compliance ---------------------------------------------------------------------


class PurgeDashboard(PermissionRequiredMixin, TemplateView):
    permission = CAMERA_MANAGE
    template_name = "cameras/purge_dashboard.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        now = timezone.now()
        footage = Footage.objects.for_user(user).select_related("camera")
        return super().get_context_data(
            now=now,
            overdue=footage.overdue(now),
            failing=footage.failing().with_hold(),
            held=footage.kept().with_hold().filter(on_hold=True),
            upcoming=footage.upcoming(now).filter(on_hold=False)[:20],
            receipts=DeletionReceipt.objects.filter(
                camera__in=Camera.objects.for_user(user)
            ).select_related("camera")[:20],
            **kwargs,
        )


class ComplianceList(PermissionRequiredMixin, TemplateView):
    permission = CAMERA_MANAGE
    template_name = "cameras/compliance.html"

    def get_context_data(self, **kwargs):
        cameras = Camera.objects.for_user(self.request.user).select_related("municipality")
        return super().get_context_data(
            findings=register_findings(cameras, today=timezone.localdate()), **kwargs
        )


# --- data subject requests ---------------------------------------------------------------------


class DataSubjectRequestList(PermissionRequiredMixin, CameraServiceFormMixin, FormView):
    permission = CAMERA_MANAGE
    form_class = DataSubjectRequestForm
    template_name = "cameras/request_list.html"
    success_message = gettext_lazy("The request %(name)s is logged.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        return {"received_on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            requests=DataSubjectRequest.objects.for_user(self.request.user)
            .select_related("municipality")
            .prefetch_related("cameras"),
            today=timezone.localdate(),
            **kwargs,
        )

    def perform(self, form):
        data = dict(form.cleaned_data)
        return services.data_subject_request_create(by=self.request.user, **data)

    def get_success_url_for(self, request):
        return reverse("cameras:request_list")


class DataSubjectRequestUpdate(PermissionRequiredMixin, CameraServiceFormMixin, FormView):
    permission = CAMERA_MANAGE
    form_class = DataSubjectRequestStatusForm
    template_name = "cameras/request_form.html"
    success_message = gettext_lazy("The request %(name)s is updated.")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.object = get_object_or_404(
                DataSubjectRequest.objects.for_user(request.user), pk=kwargs["pk"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        # A copy, so that a rejected form does not change the object shown on the page.
        instance = DataSubjectRequest.objects.get(pk=self.object.pk)
        return {**super().get_form_kwargs(), "instance": instance}

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, **kwargs)

    def perform(self, form):
        return services.data_subject_request_update(request=self.object, **form.cleaned_data)

    def get_success_url_for(self, request):
        return reverse("cameras:request_list")


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

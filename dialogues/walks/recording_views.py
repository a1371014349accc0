"""The walk page on a phone: findings, the audit of each stretch and the participants, recorded
during the walk. Each form posts on its own; without scripts it is a plain form and the page
comes back with a message, with scripts (``walk-record.js``) it goes through the offline queue,
which asks for JSON (``OfflineQueueMixin``)."""

from django.contrib import messages
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from est.geojson import feature_collection
from est.municipalities import boundary_layer
from est.roles import has_permission
from est.service_views import OfflineQueueMixin, ServiceFormMixin
from est.stored_files import stored_file_response
from reports.incidents.filing import point_from_lat_lon
from reports.incidents.views import marking_messages

from ..permissions import WALK_PLAN, WALK_RECORD
from .models import FindingPhoto, SafetyWalk
from .recording import (
    finding_record,
    participants_set,
    recordable_categories,
    stretch_audit_record,
    walk_recordable_error,
)
from .recording_forms import FindingForm, ParticipantsForm, StretchAuditForm
from .views import WalkScopedMixin


def walk_map_layers(walk: SafetyWalk) -> dict:
    """Return what the walk page's map draws: the boundary, the route and the findings so far,
    as GeoJSON in WGS 84 for ``json_script``."""
    findings = walk.findings.annotate(category_name=F("category__name"))
    return {
        **boundary_layer(walk.municipality),
        "route": feature_collection(SafetyWalk.objects.filter(pk=walk.pk), "route", []),
        "findings": feature_collection(findings, "position", ["category_name", "unsafe"]),
    }


class WalkRecordMixin(WalkScopedMixin):
    permission = WALK_RECORD


class WalkRecord(WalkRecordMixin, TemplateView):
    """The page the walk leader and the participants use on the walk."""

    template_name = "dialogues/walks/walk_record.html"

    def get_context_data(self, **kwargs):
        walk = self.walk
        findings = list(
            walk.findings.select_related("category")
            .prefetch_related("photos")
            .order_by("-recorded_at", "-pk")
        )
        kwargs.setdefault("finding_form", FindingForm(categories=recordable_categories(walk)))
        kwargs.setdefault("audit_form", StretchAuditForm())
        kwargs.setdefault(
            "participants_form",
            ParticipantsForm(initial={p.group: p.count for p in walk.participants.all()}),
        )
        return super().get_context_data(
            closed=walk_recordable_error(walk),
            findings=findings,
            audits=walk.audits.order_by("stretch", "recorded_at"),
            participants=walk.participants.all(),
            walk_map=walk_map_layers(walk),
            marking_messages=marking_messages(),
            can_plan=has_permission(self.request.user, WALK_PLAN),
            **kwargs,
        )


class RecordingFormMixin(WalkRecordMixin, OfflineQueueMixin, ServiceFormMixin):
    """A form of the walk page: refused input comes back on the page with everything typed (or
    as JSON to the queue); what is recorded leads back to the page with a message."""

    template_name = "dialogues/walks/walk_record.html"
    context_form_name: str
    success_message: str

    def get(self, request, *args, **kwargs):
        return redirect("walk_record", pk=self.walk.pk)

    def get_context_data(self, **kwargs):
        form = kwargs.pop("form")
        page = WalkRecord(request=self.request, kwargs=self.kwargs)
        page.walk, page.municipality = self.walk, self.municipality
        return page.get_context_data(form=form, **{self.context_form_name: form})

    def performed(self, form, result):
        messages.success(self.request, self.success_message)
        return redirect("walk_record", pk=self.walk.pk)


class FindingCreate(RecordingFormMixin, FormView):
    form_class = FindingForm
    context_form_name = "finding_form"
    success_message = _("The finding is recorded.")
    service_error_fields = {"position": "latitude"}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "categories": recordable_categories(self.walk)}

    def perform(self, form):
        data = form.cleaned_data
        return finding_record(
            walk=self.walk,
            by=self.request.user,
            submission_key=data["submission_key"],
            category=data["category"],
            position=point_from_lat_lon(data["latitude"], data["longitude"]),
            description=data["description"],
            unsafe=data["unsafe"],
            recorded_at=data["recorded_at"],
            photos=data["photos"],
        )


class AuditCreate(RecordingFormMixin, FormView):
    form_class = StretchAuditForm
    context_form_name = "audit_form"
    success_message = _("The audit of the stretch is recorded.")

    def perform(self, form):
        data = form.cleaned_data
        return stretch_audit_record(
            walk=self.walk,
            by=self.request.user,
            submission_key=data["submission_key"],
            stretch=data["stretch"],
            stretch_name=data["stretch_name"],
            scores=form.scores(),
            note=data["note"],
            recorded_at=data["recorded_at"],
        )


class ParticipantsUpdate(RecordingFormMixin, FormView):
    form_class = ParticipantsForm
    context_form_name = "participants_form"
    success_message = _("The participants are noted.")

    def perform(self, form):
        return participants_set(walk=self.walk, by=self.request.user, counts=form.counts())


class FindingPhotoFile(WalkRecordMixin, View):
    """A photo of a finding or its thumbnail, only for staff of the walk's municipality."""

    def get(self, request, pk, photo_pk, size):
        photo = get_object_or_404(FindingPhoto, finding__walk=self.walk, pk=photo_pk)
        file = {"thumbnail": photo.thumbnail, "image": photo.image}.get(size)
        if not file:
            raise Http404
        response = stored_file_response(file, content_type="image/jpeg")
        response["Cache-Control"] = "private, max-age=3600"
        return response

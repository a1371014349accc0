"""Pages of the crime-prevention council: its page per municipality (members, meetings, open
decisions), a meeting with its decisions and their follow-up, and the public minutes."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from est.access import PermissionRequiredMixin
from est.models import Municipality
from est.roles import has_permission
from est.service_views import ServiceFormMixin, service_act
from est.views import MunicipalityScopedMixin
from reports.council.council import (
    council_decision_create,
    council_decision_follow_up,
    council_meeting_create,
    council_meeting_update,
    council_member_create,
    council_member_remove,
    decisions_to_follow_up,
)
from reports.council.council_forms import (
    CouncilDecisionForm,
    CouncilMeetingForm,
    CouncilMemberForm,
)
from reports.council.meetings import CouncilDecision, CouncilMeeting, CouncilMember
from reports.permissions import COUNCIL_EDIT, COUNCIL_VIEW


class CouncilIndex(PermissionRequiredMixin, TemplateView):
    """The councils of the user's municipalities (most have one)."""

    permission = COUNCIL_VIEW
    template_name = "reports/council/council_index.html"

    def get_context_data(self, **kwargs):
        municipalities = self.request.user.municipalities.defer("boundary")
        return super().get_context_data(municipalities=municipalities, **kwargs)


class CouncilPage(MunicipalityScopedMixin, TemplateView):
    permission = COUNCIL_VIEW
    template_name = "reports/council/council.html"

    def get_context_data(self, **kwargs):
        municipality = self.municipality
        return super().get_context_data(
            members=CouncilMember.objects.for_municipality(municipality),
            meetings=CouncilMeeting.objects.for_municipality(municipality),
            open_decisions=CouncilDecision.objects.for_municipality(municipality)
            .filter(status__in=CouncilDecision.OPEN_STATUSES)
            .select_related("owner", "meeting"),
            today=timezone.localdate(),
            can_edit=has_permission(self.request.user, COUNCIL_EDIT),
            **kwargs,
        )


class CouncilMemberCreate(MunicipalityScopedMixin, ServiceFormMixin, FormView):
    permission = COUNCIL_EDIT
    form_class = CouncilMemberForm
    template_name = "reports/council/council_form.html"
    extra_context = {"title": _("Add a council member")}

    def perform(self, form):
        return council_member_create(
            municipality=self.municipality, by=self.request.user, **form.cleaned_data
        )

    def performed(self, form, member):
        messages.success(self.request, _("The member is added."))
        return redirect("council", code=self.municipality.code)


class CouncilMemberRemove(MunicipalityScopedMixin, View):
    permission = COUNCIL_EDIT

    def post(self, request, code, pk):
        member = get_object_or_404(CouncilMember.objects.for_municipality(self.municipality), pk=pk)
        service_act(
            request,
            lambda: council_member_remove(member=member, by=request.user),
            success=_("The member is removed."),
        )
        return redirect("council", code=code)


class MeetingCreate(MunicipalityScopedMixin, ServiceFormMixin, FormView):
    permission = COUNCIL_EDIT
    form_class = CouncilMeetingForm
    template_name = "reports/council/council_form.html"
    extra_context = {"title": _("Record a council meeting")}

    def perform(self, form):
        return council_meeting_create(
            municipality=self.municipality, by=self.request.user, **form.cleaned_data
        )

    def performed(self, form, meeting):
        messages.success(self.request, _("The meeting is recorded."))
        return redirect("council_meeting", pk=meeting.pk)


class MeetingMixin(PermissionRequiredMixin):
    """Finds the meeting among those of the user's municipalities, else 404."""

    permission = COUNCIL_VIEW

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.meeting = get_object_or_404(
                CouncilMeeting.objects.for_user(request.user).select_related("municipality"),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            meeting=self.meeting, municipality=self.meeting.municipality, **kwargs
        )


class MeetingDetail(MeetingMixin, TemplateView):
    template_name = "reports/council/meeting.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            decisions=self.meeting.decisions.select_related("owner"),
            documents=self.meeting.documents.all(),
            follow_up=decisions_to_follow_up(self.meeting),
            statuses=CouncilDecision.Status.choices,
            can_edit=has_permission(self.request.user, COUNCIL_EDIT),
            **kwargs,
        )


class MeetingEdit(MeetingMixin, ServiceFormMixin, FormView):
    permission = COUNCIL_EDIT
    form_class = CouncilMeetingForm
    template_name = "reports/council/council_form.html"
    extra_context = {"title": _("Agenda and minutes")}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.meeting}

    def perform(self, form):
        return council_meeting_update(
            meeting=self.meeting, by=self.request.user, **form.cleaned_data
        )

    def performed(self, form, meeting):
        messages.success(self.request, _("The meeting is saved."))
        return redirect("council_meeting", pk=meeting.pk)


class DecisionCreate(MeetingMixin, ServiceFormMixin, FormView):
    permission = COUNCIL_EDIT
    form_class = CouncilDecisionForm
    template_name = "reports/council/council_form.html"
    extra_context = {"title": _("Record a decision")}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "municipality": self.meeting.municipality}

    def perform(self, form):
        return council_decision_create(
            meeting=self.meeting, by=self.request.user, **form.cleaned_data
        )

    def performed(self, form, decision):
        messages.success(self.request, _("The decision is recorded."))
        return redirect("council_meeting", pk=self.meeting.pk)


class DecisionFollowUp(MeetingMixin, View):
    """How far a decision of an earlier meeting has come, recorded at this one."""

    permission = COUNCIL_EDIT

    def post(self, request, pk, decision):
        followed = get_object_or_404(
            CouncilDecision.objects.for_municipality(self.meeting.municipality), pk=decision
        )
        service_act(
            request,
            lambda: council_decision_follow_up(
                decision=followed,
                by=request.user,
                meeting=self.meeting,
                status=request.POST.get("status", ""),
            ),
            success=_("The follow-up is saved."),
        )
        return redirect("council_meeting", pk=pk)


class PublicMinutes(TemplateView):
    """The council's public minutes, for anyone: council minutes are public documents."""

    template_name = "reports/council/public_minutes.html"

    def get_context_data(self, **kwargs):
        municipality = get_object_or_404(
            Municipality.objects.defer("boundary"), code=self.kwargs["code"]
        )
        return super().get_context_data(
            municipality=municipality,
            meetings=CouncilMeeting.objects.for_municipality(municipality)
            .filter(minutes_public=True)
            .prefetch_related("documents"),
            **kwargs,
        )

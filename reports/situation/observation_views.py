"""Pages of the working group: adding an observation to a draft picture, the coordinator's
page naming the organisations of a municipality's working group, and the record of the
group's meeting on a picture."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from est.service_views import ServiceFormMixin, service_act
from est.views import MunicipalityScopedMixin
from reports.permissions import SITUATION_EDIT, SITUATION_OBSERVE, WORKING_GROUP_MANAGE
from reports.situation.meeting_record import (
    meeting_attendee_choices,
    picture_meeting_of,
    picture_meeting_save,
)
from reports.situation.models import WorkingGroupMember
from reports.situation.observation_forms import (
    ObservationForm,
    PictureMeetingForm,
    WorkingGroupMemberForm,
)
from reports.situation.observations import (
    in_working_group,
    observation_create,
    working_group_candidates,
    working_group_member_add,
    working_group_member_remove,
)
from reports.situation.views import PictureMixin


class ObservationCreate(PictureMixin, ServiceFormMixin, FormView):
    """Readers of the picture who are not in its working group are refused (403) before the
    form; whether the picture is still open is the service's to say, next to the form."""

    permission = SITUATION_OBSERVE
    form_class = ObservationForm
    template_name = "reports/situation/observation_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.picture = self.get_picture()
            if not in_working_group(request.user, self.picture.municipality_id):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(picture=self.picture, **kwargs)

    def perform(self, form):
        return observation_create(picture=self.picture, by=self.request.user, **form.cleaned_data)

    def performed(self, form, observation):
        messages.success(self.request, _("Your observation is added to the picture."))
        return redirect("situation_detail", pk=self.picture.pk)


class WorkingGroupEdit(MunicipalityScopedMixin, ServiceFormMixin, FormView):
    """The organisations in the working group, and a form to name one more."""

    permission = WORKING_GROUP_MANAGE
    form_class = WorkingGroupMemberForm
    template_name = "reports/situation/working_group.html"

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "candidates": working_group_candidates(self.municipality),
        }

    def get_context_data(self, **kwargs):
        members = WorkingGroupMember.objects.for_municipality(self.municipality)
        return super().get_context_data(members=members.select_related("organisation"), **kwargs)

    def perform(self, form):
        return working_group_member_add(
            municipality=self.municipality, by=self.request.user, **form.cleaned_data
        )

    def performed(self, form, member):
        messages.success(
            self.request,
            _("%(organisation)s is in the working group.") % {"organisation": member.organisation},
        )
        return redirect("working_group", code=self.municipality.code)


class WorkingGroupRemove(MunicipalityScopedMixin, View):
    permission = WORKING_GROUP_MANAGE

    def post(self, request, code, pk):
        member = get_object_or_404(
            WorkingGroupMember.objects.for_municipality(self.municipality), pk=pk
        )
        service_act(
            request,
            lambda: working_group_member_remove(member=member, by=request.user),
            success=_("%(organisation)s is no longer in the working group.")
            % {"organisation": member.organisation},
        )
        return redirect("working_group", code=code)


class PictureMeetingEdit(PictureMixin, ServiceFormMixin, FormView):
    """The record of the working group's meeting on a picture, kept by the coordinator."""

    permission = SITUATION_EDIT
    form_class = PictureMeetingForm
    template_name = "reports/situation/meeting_record_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.picture = self.get_picture()
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        record = picture_meeting_of(self.picture)
        if record is None:
            return {}
        return {
            "held_on": record.held_on,
            "organisations": list(record.organisations.all()),
            "notes": record.notes,
        }

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "organisations": meeting_attendee_choices(self.picture),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(picture=self.picture, **kwargs)

    def perform(self, form):
        return picture_meeting_save(picture=self.picture, by=self.request.user, **form.cleaned_data)

    def performed(self, form, record):
        messages.success(self.request, _("The meeting record is saved."))
        return redirect("situation_detail", pk=self.picture.pk)

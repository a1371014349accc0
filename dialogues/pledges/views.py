"""Staff pages: the coordinator and the police draft, publish and follow up the pledges.

Every object is looked up among those of the user's municipalities, so another municipality's
pledge is a 404 whatever its id.
"""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from dialogues.permissions import COMMENT_MODERATE, PLEDGE_EDIT, PLEDGE_PUBLISH, PLEDGE_VIEW
from est.access import PermissionRequiredMixin
from est.models import Municipality
from est.roles import has_permission
from est.views import MunicipalityScopedMixin

from . import comments, services
from .display import pledge_for_display, pledge_page_context
from .forms import (
    ActivityForm,
    CorrectionForm,
    FocusAreaForm,
    FollowUpForm,
    ModerationForm,
    PledgeForm,
    ProgressForm,
)
from .mixins import ConfirmView, PledgeScopedMixin, ServiceFormView, staff_url
from .models import Activity, Comment, FocusArea, Pledge


class PledgeList(PermissionRequiredMixin, TemplateView):
    permission = PLEDGE_VIEW
    template_name = "dialogues/pledges/pledge_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        municipalities = Municipality.objects.for_user(user).defer("boundary")
        current = set(Pledge.objects.for_user(user).current().values_list("pk", flat=True))
        pledges_by_municipality = [
            (
                municipality,
                Pledge.objects.for_municipality(municipality)
                .annotate(pending_comments=Count("comments", filter=Q(comments__status="pending")))
                # Meta.ordering does not apply to a query with an aggregate.
                .order_by("-year", "-version"),
            )
            for municipality in municipalities
        ]
        return super().get_context_data(
            pledges_by_municipality=pledges_by_municipality,
            current=current,
            can_edit=has_permission(user, PLEDGE_EDIT),
            **kwargs,
        )


class PledgeDetail(PledgeScopedMixin, TemplateView):
    permission = PLEDGE_VIEW
    template_name = "dialogues/pledges/pledge_detail.html"

    def get_context_data(self, **kwargs):
        pledge = pledge_for_display(Pledge.objects.filter(pk=self.pledge.pk)).get()
        user = self.request.user
        is_current = Pledge.objects.current().filter(pk=pledge.pk).exists()
        draft_correction = Pledge.objects.drafts().filter(supersedes=pledge).first()
        context = super().get_context_data(**kwargs)
        context.update(pledge_page_context(pledge))
        context.update(
            is_current=is_current,
            draft_correction=draft_correction,
            versions=Pledge.objects.for_municipality(pledge.municipality)
            .filter(year=pledge.year)
            .order_by("-version"),
            can_edit=pledge.is_draft and has_permission(user, PLEDGE_EDIT),
            can_report=is_current
            and pledge.status == Pledge.Status.PUBLISHED
            and has_permission(user, PLEDGE_EDIT),
            can_publish=pledge.is_draft and has_permission(user, PLEDGE_PUBLISH),
            can_follow_up=is_current
            and pledge.status == Pledge.Status.PUBLISHED
            and has_permission(user, PLEDGE_PUBLISH),
            can_correct=is_current
            and draft_correction is None
            and has_permission(user, PLEDGE_PUBLISH),
        )
        return context


class PledgeCreate(MunicipalityScopedMixin, ServiceFormView):
    permission = PLEDGE_EDIT
    heading = gettext_lazy("New citizen pledges")
    success_message = gettext_lazy("The draft is saved. Add the focus areas and their activities.")

    def get_initial(self):
        # Pledges are agreed in the autumn for the coming year.
        today = timezone.localdate()
        return {"year": today.year + 1 if today.month >= 9 else today.year}

    def get_form(self, form_class=None):
        return PledgeForm(municipality=self.municipality, **self.get_form_kwargs())

    def perform(self, form):
        return services.pledge_create(
            municipality=self.municipality, by=self.request.user, **form.cleaned_data
        )

    def cancel_url(self):
        return reverse("pledge_list")


class PledgeUpdate(PledgeScopedMixin, ServiceFormView):
    permission = PLEDGE_EDIT
    draft_only = True
    heading = gettext_lazy("Edit the introduction")
    success_message = gettext_lazy("The draft is saved.")

    def get_form(self, form_class=None):
        return PledgeForm(
            municipality=self.pledge.municipality, pledge=self.pledge, **self.get_form_kwargs()
        )

    def get_initial(self):
        return {
            "introduction": self.pledge.introduction,
            "agreement": self.pledge.agreement,
            "correction_note": self.pledge.correction_note,
            "follow_up": self.pledge.follow_up,
        }

    def perform(self, form):
        return services.pledge_update(pledge=self.pledge, **form.cleaned_data)


class FocusAreaCreate(PledgeScopedMixin, ServiceFormView):
    permission = PLEDGE_EDIT
    draft_only = True
    heading = gettext_lazy("New focus area")

    def get_form(self, form_class=None):
        return FocusAreaForm(municipality=self.pledge.municipality, **self.get_form_kwargs())

    def perform(self, form):
        return services.focus_area_create(pledge=self.pledge, **form.cleaned_data)


class FocusAreaUpdate(PledgeScopedMixin, ServiceFormView):
    permission = PLEDGE_EDIT
    lookup = FocusArea
    draft_only = True
    heading = gettext_lazy("Edit the focus area")

    def get_form(self, form_class=None):
        return FocusAreaForm(
            municipality=self.pledge.municipality,
            instance=self.focus_area,
            **self.get_form_kwargs(),
        )

    def perform(self, form):
        # The form's instance is only read from; the service saves.
        self.focus_area.refresh_from_db()
        return services.focus_area_update(focus_area=self.focus_area, **form.cleaned_data)


class ActivityCreate(PledgeScopedMixin, ServiceFormView):
    permission = PLEDGE_EDIT
    lookup = FocusArea
    draft_only = True
    form_class = ActivityForm

    @property
    def heading(self):
        return _("New activity in %(focus_area)s") % {"focus_area": self.focus_area.title}

    def perform(self, form):
        return services.activity_create(focus_area=self.focus_area, **form.cleaned_data)


class ActivityUpdate(PledgeScopedMixin, ServiceFormView):
    permission = PLEDGE_EDIT
    lookup = Activity
    draft_only = True
    heading = gettext_lazy("Edit the activity")

    def get_form(self, form_class=None):
        return ActivityForm(instance=self.activity, **self.get_form_kwargs())

    def perform(self, form):
        self.activity.refresh_from_db()
        return services.activity_update(activity=self.activity, **form.cleaned_data)


class ProgressCreate(PledgeScopedMixin, ServiceFormView):
    """Report what happened in an activity of the current published pledges."""

    permission = PLEDGE_EDIT
    lookup = Activity
    form_class = ProgressForm
    success_message = gettext_lazy("The progress is saved and shown on the public page.")

    @property
    def heading(self):
        return _("Report progress: %(activity)s") % {"activity": self.activity}

    def get_initial(self):
        return {"status": self.activity.status}

    def perform(self, form):
        services.activity_progress_add(
            activity=self.activity, by=self.request.user, **form.cleaned_data
        )
        return self.activity


class PledgeFollowUp(PledgeScopedMixin, ServiceFormView):
    permission = PLEDGE_PUBLISH
    form_class = FollowUpForm
    heading = gettext_lazy("Follow up the year")
    submit_label = gettext_lazy("Publish the follow-up")
    success_message = gettext_lazy("The follow-up is published.")

    def perform(self, form):
        return services.pledge_follow_up(
            pledge=self.pledge, text=form.cleaned_data["follow_up"], by=self.request.user
        )


class PledgeCorrect(PledgeScopedMixin, ServiceFormView):
    permission = PLEDGE_PUBLISH
    form_class = CorrectionForm
    heading = gettext_lazy("Correct the published pledges")
    submit_label = gettext_lazy("Start a correction")
    success_message = gettext_lazy(
        "A new version is drafted. Residents see the published one until you publish this."
    )

    def perform(self, form):
        return services.pledge_correct(
            pledge=self.pledge, note=form.cleaned_data["note"], by=self.request.user
        )


class PledgePublish(ConfirmView):
    permission = PLEDGE_PUBLISH
    question = gettext_lazy(
        "Publish the pledges? Residents can read them at once, and the text can no longer be "
        "changed: later changes are made as a visible correction."
    )
    submit_label = gettext_lazy("Publish")
    success_message = gettext_lazy("The pledges are published.")

    def act(self):
        return staff_url(services.pledge_publish(pledge=self.pledge, by=self.request.user))


class PledgeDiscard(ConfirmView):
    permission = PLEDGE_PUBLISH
    question = gettext_lazy("Delete this draft? Nothing of it has been published.")
    submit_label = gettext_lazy("Delete the draft")
    success_message = gettext_lazy("The draft is deleted.")

    def act(self):
        services.pledge_discard(pledge=self.pledge)
        return reverse("pledge_list")


class FocusAreaDelete(ConfirmView):
    permission = PLEDGE_EDIT
    lookup = FocusArea
    draft_only = True
    submit_label = gettext_lazy("Delete")
    success_message = gettext_lazy("The focus area is deleted.")

    @property
    def question(self):
        return _("Delete the focus area %(title)s and its activities?") % {
            "title": self.focus_area.title
        }

    def act(self):
        services.focus_area_delete(focus_area=self.focus_area)
        return staff_url(self.pledge)


class ActivityDelete(ConfirmView):
    permission = PLEDGE_EDIT
    lookup = Activity
    draft_only = True
    submit_label = gettext_lazy("Delete")
    success_message = gettext_lazy("The activity is deleted.")

    @property
    def question(self):
        return _("Delete the activity “%(activity)s”?") % {"activity": self.activity}

    def act(self):
        services.activity_delete(activity=self.activity)
        return staff_url(self.pledge)


class CommentQueue(PermissionRequiredMixin, TemplateView):
    """Residents' comments waiting for the coordinator, oldest first."""

    permission = COMMENT_MODERATE
    template_name = "dialogues/pledges/comment_queue.html"

    def get_context_data(self, **kwargs):
        pending = (
            Comment.objects.for_user(self.request.user)
            .pending()
            .select_related("pledge__municipality")
        )
        return super().get_context_data(
            comments=[(comment, ModerationForm(prefix=f"c{comment.pk}")) for comment in pending],
            **kwargs,
        )


class CommentModerate(PermissionRequiredMixin, View):
    """Approve or reject one pending comment (the button pressed says which)."""

    permission = COMMENT_MODERATE

    def post(self, request, *args, **kwargs):
        comment = get_object_or_404(
            Comment.objects.for_user(request.user).pending(), pk=kwargs["pk"]
        )
        form = ModerationForm(request.POST, prefix=f"c{comment.pk}")
        form.is_valid()
        approve = request.POST.get("decision") == "approve"
        comments.comment_moderate(
            comment=comment,
            approve=approve,
            reply=form.cleaned_data.get("reply", ""),
            by=request.user,
        )
        messages.success(
            request,
            _("The comment is shown on the public page.")
            if approve
            else _("The comment is rejected and will not be shown."),
        )
        return redirect("comment_queue")

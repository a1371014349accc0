"""Staff pages: the coordinator and the police draft, publish and follow up the pledges.

Every object is looked up among those of the user's municipalities, so another municipality's
pledge is a 404 whatever its id.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from est.access import PermissionRequiredMixin
from est.forms import form_add_service_errors
from est.models import Municipality
from est.roles import has_permission
from est.views import MunicipalityScopedMixin

from . import comments, pledges
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
from .models import Activity, Comment, FocusArea, Pledge


class PledgeList(PermissionRequiredMixin, TemplateView):
    permission = "pledge.view"
    template_name = "dialogues/pledge_list.html"

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
            can_edit=has_permission(user, "pledge.edit"),
            **kwargs,
        )


class ServiceFormView(FormView):
    """A form whose valid data goes to one service function; its ValidationError lands on the form.

    Subclasses define ``save(form)``, returning the object whose staff page comes next.
    """

    template_name = "dialogues/form.html"
    heading = ""
    submit_label = gettext_lazy("Save")
    success_message = ""

    def form_valid(self, form):
        try:
            saved = self.save(form)
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return redirect(_staff_url(saved))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.heading,
            submit_label=self.submit_label,
            cancel_url=self.cancel_url(),
            **kwargs,
        )

    def cancel_url(self):
        return _staff_url(self.pledge)


def _staff_url(obj) -> str:
    """Return the staff page that shows ``obj``: its pledge's page, at the object's place."""
    if isinstance(obj, Pledge):
        return reverse("pledge_detail", args=[obj.pk])
    if isinstance(obj, FocusArea):
        return reverse("pledge_detail", args=[obj.pledge_id]) + f"#focus-area-{obj.pk}"
    if isinstance(obj, Activity):
        return reverse("pledge_detail", args=[obj.focus_area.pledge_id]) + f"#activity-{obj.pk}"
    raise TypeError(obj)


class PledgeScopedMixin(PermissionRequiredMixin):
    """Finds ``self.pledge`` (and the focus area or activity in the URL) among the user's
    municipalities' pledges, else 404. With ``draft_only``, a published pledge sends the user
    back to its page: its text is frozen."""

    lookup: type = Pledge
    draft_only = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return super().dispatch(request, *args, **kwargs)
        own = Pledge.objects.for_user(request.user)
        if self.lookup is Pledge:
            self.pledge = get_object_or_404(own, pk=kwargs["pk"])
        elif self.lookup is FocusArea:
            self.focus_area = get_object_or_404(
                FocusArea.objects.select_related("pledge__municipality").filter(pledge__in=own),
                pk=kwargs["pk"],
            )
            self.pledge = self.focus_area.pledge
        else:
            self.activity = get_object_or_404(
                Activity.objects.select_related("focus_area__pledge__municipality").filter(
                    focus_area__pledge__in=own
                ),
                pk=kwargs["pk"],
            )
            self.focus_area = self.activity.focus_area
            self.pledge = self.focus_area.pledge
        if (
            self.draft_only
            and not self.pledge.is_draft
            and has_permission(request.user, self.permission)
        ):
            messages.error(
                request,
                _("The pledge is published and cannot be changed. Make a correction instead."),
            )
            return redirect("pledge_detail", self.pledge.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(pledge=self.pledge, **kwargs)


class PledgeDetail(PledgeScopedMixin, TemplateView):
    permission = "pledge.view"
    template_name = "dialogues/pledge_detail.html"

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
            can_edit=pledge.is_draft and has_permission(user, "pledge.edit"),
            can_report=is_current
            and pledge.status == Pledge.Status.PUBLISHED
            and has_permission(user, "pledge.edit"),
            can_publish=pledge.is_draft and has_permission(user, "pledge.publish"),
            can_follow_up=is_current
            and pledge.status == Pledge.Status.PUBLISHED
            and has_permission(user, "pledge.publish"),
            can_correct=is_current
            and draft_correction is None
            and has_permission(user, "pledge.publish"),
        )
        return context


class PledgeCreate(MunicipalityScopedMixin, ServiceFormView):
    permission = "pledge.edit"
    heading = gettext_lazy("New citizen pledges")
    success_message = gettext_lazy("The draft is saved. Add the focus areas and their activities.")

    def get_initial(self):
        # Pledges are agreed in the autumn for the coming year.
        today = timezone.localdate()
        return {"year": today.year + 1 if today.month >= 9 else today.year}

    def get_form(self, form_class=None):
        return PledgeForm(municipality=self.municipality, **self.get_form_kwargs())

    def save(self, form):
        return pledges.pledge_create(
            municipality=self.municipality, by=self.request.user, **form.cleaned_data
        )

    def cancel_url(self):
        return reverse("pledge_list")


class PledgeUpdate(PledgeScopedMixin, ServiceFormView):
    permission = "pledge.edit"
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

    def save(self, form):
        return pledges.pledge_update(pledge=self.pledge, **form.cleaned_data)


class FocusAreaCreate(PledgeScopedMixin, ServiceFormView):
    permission = "pledge.edit"
    draft_only = True
    heading = gettext_lazy("New focus area")

    def get_form(self, form_class=None):
        return FocusAreaForm(municipality=self.pledge.municipality, **self.get_form_kwargs())

    def save(self, form):
        return pledges.focus_area_create(pledge=self.pledge, **form.cleaned_data)


class FocusAreaUpdate(PledgeScopedMixin, ServiceFormView):
    permission = "pledge.edit"
    lookup = FocusArea
    draft_only = True
    heading = gettext_lazy("Edit the focus area")

    def get_form(self, form_class=None):
        return FocusAreaForm(
            municipality=self.pledge.municipality,
            instance=self.focus_area,
            **self.get_form_kwargs(),
        )

    def save(self, form):
        # The form's instance is only read from; the service saves.
        self.focus_area.refresh_from_db()
        return pledges.focus_area_update(focus_area=self.focus_area, **form.cleaned_data)


class ActivityCreate(PledgeScopedMixin, ServiceFormView):
    permission = "pledge.edit"
    lookup = FocusArea
    draft_only = True
    form_class = ActivityForm

    @property
    def heading(self):
        return _("New activity in %(focus_area)s") % {"focus_area": self.focus_area.title}

    def save(self, form):
        return pledges.activity_create(focus_area=self.focus_area, **form.cleaned_data)


class ActivityUpdate(PledgeScopedMixin, ServiceFormView):
    permission = "pledge.edit"
    lookup = Activity
    draft_only = True
    heading = gettext_lazy("Edit the activity")

    def get_form(self, form_class=None):
        return ActivityForm(instance=self.activity, **self.get_form_kwargs())

    def save(self, form):
        self.activity.refresh_from_db()
        return pledges.activity_update(activity=self.activity, **form.cleaned_data)


class ProgressCreate(PledgeScopedMixin, ServiceFormView):
    """Report what happened in an activity of the current published pledges."""

    permission = "pledge.edit"
    lookup = Activity
    form_class = ProgressForm
    success_message = gettext_lazy("The progress is saved and shown on the public page.")

    @property
    def heading(self):
        return _("Report progress: %(activity)s") % {"activity": self.activity}

    def get_initial(self):
        return {"status": self.activity.status}

    def save(self, form):
        pledges.activity_progress_add(
            activity=self.activity, by=self.request.user, **form.cleaned_data
        )
        return self.activity


class PledgeFollowUp(PledgeScopedMixin, ServiceFormView):
    permission = "pledge.publish"
    form_class = FollowUpForm
    heading = gettext_lazy("Follow up the year")
    submit_label = gettext_lazy("Publish the follow-up")
    success_message = gettext_lazy("The follow-up is published.")

    def save(self, form):
        return pledges.pledge_follow_up(
            pledge=self.pledge, text=form.cleaned_data["follow_up"], by=self.request.user
        )


class PledgeCorrect(PledgeScopedMixin, ServiceFormView):
    permission = "pledge.publish"
    form_class = CorrectionForm
    heading = gettext_lazy("Correct the published pledges")
    submit_label = gettext_lazy("Start a correction")
    success_message = gettext_lazy(
        "A new version is drafted. Residents see the published one until you publish this."
    )

    def save(self, form):
        return pledges.pledge_correct(
            pledge=self.pledge, note=form.cleaned_data["note"], by=self.request.user
        )


class ConfirmView(PledgeScopedMixin, TemplateView):
    """A question and a button: POST calls ``act()``; a refusal comes back as a message."""

    template_name = "dialogues/confirm.html"
    question = ""
    submit_label = ""
    success_message = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            question=self.question,
            submit_label=self.submit_label,
            cancel_url=_staff_url(self.pledge),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            url = self.act()
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("pledge_detail", self.pledge.pk)
        messages.success(request, self.success_message)
        return redirect(url)


class PledgePublish(ConfirmView):
    permission = "pledge.publish"
    question = gettext_lazy(
        "Publish the pledges? Residents can read them at once, and the text can no longer be "
        "changed: later changes are made as a visible correction."
    )
    submit_label = gettext_lazy("Publish")
    success_message = gettext_lazy("The pledges are published.")

    def act(self):
        return _staff_url(pledges.pledge_publish(pledge=self.pledge, by=self.request.user))


class PledgeDiscard(ConfirmView):
    permission = "pledge.publish"
    question = gettext_lazy("Delete this draft? Nothing of it has been published.")
    submit_label = gettext_lazy("Delete the draft")
    success_message = gettext_lazy("The draft is deleted.")

    def act(self):
        pledges.pledge_discard(pledge=self.pledge)
        return reverse("pledge_list")


class FocusAreaDelete(ConfirmView):
    permission = "pledge.edit"
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
        pledges.focus_area_delete(focus_area=self.focus_area)
        return _staff_url(self.pledge)


class ActivityDelete(ConfirmView):
    permission = "pledge.edit"
    lookup = Activity
    draft_only = True
    submit_label = gettext_lazy("Delete")
    success_message = gettext_lazy("The activity is deleted.")

    @property
    def question(self):
        return _("Delete the activity “%(activity)s”?") % {"activity": self.activity}

    def act(self):
        pledges.activity_delete(activity=self.activity)
        return _staff_url(self.pledge)


class CommentQueue(PermissionRequiredMixin, TemplateView):
    """Residents' comments waiting for the coordinator, oldest first."""

    permission = "comment.moderate"
    template_name = "dialogues/comment_queue.html"

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

    permission = "comment.moderate"

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

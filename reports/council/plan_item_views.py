"""Pages that change or remove a goal or an activity of a draft action plan. An adopted (frozen)
or an old version offers "start a new version" instead: its forms redirect with a message, and
a POST to them is refused with one. Council members read but never edit; another municipality's
plan, goal or activity is 404."""

from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView

from est.service_views import service_act
from reports.council.goals import baseline_measure
from reports.council.plan_forms import TYPED, ActivityForm, GoalForm
from reports.council.plan_views import DraftOnlyMixin, PlanFormView, year_plan_editable
from reports.council.plans import (
    GOAL_FIELDS,
    activity_remove,
    activity_update,
    goal_remove,
    goal_update,
)
from reports.council.year_plans import year_adopted_text


class GoalMixin:
    """The goal named in the URL, among the plan's goals, else 404."""

    @cached_property
    def goal(self):
        return get_object_or_404(
            self.plan.goals.prefetch_related("categories", "areas"), pk=self.kwargs["goal"]
        )


class ActivityMixin:
    """The activity named in the URL, among the plan's activities, else 404; it changes only
    while its year's action plan is the newest version and a draft."""

    @cached_property
    def activity(self):
        return get_object_or_404(
            self.plan.activities.select_related("goal", "owner", "year_plan"),
            pk=self.kwargs["activity"],
        )

    def refusal(self) -> str:
        if year_plan_editable(self.plan, self.activity.year_plan):
            return ""
        return year_adopted_text(self.activity.year)


class GoalEdit(GoalMixin, PlanFormView):
    form_class = GoalForm
    extra_context = {"title": gettext_lazy("Change the goal")}
    done_message = gettext_lazy("The goal is saved.")

    def get_form_kwargs(self):
        goal = self.goal
        measured = baseline_measure(
            self.plan.municipality,
            goal.indicator,
            goal.baseline_period,
            {
                "categories": [c.pk for c in goal.categories.all()],
                "areas": [a.pk for a in goal.areas.all()],
            },
            today=timezone.localdate(),
        )
        return {
            **super().get_form_kwargs(),
            "municipality": self.plan.municipality,
            "measured": measured,
        }

    def get_initial(self):
        goal = self.goal
        return {
            **{name: getattr(goal, name) for name in GOAL_FIELDS},
            "categories": list(goal.categories.all()),
            "areas": list(goal.areas.all()),
            # What was typed stays unless the coordinator chooses the measured value.
            "baseline_source": TYPED,
        }

    def perform(self, form):
        return goal_update(goal=self.goal, by=self.request.user, **form.cleaned_data)


class ActivityEdit(ActivityMixin, PlanFormView):
    form_class = ActivityForm
    extra_context = {"title": gettext_lazy("Change the activity")}
    done_message = gettext_lazy("The activity is saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan, "activity": self.activity}

    def get_initial(self):
        activity = self.activity
        return {
            "title": activity.title,
            "goal": activity.goal,
            "year": activity.year,
            "owner": activity.owner,
            "status": activity.status,
        }

    def perform(self, form):
        return activity_update(activity=self.activity, by=self.request.user, **form.cleaned_data)


class PlanConfirmView(DraftOnlyMixin, TemplateView):
    """A question and a button about a draft plan: POST calls ``act()``; a refusal comes back to
    the plan's page with a message."""

    template_name = "reports/council/plan_confirm.html"
    submit_label = gettext_lazy("Remove")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=self.title, question=self.question, submit_label=self.submit_label, **kwargs
        )

    def post(self, request, *args, **kwargs):
        service_act(request, self.act, success=self.success_message)
        return redirect("action_plan", pk=self.plan.pk)


class GoalRemove(GoalMixin, PlanConfirmView):
    title = gettext_lazy("Remove the goal")
    success_message = gettext_lazy("The goal is removed.")

    @property
    def question(self):
        count = self.goal.activities.count()
        if not count:
            return _("Remove goal %(number)s, “%(title)s”?") % {
                "number": self.goal.number,
                "title": self.goal.title,
            }
        return ngettext(
            "Goal %(number)s, “%(title)s”, has %(count)s activity. Remove the goal and its "
            "activity?",
            "Goal %(number)s, “%(title)s”, has %(count)s activities. Remove the goal and all "
            "its activities?",
            count,
        ) % {"number": self.goal.number, "title": self.goal.title, "count": count}

    def act(self):
        goal_remove(goal=self.goal, by=self.request.user)


class ActivityRemove(ActivityMixin, PlanConfirmView):
    title = gettext_lazy("Remove the activity")
    success_message = gettext_lazy("The activity is removed.")

    @property
    def question(self):
        return _("Remove the activity “%(title)s” of the action plan %(year)s?") % {
            "title": self.activity.title,
            "year": self.activity.year,
        }

    def act(self):
        activity_remove(activity=self.activity, by=self.request.user)

"""Pages of the action plan: a municipality's plans, one plan version with its goals measured
and its yearly activities, the forms that write it, adoption, a new version, and the PDF.
Council members and the police read; coordinators write. Another municipality's plan is 404."""

from functools import partial

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from est.access import PermissionRequiredMixin
from est.pdf import pdf_render
from est.roles import has_permission
from est.service_views import ServiceFormMixin, service_act
from est.views import MunicipalityScopedMixin
from reports.council.goals import goals_present, plan_goals_gather
from reports.council.plan_forms import (
    ActionPlanAdoptForm,
    ActionPlanForm,
    ActivityForm,
    GoalForm,
)
from reports.council.plan_models import ActionPlan, Activity, YearPlan
from reports.council.plans import (
    action_plan_adopt,
    action_plan_create,
    action_plan_revise,
    activity_create,
    activity_status_set,
    goal_create,
)
from reports.permissions import PLAN_EDIT, PLAN_VIEW

#: What an adopted or an old version answers to a change.
FROZEN = gettext_lazy("An adopted plan can't change; make a new version.")


class PlanList(MunicipalityScopedMixin, TemplateView):
    permission = PLAN_VIEW
    template_name = "reports/council/plan_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            plans=ActionPlan.objects.for_municipality(self.municipality),
            can_edit=has_permission(self.request.user, PLAN_EDIT),
            **kwargs,
        )


class PlanCreate(MunicipalityScopedMixin, ServiceFormMixin, FormView):
    permission = PLAN_EDIT
    form_class = ActionPlanForm
    template_name = "reports/council/plan_form.html"
    extra_context = {"title": gettext_lazy("New action plan for a term")}

    def perform(self, form):
        return action_plan_create(
            municipality=self.municipality, by=self.request.user, **form.cleaned_data
        )

    def performed(self, form, plan):
        messages.success(self.request, _("The plan is started. Add its goals."))
        return redirect("action_plan", pk=plan.pk)


class PlanMixin(PermissionRequiredMixin):
    """Finds the plan among those of the user's municipalities, else 404."""

    permission = PLAN_VIEW

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.plan = get_object_or_404(
                ActionPlan.objects.for_user(request.user).select_related("municipality"),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            plan=self.plan, municipality=self.plan.municipality, **kwargs
        )


def plan_context(plan: ActionPlan) -> dict:
    """Return what the plan's page and its PDF show: the goals measured up to today and, for
    each year of the term, the newest version of its action plan and that version's
    activities."""
    year_plans = {year_plan.year: year_plan for year_plan in plan.year_plans.current()}
    activities = plan.activities.filter(year_plan__superseded_by__isnull=True).select_related(
        "goal", "owner"
    )
    return {
        "goals": goals_present(plan_goals_gather(plan)),
        "years": [
            {
                "year": year,
                "year_plan": year_plans.get(year),
                "activities": [a for a in activities if a.year == year],
            }
            for year in plan.years
        ],
    }


def year_plan_editable(plan: ActionPlan, year_plan: YearPlan | None) -> bool:
    """Return whether a year's activities may change: the newest version of the term's plan,
    and the year's newest version still a draft (or no version yet)."""
    return plan.is_current and (
        year_plan is None or (year_plan.is_current and not year_plan.is_frozen)
    )


class PlanDetail(PlanMixin, TemplateView):
    template_name = "reports/council/plan_detail.html"

    def get_context_data(self, **kwargs):
        plan = self.plan
        context = plan_context(plan)
        may_edit = has_permission(self.request.user, PLAN_EDIT)
        for year in context["years"]:
            year_plan = year["year_plan"]
            year["can_edit"] = may_edit and year_plan_editable(plan, year_plan)
            year["can_adopt"] = year["can_edit"] and bool(year["activities"])
            year["can_revise"] = (
                may_edit and plan.is_current and year_plan is not None and year_plan.is_frozen
            )
        return super().get_context_data(
            **context,
            versions=ActionPlan.objects.filter(
                municipality=plan.municipality, first_year=plan.first_year
            ).order_by("version"),
            can_edit=may_edit and plan.is_current and not plan.is_frozen,
            can_add_activity=may_edit
            and any(year_plan_editable(plan, y["year_plan"]) for y in context["years"]),
            can_revise=plan.is_frozen and plan.is_current and may_edit,
            statuses=Activity.Status.choices,
            **kwargs,
        )


class PlanPdf(PlanMixin, View):
    def get(self, request, pk):
        title = _("Action plan %(first)s–%(last)s, %(name)s") % {
            "first": self.plan.first_year,
            "last": self.plan.last_year,
            "name": self.plan.municipality.name,
        }
        pdf = pdf_render(
            "reports/council/plan_document.html",
            {"plan": self.plan, **plan_context(self.plan)},
            title=title,
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{self.plan.filename}"'
        return response


class DraftOnlyMixin(PlanMixin):
    """A page that changes a draft: for an adopted or an old version it redirects to the plan's
    page saying why, rather than offer a form the service would refuse."""

    permission = PLAN_EDIT

    def refusal(self) -> str:
        """Return why the page may change nothing, or ""."""
        return FROZEN if self.plan.is_frozen or not self.plan.is_current else ""

    def get(self, request, *args, **kwargs):
        if refusal := self.refusal():
            messages.error(request, refusal)
            return redirect("action_plan", pk=self.plan.pk)
        return super().get(request, *args, **kwargs)


class PlanFormView(DraftOnlyMixin, ServiceFormMixin, FormView):
    template_name = "reports/council/plan_form.html"

    def performed(self, form, result):
        messages.success(self.request, self.done_message)
        return redirect("action_plan", pk=self.plan.pk)


class GoalCreate(PlanFormView):
    form_class = GoalForm
    extra_context = {"title": gettext_lazy("Add a goal")}
    done_message = gettext_lazy("The goal is added.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "municipality": self.plan.municipality}

    def perform(self, form):
        return goal_create(plan=self.plan, by=self.request.user, **form.cleaned_data)


class ActivityCreate(PlanFormView):
    form_class = ActivityForm
    extra_context = {"title": gettext_lazy("Add an activity")}
    done_message = gettext_lazy("The activity is added.")

    def refusal(self) -> str:
        # An adopted term's plan still takes activities, in the years not yet adopted.
        if not self.plan.is_current or not ActivityForm.open_years(self.plan):
            return FROZEN
        return ""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan}

    def perform(self, form):
        return activity_create(plan=self.plan, by=self.request.user, **form.cleaned_data)


class PlanAdopt(PlanFormView):
    form_class = ActionPlanAdoptForm
    extra_context = {"title": gettext_lazy("Record the adoption")}
    done_message = gettext_lazy("The plan is adopted. This version can no longer change.")

    def perform(self, form):
        return action_plan_adopt(plan=self.plan, by=self.request.user, **form.cleaned_data)


class ActivityStatusSet(PlanMixin, View):
    permission = PLAN_EDIT

    def post(self, request, pk, activity):
        chosen = get_object_or_404(self.plan.activities, pk=activity)
        status = request.POST.get("status", "")
        if status not in Activity.Status.values:
            messages.error(request, _("Choose one of the statuses."))
        else:
            service_act(
                request,
                lambda: activity_status_set(activity=chosen, by=request.user, status=status),
                success=_("The status is saved."),
            )
        return redirect("action_plan", pk=pk)


def revision_response(request, revise, *, to: str, pk: int):
    """Return a redirect to the page ``to`` of the new version ``revise()`` starts, or of ``pk``
    (the adopted version) with the reason when the service refused."""
    revision = service_act(
        request, revise, success=_("A new draft version is started; the adopted one is kept.")
    )
    return redirect(to, pk=getattr(revision, "pk", pk))


class PlanRevise(PlanMixin, View):
    permission = PLAN_EDIT

    def post(self, request, pk):
        revise = partial(action_plan_revise, plan=self.plan, by=request.user)
        return revision_response(request, revise, to="action_plan", pk=pk)

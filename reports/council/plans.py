"""The action plan's writes: a new plan for a term, its goals and the year's activities, adopting
a version (which freezes it) and starting a new version of an adopted one."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from est.indicators import KINDS
from reports.council.plan_models import ActionPlan, Activity, Goal, YearPlan
from reports.council.year_plans import (
    activity_locked,
    adoption_record,
    old_version_refuse,
    year_plan_copy,
    year_plan_locked,
)


def plan_locked(plan: ActionPlan) -> ActionPlan:
    """Return ``plan`` locked for the transaction; refuse an adopted or an old version."""
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.is_frozen:
        raise ValidationError(_("An adopted plan can't change; make a new version."))
    old_version_refuse(plan)
    return plan


@transaction.atomic
def action_plan_create(*, municipality, by, title: str, first_year: int, last_year: int):
    """Start a draft plan for the term ``first_year``–``last_year`` of ``municipality``."""
    if last_year < first_year or last_year - first_year > 7:
        raise ValidationError(_("A term is one to eight years, the last after the first."))
    if ActionPlan.objects.for_municipality(municipality).filter(first_year=first_year).exists():
        raise ValidationError(_("There is already a plan for a term beginning that year."))
    return ActionPlan.objects.create(
        municipality=municipality,
        title=title,
        first_year=first_year,
        last_year=last_year,
        updated_by=by,
    )


def _goal_check(plan: ActionPlan, indicator: str, categories, areas) -> None:
    kind = KINDS.get(indicator)
    if kind is None:
        raise ValidationError(_("Choose one of the indicators."))
    if "categories" in kind.options and not categories:
        raise ValidationError(_("Choose at least one category for this indicator."))
    wrong = [c for c in categories if c.municipality_id != plan.municipality_id] + [
        a for a in areas if a.municipality_id != plan.municipality_id
    ]
    if wrong:
        raise ValidationError(_("Choose categories and areas of the plan's municipality."))


#: A goal's own fields, which the forms write and a new version copies.
GOAL_FIELDS = (
    "title",
    "indicator",
    "baseline_value",
    "baseline_year",
    "baseline_tertial",
    "target_value",
    "target_on",
)


def _goal_fill(goal: Goal, fields: dict, categories, areas) -> Goal:
    """Save ``fields`` on ``goal`` and choose its categories and areas, keeping only the options
    its indicator reads (an incidents goal turned into a survey goal keeps no categories)."""
    categories, areas = list(categories), list(areas)
    _goal_check(goal.plan, fields["indicator"], categories, areas)
    for name in GOAL_FIELDS:
        setattr(goal, name, fields[name])
    goal.save()
    options = KINDS[goal.indicator].options
    goal.categories.set(categories if "categories" in options else [])
    goal.areas.set(areas if "areas" in options else [])
    return goal


@transaction.atomic
def goal_create(*, plan: ActionPlan, by, categories=(), areas=(), **fields) -> Goal:
    """Add a goal to a draft ``plan``, numbered after the last one; ``fields`` are
    ``GOAL_FIELDS`` (title, indicator, baseline value/year/tertial, target value and date)."""
    plan = plan_locked(plan)
    number = (plan.goals.aggregate(Max("number"))["number__max"] or 0) + 1
    goal = _goal_fill(Goal(plan=plan, number=number), fields, categories, areas)
    _touch(plan, by)
    return goal


@transaction.atomic
def goal_update(*, goal: Goal, by, categories=(), areas=(), **fields) -> Goal:
    """Change a goal of a draft plan: its ``GOAL_FIELDS``, categories and areas."""
    goal.plan = plan_locked(goal.plan)
    _goal_fill(goal, fields, categories, areas)
    _touch(goal.plan, by)
    return goal


@transaction.atomic
def goal_remove(*, goal: Goal, by) -> None:
    """Remove a goal of a draft plan, and the activities tied to it; refuse while an adopted
    year's action plan has one of them (it is kept as adopted)."""
    plan = plan_locked(goal.plan)
    if goal.activities.filter(year_plan__status=YearPlan.Status.ADOPTED).exists():
        raise ValidationError(
            _("An adopted year's action plan has activities for this goal; it can't be removed.")
        )
    goal.delete()
    _touch(plan, by)


def _touch(document: ActionPlan | YearPlan, by) -> None:
    document.updated_by = by
    document.save(update_fields=["updated_by", "updated_at"])


def _activity_check(plan: ActionPlan, goal: Goal, owner) -> None:
    if goal.plan_id != plan.pk:
        raise ValidationError(_("Choose one of this plan's goals."))
    if not owner.municipalities.filter(pk=plan.municipality_id).exists():
        raise ValidationError(_("Choose an organisation of the plan's municipality."))


@transaction.atomic
def activity_create(
    *, plan: ActionPlan, by, goal: Goal, year: int, title: str, owner, status: str
) -> Activity:
    """Add an activity to the draft of ``year``'s action plan of ``plan`` (made if the year has
    none yet)."""
    year_plan = year_plan_locked(plan, year)
    _activity_check(year_plan.plan, goal, owner)
    activity = Activity.objects.create(
        plan=year_plan.plan,
        year_plan=year_plan,
        goal=goal,
        year=year,
        title=title,
        owner=owner,
        status=status,
    )
    _touch(year_plan, by)
    return activity


@transaction.atomic
def activity_update(
    *, activity: Activity, by, goal: Goal, year: int, title: str, owner, status: str
) -> Activity:
    """Change an activity of a draft year's action plan: its title, goal, owner, status and
    year (moving it to another year's draft)."""
    year_plan = activity_locked(activity)
    if year != activity.year:
        year_plan = year_plan_locked(activity.plan, year)
    _activity_check(year_plan.plan, goal, owner)
    activity.year_plan, activity.year = year_plan, year
    activity.goal, activity.title, activity.owner, activity.status = goal, title, owner, status
    activity.save()
    _touch(year_plan, by)
    return activity


@transaction.atomic
def activity_remove(*, activity: Activity, by) -> None:
    """Remove an activity of a draft year's action plan."""
    year_plan = activity_locked(activity)
    activity.delete()
    _touch(year_plan, by)


@transaction.atomic
def activity_status_set(*, activity: Activity, by, status: str) -> Activity:
    """Record how far ``activity`` of a draft year's action plan has come."""
    year_plan = activity_locked(activity)
    activity.status = status
    activity.save(update_fields=["status"])
    _touch(year_plan, by)
    return activity


@transaction.atomic
def action_plan_adopt(
    *, plan: ActionPlan, by, adopted_on: datetime.date, decision: str
) -> ActionPlan:
    """Record the council's adoption of a draft ``plan``: the version is frozen."""
    plan = plan_locked(plan)
    if not plan.goals.exists():
        raise ValidationError(_("A plan needs at least one goal before it is adopted."))
    return adoption_record(plan, by=by, adopted_on=adopted_on, decision=decision)


@transaction.atomic
def action_plan_revise(*, plan: ActionPlan, by) -> ActionPlan:
    """Start a new draft version of an adopted ``plan`` with copies of its goals and activities;
    the adopted version is kept as it was."""
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    old_version_refuse(plan)
    if not plan.is_frozen:
        raise ValidationError(_("A draft can be changed as it is."))
    revision = ActionPlan.objects.create(
        municipality_id=plan.municipality_id,
        first_year=plan.first_year,
        last_year=plan.last_year,
        title=plan.title,
        version=plan.version + 1,
        updated_by=by,
    )
    copies = {}
    for goal in plan.goals.prefetch_related("categories", "areas"):
        copy = Goal.objects.create(
            plan=revision,
            number=goal.number,
            **{field: getattr(goal, field) for field in GOAL_FIELDS},
        )
        copy.categories.set(goal.categories.all())
        copy.areas.set(goal.areas.all())
        copies[goal.pk] = copy
    for year_plan in plan.year_plans.current():
        year_plan_copy(year_plan, plan=revision, goals=copies)
    plan.superseded_by = revision
    plan.save(update_fields=["superseded_by", "updated_at"])
    return revision

"""Each year's action plan (årets handlingsplan): its activities are written only while the
year's newest version is a draft, the council adopts it on its own (which freezes it), and a
new version of an adopted one copies its activities. The version of the term's plan it belongs
to must be the newest one."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from reports.council.plan_models import ActionPlan, Activity, YearPlan


def old_version_refuse(document) -> None:
    """Refuse a change to ``document`` (a plan or a year plan) that a newer version replaces."""
    if document.superseded_by_id:
        raise ValidationError(_("This is an old version; change the newest one."))


def year_adopted_text(year: int) -> str:
    """Return, in the active language, why ``year``'s adopted action plan takes no change."""
    return _("The action plan %(year)s is adopted and can't change; make a new version of it.") % {
        "year": year
    }


def adoption_record(document, *, by, adopted_on: datetime.date, decision: str):
    """Record the council's ``decision`` on a locked draft ``document`` (a plan or a year plan),
    which freezes it; return it."""
    if not decision.strip():
        raise ValidationError(_("Write the council's decision."))
    document.status = document.Status.ADOPTED
    document.adopted_on = adopted_on
    document.decision = decision
    document.updated_by = by
    document.save(update_fields=["status", "adopted_on", "decision", "updated_by", "updated_at"])
    return document


def year_plan_locked(plan: ActionPlan, year: int) -> YearPlan:
    """Return the newest version of ``year``'s action plan of ``plan``, locked for the
    transaction (a draft is made for a year that has none); refuse an old version of the term's
    plan, a year outside its term, and an adopted year."""
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    old_version_refuse(plan)
    if year not in plan.years:
        raise ValidationError(_("Choose a year of the plan's term."))
    # The term's plan is locked: two first activities of a year make one year plan.
    year_plan = YearPlan.objects.current().filter(plan=plan, year=year).first()
    if year_plan is None:
        year_plan = YearPlan.objects.create(plan=plan, year=year)
    if year_plan.is_frozen:
        raise ValidationError(year_adopted_text(year))
    return year_plan


def activity_locked(activity: Activity) -> YearPlan:
    """Return the year plan of ``activity``, locked; refuse it unless it is the newest version
    of its year and still a draft."""
    year_plan = year_plan_locked(activity.plan, activity.year)
    if activity.year_plan_id != year_plan.pk:
        raise ValidationError(_("This is an old version; change the newest one."))
    return year_plan


def year_plan_copy(source: YearPlan, *, plan: ActionPlan, goals: dict, **fields) -> YearPlan:
    """Return a copy of ``source`` in ``plan`` with copies of its activities, tied to the goals
    ``goals`` maps the old goals' ids to; ``fields`` override the version, status and so on."""
    copy = YearPlan.objects.create(
        plan=plan,
        year=source.year,
        **{
            "version": source.version,
            "status": source.status,
            "adopted_on": source.adopted_on,
            "decision": source.decision,
            "updated_by": source.updated_by,
            **fields,
        },
    )
    Activity.objects.bulk_create(
        Activity(
            plan=plan,
            year_plan=copy,
            goal=goals.get(activity.goal_id, activity.goal),
            year=activity.year,
            title=activity.title,
            owner_id=activity.owner_id,
            status=activity.status,
        )
        for activity in source.activities.select_related("goal")
    )
    return copy


@transaction.atomic
def year_plan_adopt(
    *, year_plan: YearPlan, by, adopted_on: datetime.date, decision: str
) -> YearPlan:
    """Record the council's adoption of a draft ``year_plan``: the version is frozen."""
    year_plan = YearPlan.objects.select_for_update().get(pk=year_plan.pk)
    old_version_refuse(year_plan)
    locked = year_plan_locked(year_plan.plan, year_plan.year)
    if not locked.activities.exists():
        raise ValidationError(_("A year's action plan needs at least one activity."))
    return adoption_record(locked, by=by, adopted_on=adopted_on, decision=decision)


@transaction.atomic
def year_plan_revise(*, year_plan: YearPlan, by) -> YearPlan:
    """Start a new draft version of an adopted ``year_plan`` with copies of its activities; the
    adopted version is kept as it was."""
    plan = ActionPlan.objects.select_for_update().get(pk=year_plan.plan_id)
    old_version_refuse(plan)
    year_plan = YearPlan.objects.select_for_update().get(pk=year_plan.pk)
    old_version_refuse(year_plan)
    if not year_plan.is_frozen:
        raise ValidationError(_("A draft can be changed as it is."))
    revision = year_plan_copy(
        year_plan,
        plan=plan,
        goals={},
        version=year_plan.version + 1,
        status=YearPlan.Status.DRAFT,
        adopted_on=None,
        decision="",
        updated_by=by,
    )
    year_plan.superseded_by = revision
    year_plan.save(update_fields=["superseded_by", "updated_at"])
    return revision

"""Each goal of an action plan measured by its indicator, tertial by tertial, against its
baseline and target: gathered as JSON-able data (which the tertial analysis keeps in its
snapshot) and presented in the reader's language for the plan's page, its PDF and the tertial
analysis's section."""

import datetime

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_noop

from est.indicators import KINDS, Measurement, indicator_measure, reason_text
from est.models import Area
from est.periods import Tertial, tertial_containing
from reports.council.goal_chart import goal_chart
from reports.council.plan_models import ActionPlan
from reports.incidents.models import Category


def plan_goals(plan: ActionPlan):
    """Return the plan's goals with their categories and areas read in two queries."""
    return plan.goals.prefetch_related(
        Prefetch("categories", queryset=Category.objects.only("pk", "name")),
        Prefetch("areas", queryset=Area.objects.only("pk", "name")),
    )


NOT_ENDED = gettext_noop("The baseline tertial has not ended yet.")


def baseline_measure(
    municipality, indicator: str, period: Tertial, options: dict, *, today: datetime.date
) -> Measurement:
    """Return the indicator measured in the baseline ``period``, or why it cannot be: the
    period has not ended by ``today``, or the indicator's own reason."""
    if period.end > today:
        return Measurement(None, NOT_ENDED)
    [measurement] = indicator_measure(indicator, municipality, [period], options)
    return measurement


def goals_gather(plan: ActionPlan, *, until: Tertial) -> list[dict]:
    """Return every goal of ``plan`` with its indicator measured in each tertial of the term up
    to ``until`` (later ones have not happened) and in its baseline tertial (when that has ended
    before ``until``), as JSON-able data."""
    tertials = [tertial for tertial in plan.tertials if tertial <= until]
    gathered = []
    for goal in plan_goals(plan):
        options = {
            "categories": [category.pk for category in goal.categories.all()],
            "areas": [area.pk for area in goal.areas.all()],
        }
        # The baseline tertial is measured in the same query as the term's when it can be:
        # an indicator counts every tertial from the first of the list to the last.
        ended = goal.baseline_period < until
        periods = sorted({*tertials, goal.baseline_period}) if ended else tertials
        measured = dict(
            zip(
                periods,
                indicator_measure(goal.indicator, plan.municipality, periods, options),
                strict=True,
            )
        )
        baseline = measured[goal.baseline_period] if ended else Measurement(None, NOT_ENDED)
        gathered.append(
            {
                "pk": goal.pk,
                "number": goal.number,
                "title": goal.title,
                "indicator": goal.indicator,
                "categories": [category.name for category in goal.categories.all()],
                "areas": [area.name for area in goal.areas.all()],
                "baseline": goal.baseline_value,
                "baseline_period": str(goal.baseline_period),
                "baseline_measured": baseline.as_data(),
                "target": goal.target_value,
                "target_on": goal.target_on.isoformat(),
                "tertials": [
                    {"tertial": str(tertial), **measurement.as_data()}
                    for tertial, measurement in measured.items()
                    if tertial in tertials
                ],
            }
        )
    return gathered


def plan_goals_gather(plan: ActionPlan, today: datetime.date | None = None) -> list[dict]:
    """Return ``plan``'s goals measured up to the tertial of ``today`` (by default, today)."""
    return goals_gather(plan, until=tertial_containing(today or timezone.localdate()))


def goal_present(goal: dict) -> dict:
    """Return a gathered goal as the templates read it: the indicator's name, each tertial's
    value or the reason it has none in the active language, the latest value, and a chart."""
    kind = KINDS.get(goal["indicator"])
    rows = [{**row, "reason_text": reason_text(row)} for row in goal["tertials"]]
    # Analyses compiled before baselines were measured have no "baseline_measured".
    baseline = goal.get("baseline_measured")
    if baseline is not None:
        baseline = {
            **baseline,
            "reason_text": reason_text(baseline),
            "differs": baseline["value"] is not None
            and round(baseline["value"], 1) != round(goal["baseline"], 1),
        }
    measured = [row for row in rows if row["value"] is not None]
    latest = measured[-1] if measured else None
    reached = None
    if latest is not None and kind is not None:
        better = latest["value"] >= goal["target"]
        reached = better if kind.higher_is_better else latest["value"] <= goal["target"]
    return {
        **goal,
        "indicator_title": kind.title if kind else goal["indicator"],
        "percent": kind is not None and kind.unit == "percent",
        "target_on": datetime.date.fromisoformat(goal["target_on"]),
        "rows": rows,
        "baseline_measured": baseline,
        "latest": latest,
        "reached": reached,
        "chart": goal_chart(goal, rows),
    }


def goals_present(goals: list[dict]) -> list[dict]:
    """Return every gathered goal as ``goal_present`` makes it."""
    return [goal_present(goal) for goal in goals]

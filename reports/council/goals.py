"""Each goal of an action plan measured by its indicator, tertial by tertial, against its
baseline and target: gathered as JSON-able data (which the tertial analysis keeps in its
snapshot) and presented in the reader's language for the plan's page, its PDF and the tertial
analysis's section."""

import datetime

from django.db.models import Prefetch
from django.utils import timezone

from est.indicators import KINDS, indicator_measure, reason_text
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


def goals_gather(plan: ActionPlan, *, until: Tertial) -> list[dict]:
    """Return every goal of ``plan`` with its indicator measured in each tertial of the term up
    to ``until`` (later ones have not happened), as JSON-able data."""
    tertials = [tertial for tertial in plan.tertials if tertial <= until]
    gathered = []
    for goal in plan_goals(plan):
        options = {
            "categories": [category.pk for category in goal.categories.all()],
            "areas": [area.pk for area in goal.areas.all()],
        }
        measurements = indicator_measure(goal.indicator, plan.municipality, tertials, options)
        gathered.append(
            {
                "number": goal.number,
                "title": goal.title,
                "indicator": goal.indicator,
                "categories": [category.name for category in goal.categories.all()],
                "areas": [area.name for area in goal.areas.all()],
                "baseline": goal.baseline_value,
                "baseline_period": str(goal.baseline_period),
                "target": goal.target_value,
                "target_on": goal.target_on.isoformat(),
                "tertials": [
                    {"tertial": str(tertial), **measurement.as_data()}
                    for tertial, measurement in zip(tertials, measurements, strict=True)
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
        "latest": latest,
        "reached": reached,
        "chart": goal_chart(goal, rows),
    }


def goals_present(goals: list[dict]) -> list[dict]:
    """Return every gathered goal as ``goal_present`` makes it."""
    return [goal_present(goal) for goal in goals]

"""The action plan's section of the tertial analysis, registered through
``est.report_sections``: every goal of the plan covering the tertial, its indicator measured
up to the tertial against baseline and target. The analysis keeps what this gathers in its
snapshot, so an adopted analysis goes on showing the figures it was adopted with."""

import datetime

from django.db.models import Case, IntegerField, Value, When

from est.periods import tertial_containing
from reports.council.goals import goals_gather, goals_present
from reports.council.plan_models import ActionPlan


def plan_for(municipality, year: int) -> ActionPlan | None:
    """Return the plan of ``municipality`` whose term covers ``year``: its newest adopted
    version, or (before any is adopted) its newest draft."""
    return (
        ActionPlan.objects.for_municipality(municipality)
        .covering(year)
        .annotate(
            adopted=Case(
                When(status=ActionPlan.Status.ADOPTED, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .select_related("municipality")
        .order_by("-adopted", "-version")
        .first()
    )


def goals_tertial_gather(municipality, start: datetime.date, end: datetime.date) -> dict:
    """Return the plan covering [start, end) (title, term, version) and its goals measured up
    to the tertial of the period's last day, as JSON-able data; no plan, no goals."""
    last = tertial_containing(end - datetime.timedelta(days=1))
    plan = plan_for(municipality, last.year)
    if plan is None:
        return {"plan": None, "goals": []}
    return {
        "plan": {
            "title": plan.title,
            "first_year": plan.first_year,
            "last_year": plan.last_year,
            "version": plan.version,
        },
        "goals": goals_gather(plan, until=last),
    }


def goals_tertial_present(data: dict) -> dict:
    """Return the stored section with each goal's chart and reasons in the reader's language."""
    return {"plan": data["plan"], "goals": goals_present(data["goals"])}

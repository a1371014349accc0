"""The safety walks' section of a report on a period (the tertial analysis), registered through
``est.report_sections``: the walks held, their findings by category, and the measures done in
the period and overdue at its end."""

import datetime

from django.db.models import Count
from django.utils import timezone

from est.periods import local_span

from ..measures.models import Measure
from .models import Finding, SafetyWalk


def walks_tertial_gather(municipality, start: datetime.date, end: datetime.date) -> dict:
    """Return, as JSON-able data, the walks of ``municipality`` held in [start, end) (title and
    day), their findings by category (most first), the measures done in the period and those
    overdue on its last day."""
    since, until = local_span(start, end)
    walks = SafetyWalk.objects.for_municipality(municipality)
    held = walks.held(until).filter(starts_at__gte=since)
    categories = (
        Finding.objects.filter(walk__in=held)
        .values("category__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "category__name")
    )
    measures = Measure.objects.filter(municipality=municipality)
    last_day = end - datetime.timedelta(days=1)
    overdue = (
        measures.filter(due_on__lt=last_day)
        .exclude(status=Measure.Status.REJECTED)
        .exclude(status=Measure.Status.DONE, done_at__lt=until)
    )
    return {
        "walks": [
            {"title": walk.title, "day": timezone.localdate(walk.starts_at).isoformat()}
            for walk in held.order_by("starts_at")
        ],
        "categories": [[row["category__name"], row["count"]] for row in categories],
        "done": list(
            measures.filter(done_at__gte=since, done_at__lt=until).values_list("title", flat=True)
        ),
        "overdue": list(overdue.values_list("title", flat=True)),
        "last_day": last_day.isoformat(),
    }


def walks_tertial_present(data: dict) -> dict:
    """Return the stored section with its dates as dates, for the template."""
    return {
        **data,
        "walks": [
            {**walk, "day": datetime.date.fromisoformat(walk["day"])} for walk in data["walks"]
        ],
        "last_day": datetime.date.fromisoformat(data["last_day"]),
    }

"""What the situation picture and the tertial analysis both count of a municipality's incidents:
a category's figures with their changes, the monthly trend from the kept day counts, the
aoristic weekday × hour profile, and the period's police events."""

import datetime

import numpy as np
import pandas as pd
from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from est.periods import (
    local_span,
)
from reports.analysis.aoristic import hourly_weights
from reports.analysis.change import count_change
from reports.incidents.models import Incident, IncidentDayCount, begun_in


def figure_row(category_id, name, row) -> dict:
    """Return one category's key figures: this period's count, the previous period's and last
    year's, and each change with its exact test (``row`` holds the three counts)."""
    figure = {"category": category_id, "name": name}
    figure.update({k: row[k] for k in ("current", "previous", "last_year")})
    for baseline in ("previous", "last_year"):
        change = count_change(row["current"], row[baseline])
        figure[f"{baseline}_change"] = {
            "difference": change.difference,
            "percent": None if change.percent is None else round(change.percent),
            "p_value": round(change.p_value, 4),
            "significant": change.significant,
        }
    return figure


def monthly_trend(municipality, end: datetime.date, *, length: int = 12) -> dict:
    """Count per category and calendar month over the ``length`` months up to ``end``.

    Added up from the counts per local day the database keeps (IncidentDayCount): three years
    of a municipality are some ten thousand rows, where counting its incidents read hundreds of
    thousands of index entries (0.24 s with 1,000,000 incidents, bench/README.md).
    """
    last_day = end - datetime.timedelta(days=1)
    index = last_day.year * 12 + last_day.month - 1
    firsts = [datetime.date(m // 12, m % 12 + 1, 1) for m in range(index - length + 1, index + 1)]
    months = [day.isoformat()[:7] for day in firsts]
    rows = (
        IncidentDayCount.objects.filter(municipality=municipality, day__gte=firsts[0], day__lt=end)
        .values_list("category", TruncMonth("day"))
        .annotate(Sum("count"))
    )
    position = {first: n for n, first in enumerate(firsts)}
    series: dict[int, list[int]] = {}
    for category, month, count in rows:
        series.setdefault(category, [0] * length)[position[month]] = count
    return {"months": months, "series": {str(k): v for k, v in series.items()}}


def time_profile(spans: pd.DataFrame) -> dict:
    """Aoristic weekday × hour matrix of the period's incidents, with its margins."""
    if spans.empty:
        matrix = np.zeros((7, 24))
    else:
        weights = hourly_weights(spans["occurred_from"], spans["occurred_to"])
        matrix = np.zeros((7, 24))
        np.add.at(matrix, (weights["weekday"], weights["hour"]), weights["weight"])
    return {
        "matrix": np.round(matrix, 3).tolist(),
        "weekdays": np.round(matrix.sum(axis=1), 2).tolist(),
        "hours": np.round(matrix.sum(axis=0), 2).tolist(),
        "total": round(float(matrix.sum()), 2),
    }


def police_events_of(municipality, start, end) -> list[dict]:
    """The period's police events: their positions are imprecise, so only time and place name."""
    events = (
        Incident.objects.for_municipality(municipality)
        .from_source(Incident.Source.POLICE_EVENT)
        .filter(begun_in(*local_span(start, end)))
        .select_related("category")
        .order_by("occurred_from")[:300]
    )
    return [
        {
            "at": timezone.localtime(event.occurred_from).strftime("%Y-%m-%d %H:%M"),
            "category": event.category.name,
            "place": event.place_name,
            "summary": event.description[:200],
        }
        for event in events
    ]

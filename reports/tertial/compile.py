"""Tertial analyses: compiling a tertial's content, evaluating interventions, the workflow, and
rendering the PDF.

Compiling counts in SQL (GROUP BY month and category, per area, per intervention window) and
hands small aggregates to the pure analysis in ``reports.analysis``; the result is stored as a
JSON snapshot on the analysis, which the page and the PDF render from. The PDF is rendered by a
worker, and only when the hash of what it is rendered from has changed.
"""

import datetime

import numpy as np
import pandas as pd
from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext as _

from est.documents import snapshot_compile
from est.map_svg import map_extent, outline_rings
from est.models import Area, Municipality
from est.periods import Tertial, last_ended_tertial, local_midnight
from est.report_sections import sections_gather
from reports.analysis.change import SIGNIFICANCE
from reports.incidents.counts import figure_row, monthly_trend, police_events_of, time_profile
from reports.incidents.models import Category, counted_sql
from reports.situation.models import SituationPicture
from reports.tertial.effects import BUFFER_METRES, tertial_interventions
from reports.tertial.models import TertialAnalysis

#: Months of trend shown: three years, so a season is seen three times.
TREND_MONTHS = 36


# --- periods ------------------------------------------------------------------------------------


# --- compiling ----------------------------------------------------------------------------------


def _month_index(month: str) -> int:
    year, number = month.split("-")
    return int(year) * 12 + int(number) - 1


def _sums(trend: dict, tertial: Tertial) -> dict[str, int]:
    """Return each category's count in ``tertial`` from the monthly trend (pure)."""
    first = tertial.first_day.year * 12 + tertial.first_day.month - 1
    positions = [i for i, m in enumerate(trend["months"]) if first <= _month_index(m) < first + 4]
    return {k: sum(series[i] for i in positions) for k, series in trend["series"].items()}


def _key_figures(municipality, tertial: Tertial, trend: dict) -> dict:
    """Count per category in the tertial, the previous one and the same tertial last year,
    with the change and whether it is larger than chance; all from the monthly trend."""
    windows = {
        "current": _sums(trend, tertial),
        "previous": _sums(trend, tertial.previous()),
        "last_year": _sums(trend, Tertial(tertial.year - 1, tertial.number)),
    }
    counted = {int(k) for k in trend["series"]}
    figures = []
    for category in Category.objects.for_municipality(municipality).filter(
        Q(pk__in=counted) | Q(retired=False)
    ):
        row = {name: window.get(str(category.pk), 0) for name, window in windows.items()}
        figures.append(figure_row(category.pk, category.name, row))
    total = {name: sum(f[name] for f in figures) for name in windows}
    return {"categories": figures, "total": figure_row(None, _("All categories"), total)}


_AREA_SQL = """
SELECT area.id,
       count(incident.id) FILTER (WHERE window_.current),
       count(incident.id) FILTER (WHERE NOT window_.current)
FROM est_area AS area
-- One window at a time, so the index on position and time finds each window's incidents.
CROSS JOIN (VALUES (true, %(start)s::timestamptz, %(end)s::timestamptz),
                   (false, %(last_year_start)s, %(previous_end)s)) AS window_(current, first, until)
LEFT JOIN reports_incident AS incident
  ON incident.municipality_id = %(municipality)s
 AND {counted}
 AND incident.position_precise
 AND incident.occurred_from >= window_.first AND incident.occurred_from < window_.until
 AND ST_Intersects(area.boundary, incident.position)
WHERE area.municipality_id = %(municipality)s
GROUP BY area.id
""".replace("{counted}", counted_sql("incident"))


def _areas(municipality, tertial: Tertial) -> dict:
    """Count the tertial's precisely placed incidents per area, against the same tertial last
    year, with the outlines the choropleth map is drawn from."""
    last_year = Tertial(tertial.year - 1, tertial.number)
    with connection.cursor() as cursor:
        cursor.execute(
            _AREA_SQL,
            {
                "municipality": municipality.pk,
                "start": local_midnight(tertial.first_day),
                "end": local_midnight(tertial.end),
                "last_year_start": local_midnight(last_year.first_day),
                "previous_end": local_midnight(last_year.end),
            },
        )
        counts = {row[0]: (row[1], row[2]) for row in cursor.fetchall()}
    areas = list(Area.objects.for_municipality(municipality).order_by("name"))
    rows = []
    for area in areas:
        current, before = counts.get(area.pk, (0, 0))
        figure = figure_row(area.pk, area.name, {"current": current, "previous": 0,
                                              "last_year": before})  # fmt: skip
        rows.append({**figure, "rings": outline_rings(area.boundary), "count": current})
    # The map frames the areas (where the work is), within the municipality's extent.
    corners = pd.DataFrame(
        [point for row in rows for ring in row["rings"] for point in ring], columns=["x", "y"]
    )
    extent = map_extent(municipality.boundary.extent, corners, margin=800)
    return {
        "extent": [round(v, 1) for v in extent],
        "boundary": outline_rings(municipality.boundary),
        "areas": rows,
    }


def _situation_pictures(municipality, tertial: Tertial) -> list[dict]:
    """The tertial's situation pictures (latest version of each period) with their decisions."""
    pictures = (
        SituationPicture.objects.for_municipality(municipality)
        .current()
        .filter(period_start__gte=tertial.first_day, period_start__lt=tertial.end)
        .order_by("period_start")
        .only("period_start", "period_end", "status", "problems", "content")
    )
    return [
        {
            "start": picture.period_start.isoformat(),
            "end": picture.last_day.isoformat(),
            "status": picture.get_status_display(),
            "incidents": picture.content.get("incident_count", 0),
            "problems": picture.problems,
        }
        for picture in pictures
    ]


# date_part, not extract: extract returns numeric, and converting 66,000 of them took longer
# than reading them from the index.
_SPANS_SQL = """
SELECT date_part('epoch', occurred_from)::bigint, date_part('epoch', occurred_to)::bigint
FROM reports_incident
WHERE municipality_id = %(municipality)s AND {counted_here}
  AND occurred_from >= %(start)s AND occurred_from < %(end)s
""".replace("{counted_here}", counted_sql(""))


def _spans(municipality, start: datetime.date, end: datetime.date) -> pd.DataFrame:
    """The tertial's counted incidents as (occurred_from, occurred_to) spans.

    Fetched as epoch seconds: tens of thousands of rows arrive in a fraction of the time the
    ORM needs to build aware datetimes one by one.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            _SPANS_SQL,
            {
                "municipality": municipality.pk,
                "start": local_midnight(start),
                "end": local_midnight(end),
            },
        )
        seconds = np.array(cursor.fetchall(), dtype=np.int64).reshape(-1, 2)
    return pd.DataFrame(
        {
            "occurred_from": pd.to_datetime(seconds[:, 0], unit="s", utc=True),
            "occurred_to": pd.to_datetime(seconds[:, 1], unit="s", utc=True),
        }
    )


def analysis_content(municipality: Municipality, tertial: Tertial) -> dict:
    """Compile and return the content of ``municipality``'s analysis of ``tertial``."""
    start, end = tertial.first_day, tertial.end
    trend = monthly_trend(municipality, end, length=TREND_MONTHS)
    incidents = _spans(municipality, start, end)
    return {
        "tertial": str(tertial),
        "period": {
            "start": start.isoformat(),
            "end": end.isoformat(),
            "last": (end - datetime.timedelta(days=1)).isoformat(),
        },
        "incident_count": len(incidents),
        "key_figures": _key_figures(municipality, tertial, trend),
        "significance": SIGNIFICANCE,
        "trend": trend,
        "areas": _areas(municipality, tertial),
        "when": time_profile(incidents),
        "police_events": police_events_of(municipality, start, end),
        "situation_pictures": _situation_pictures(municipality, tertial),
        "interventions": tertial_interventions(municipality, tertial),
        "buffer_metres": BUFFER_METRES,
        # What other apps add (the pledges' status), stored so an adopted version keeps it.
        "sections": sections_gather(municipality, start, end),
    }


def tertial_analysis_ensure(
    *, municipality: Municipality, tertial: Tertial
) -> tuple[TertialAnalysis, bool]:
    """Return the first version of ``municipality``'s analysis of ``tertial``, creating it
    (waiting to be compiled) if there is none, and whether it was created."""
    return TertialAnalysis.objects.get_or_create(
        municipality=municipality, year=tertial.year, number=tertial.number, version=1
    )


def tertial_analysis_compile(*, analysis_id: int, force: bool = False, now=None) -> bool:
    """Compile the analysis if it waits to be compiled (or ``force`` and not adopted); return
    whether this call compiled it (see est.documents)."""
    return snapshot_compile(
        TertialAnalysis,
        pk=analysis_id,
        frozen_status=TertialAnalysis.Status.ADOPTED,
        build=lambda analysis: analysis_content(analysis.municipality, analysis.tertial),
        force=force,
        now=now,
    )


def tertial_analyses_due(*, now=None, municipalities=None) -> list[int]:
    """Make sure every municipality has an analysis of the last ended tertial; return the ids
    of those still waiting to be compiled (safe to call again: nothing is made twice)."""
    tertial = last_ended_tertial(now)
    municipalities = Municipality.objects.all() if municipalities is None else municipalities
    for municipality in municipalities.only("pk"):
        tertial_analysis_ensure(municipality=municipality, tertial=tertial)
    return list(
        TertialAnalysis.objects.of(tertial)
        .filter(
            municipality__in=municipalities,
            compile_state=TertialAnalysis.CompileState.QUEUED,
        )
        .values_list("pk", flat=True)
    )


# --- workflow -----------------------------------------------------------------------------------


# --- the PDF ------------------------------------------------------------------------------------

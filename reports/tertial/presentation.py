"""What the tertial analysis's page and PDF show, drawn from the analysis's snapshot only: the
same context for both, with the charts and the map as SVG."""

import base64

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from est.charts import bars, change_text, matrix
from est.map_svg import incident_map
from est.periods import WEEKDAY_NAMES, WEEKDAYS, Tertial
from est.report_sections import sections_present
from reports.tertial.effects import BUFFER_METRES
from reports.tertial.models import TertialAnalysis

MONTHS = [
    gettext_lazy("January"), gettext_lazy("February"), gettext_lazy("March"),
    gettext_lazy("April"), gettext_lazy("May"), gettext_lazy("June"), gettext_lazy("July"),
    gettext_lazy("August"), gettext_lazy("September"), gettext_lazy("October"),
    gettext_lazy("November"), gettext_lazy("December"),
]  # fmt: skip


VERDICTS = {
    "effect": gettext_lazy("Effect: incidents fell more in the target area than elsewhere."),
    "increase": gettext_lazy("Incidents rose more in the target area than elsewhere."),
    "no_detectable_effect": gettext_lazy("No detectable effect: the change could be chance."),
    "too_little_data": gettext_lazy("Too little data to tell."),
}


SPILLOVERS = {
    "displacement": gettext_lazy("Incidents may have moved to the surrounding streets."),
    "diffusion": gettext_lazy("The surrounding streets improved too."),
    "none": gettext_lazy("No sign that incidents moved to the surroundings."),
    "unknown": gettext_lazy("Too few incidents around the area to tell whether they moved."),
}


def _svg_image(svg: str, alt: str) -> dict:
    """Return an SVG as an image the PDF tags as a figure with alternative text."""
    return {"src": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(),
            "alt": alt, "svg": svg}  # fmt: skip


def _tertial_label(text: str) -> str:
    year, number = text.split("-T")
    return f"T{number} {year}"


def analysis_context(analysis: TertialAnalysis) -> dict:
    """Return what the page and the PDF show of ``analysis``, drawn from its snapshot only."""
    content = analysis.content
    if not content:
        return {"analysis": analysis, "content": None}
    tertial = analysis.tertial
    trend = content["trend"]
    months = trend["months"]
    totals = [sum(series[i] for series in trend["series"].values()) for i in range(len(months))]
    years = sorted({m[:4] for m in months})
    per_month = dict(zip(months, totals, strict=True))
    month_rows = [
        (MONTHS[index], [per_month.get(f"{year}-{index + 1:02d}") for year in years])
        for index in range(12)
    ]
    tertials = [tertial]
    while len(tertials) < 9:
        tertials.insert(0, tertials[0].previous())
    names = {str(f["category"]): f["name"] for f in content["key_figures"]["categories"]}
    category_rows = []
    for key, series in trend["series"].items():
        sums = []
        for each in tertials:
            first = each.first_day.year * 12 + each.first_day.month - 1
            sums.append(
                sum(
                    v
                    for m, v in zip(months, series, strict=True)
                    if first <= int(m[:4]) * 12 + int(m[5:]) - 1 < first + 4
                )
            )
        category_rows.append((names.get(key, key), sums))
    category_rows.sort(key=lambda row: -row[1][-1])
    figures = [
        {**f, "previous_text": change_text(f["previous_change"]),
         "last_year_text": change_text(f["last_year_change"])}
        for f in content["key_figures"]["categories"]
        if f["current"] or f["previous"] or f["last_year"]
    ]  # fmt: skip
    total = content["key_figures"]["total"]
    total = {**total, "previous_text": change_text(total["previous_change"]),
             "last_year_text": change_text(total["last_year_change"])}  # fmt: skip
    areas = content["areas"]
    area_rows = [
        {**a, "last_year_text": change_text(a["last_year_change"])} for a in areas["areas"]
    ]
    when = content["when"]
    weekdays = [str(day) for day in WEEKDAYS]
    interventions = [
        {
            **each,
            "verdict_text": VERDICTS[each["verdict"]],
            "spillover_text": SPILLOVERS[each["spillover"]],
        }
        for each in content["interventions"]
    ]
    where = {
        "extent": areas["extent"],
        "boundary": areas["boundary"],
        "areas": [
            {"name": a["name"], "rings": a["rings"], "count": a["count"]} for a in areas["areas"]
        ],
        "cells": [],
        "hot_spots": [],
        "repeat_places": [],
        "hex_size": 250,
    }
    name = analysis.municipality.name
    return {
        "analysis": analysis,
        "content": content,
        "tertial_label": _tertial_label(content["tertial"]),
        "previous_label": str(_tertial_label(str(tertial.previous()))),
        "last_year_label": _tertial_label(str(Tertial(tertial.year - 1, tertial.number))),
        "figures": figures,
        "total": total,
        "significance_percent": round(content["significance"] * 100),
        "trend_chart": _svg_image(
            bars(totals, [m[5:] for m in months], title=_("Incidents per month")),
            _(
                "Column chart: incidents per month in %(municipality)s, %(first)s to %(last)s; "
                "the numbers are in the table below."
            )
            % {"municipality": name, "first": months[0], "last": months[-1]},
        ),
        "years": years,
        "month_rows": month_rows,
        "tertial_columns": [_tertial_label(str(t)) for t in tertials],
        "category_rows": category_rows,
        "map_chart": _svg_image(
            incident_map(where, centre=[0, 0], police_events=0, title=_("Incidents per area")),
            _(
                "Map of %(municipality)s with its areas shaded by the tertial's incidents: the "
                "darker, the more; the numbers are in the table below."
            )
            % {"municipality": name},
        ),
        "area_rows": area_rows,
        "matrix_chart": _svg_image(
            matrix(when["matrix"], weekdays, title=_("Incidents per weekday and hour")),
            _(
                "Weekday by hour grid of the tertial's incidents, darker cells hold more; the "
                "totals per weekday and hour are in the tables below."
            ),
        ),
        "weekday_rows": list(zip(WEEKDAY_NAMES, when["weekdays"], strict=True)),
        "hour_rows": [(f"{h:02d}–{(h + 1) % 24:02d}", v) for h, v in enumerate(when["hours"])],
        "interventions": interventions,
        "buffer_metres": content.get("buffer_metres", BUFFER_METRES),
        "sections": sections_present(content.get("sections", {})),
    }

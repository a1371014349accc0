"""What a situation picture's page and PDF show, drawn from the picture's snapshot only: the
same context for both, with the charts and the map as SVG."""

from django.db.models import Count
from django.utils.translation import gettext as _

from est.charts import bars, change_text, matrix, sparkline
from est.map_svg import LISTED_PLACES, incident_map, legend_swatch
from est.periods import WEEKDAY_NAMES, WEEKDAYS
from est.situation_sources import sources_present
from reports.council.direction import window_text
from reports.situation.meeting_record import picture_meeting_of
from reports.situation.models import Intervention, Observation, SituationPicture


def _listed(places: list[dict]) -> dict:
    """Return the busiest LISTED_PLACES of ``places`` (sorted busiest first) and how many more."""
    return {"listed": places[:LISTED_PLACES], "more": max(len(places) - LISTED_PLACES, 0)}


def _with_changes(figure: dict) -> dict:
    return {
        **figure,
        "previous_text": change_text(figure["previous_change"]),
        "last_year_text": change_text(figure["last_year_change"]),
    }


def _without_silent_names(content: dict) -> dict:
    """Return ``content`` with the trained reporters who reported nothing counted, not named."""
    who = content["who"]
    return {
        **content,
        "who": {**who, "silent_reporters": None, "silent_count": len(who["silent_reporters"])},
    }


def working_group_context(picture: SituationPicture) -> dict:
    """Return the working group's additions to ``picture``: the observations grouped by
    organisation (a section each) and the comments on the analysis, oldest first."""
    added = list(picture.observations.select_related("organisation", "author"))
    sections: dict[str, list] = {}
    for observation in added:
        if observation.kind == Observation.Kind.OBSERVATION:
            sections.setdefault(observation.organisation.name, []).append(observation)
    return {
        "observation_sections": sorted(sections.items()),
        "comments": [o for o in added if o.kind == Observation.Kind.COMMENT],
    }


def picture_context(picture: SituationPicture, *, names_silent: bool) -> dict:
    """Return what the page and the PDF show of ``picture``, drawn from its snapshot only.

    The trained reporters who reported nothing are named only when ``names_silent`` (for those
    who edit pictures and follow their reporters up); other readers, the police and the shared
    organisations, learn how many they are. The same readers see who in the working group
    added what; others see the organisation.
    """
    content = picture.content
    if not content:
        return {"picture": picture, "content": None}
    added = {**working_group_context(picture), "show_authors": names_silent}
    if not names_silent:
        content = _without_silent_names(content)
    weekdays = [str(day) for day in WEEKDAYS]
    when = content["when"]
    trend = content["trend"]
    figures = content["key_figures"]
    categories = []
    for figure in figures["categories"]:
        series = trend["series"].get(str(figure["category"]), [0] * len(trend["months"]))
        if not (figure["current"] or figure["previous"] or figure["last_year"] or any(series)):
            continue
        categories.append(
            {
                **_with_changes(figure),
                "trend": series,
                "sparkline": sparkline(
                    series,
                    title=_("%(category)s per month, the last 12 months")
                    % {"category": figure["name"]},
                ),
            }
        )
    where = content["where"]
    patrols = [{**row, "weekday_name": WEEKDAY_NAMES[row["weekday"]]} for row in content["patrols"]]
    status_names = dict(Intervention.Status.choices)
    sources = sources_present(content.get("sources", {}))
    priorities = [
        {**row, "window": window_text(row["weekdays"], row["start_hour"], row["end_hour"])}
        for row in content.get("priorities", [])
    ]
    return {
        **added,
        "priorities": priorities,
        "picture": picture,
        "meeting_record": picture_meeting_of(picture),
        "content": content,
        "interventions": picture.interventions.select_related("area", "organisation").annotate(
            incident_count=Count("incidents")
        ),
        "follow_up": [
            {**row, "status_name": status_names.get(row["status"], row["status"])}
            for row in content.get("follow_up", [])
        ],
        "categories": categories,
        "total": _with_changes({**figures["total"], "name": _("All categories")}),
        "significance_percent": round(content["significance"] * 100),
        "months": trend["months"],
        "weekday_chart": bars(when["weekdays"], weekdays, title=_("Incidents per weekday")),
        "hour_chart": bars(
            when["hours"], [f"{h:02d}" for h in range(24)], title=_("Incidents per hour of day")
        ),
        "matrix_chart": matrix(when["matrix"], weekdays, title=_("Incidents per weekday and hour")),
        "matrix_rows": list(zip(WEEKDAY_NAMES, when["matrix"], when["weekdays"], strict=True)),
        "weekday_rows": list(zip(WEEKDAY_NAMES, when["weekdays"], strict=True)),
        "hour_rows": [(f"{h:02d}–{(h + 1) % 24:02d}", v) for h, v in enumerate(when["hours"])],
        "map_chart": incident_map(
            where,
            centre=content["centre"],
            police_events=len(content["police_events"]),
            title=_("Map of the period's incidents, hot spots and repeat places"),
            others=[point for source in sources for point in source["points"]],
        ),
        "legend": {
            kind: legend_swatch(kind)
            for kind in ("count", "hot99", "hot95", "repeat", "police", "other")
        },
        "sources": sources,
        "patrols": patrols,
        "hot_spots": _listed(where["hot_spots"]),
        "repeat_places": _listed(where["repeat_places"]),
    }

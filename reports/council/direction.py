"""What every situation picture of the tertial after an adoption shows of the management
group's priorities: how each has developed since, and which patrol windows match one.

The situation pictures import this module, so it reads no tertial module (see pyproject.toml's
layers)."""

import datetime

from django.db.models import Count, Q
from django.db.models.functions import ExtractHour, ExtractIsoWeekDay

from est.periods import WEEKDAYS, local_span, local_zone, tertial_containing
from reports.analysis.weeks import HOURS_IN_WEEK
from reports.council.models import Priority
from reports.incidents.models import Incident


def window_text(weekdays: list[int], start_hour: int | None, end_hour: int | None) -> str:
    """Return the window as people write it: "Fri, Sat 21–03", or "" without one."""
    days = ", ".join(str(WEEKDAYS[day]) for day in weekdays)
    hours = f"{start_hour:02d}–{end_hour:02d}" if start_hour is not None else ""
    return " ".join(part for part in (days, hours) if part)


def _matching(priority: Priority):
    """Return the municipality's counted incidents that match the priority's area, category
    and window (by the local weekday and hour they began)."""
    incidents = Incident.objects.for_municipality(priority.municipality_id).counted()
    if priority.category_id:
        incidents = incidents.filter(category=priority.category_id)
    if priority.area_id:
        incidents = incidents.within(priority.area)
    if priority.has_window:
        zone = local_zone()
        incidents = incidents.annotate(
            slot=(ExtractIsoWeekDay("occurred_from", tzinfo=zone) - 1) * 24
            + ExtractHour("occurred_from", tzinfo=zone)
        ).filter(slot__in=sorted(priority.slots))
    return incidents


def _development(priority: Priority, start: datetime.date, end: datetime.date) -> dict:
    """Return the matching incidents per fortnight in the tertial the priority was decided on,
    and in the period [start, end)."""
    tertial = priority.analysis.tertial
    before = local_span(tertial.first_day, tertial.end)
    now = local_span(start, end)
    counts = _matching(priority).aggregate(
        before=Count("pk", filter=Q(occurred_from__gte=before[0], occurred_from__lt=before[1])),
        current=Count("pk", filter=Q(occurred_from__gte=now[0], occurred_from__lt=now[1])),
    )
    fortnights = (tertial.end - tertial.first_day).days / 14
    return {
        "before_per_period": round(counts["before"] / fortnights, 1),
        "current": counts["current"],
    }


def priorities_content(municipality, start: datetime.date, end: datetime.date) -> list[dict]:
    """Return what a picture of [start, end) shows of the priorities decided on the tertial
    before the one the period begins in: each with its links, window and development."""
    decided = (
        Priority.objects.for_municipality(municipality)
        .decided_on(tertial_containing(start).previous())
        .select_related("area", "category", "analysis")
    )
    return [
        {
            "id": priority.pk,
            "title": priority.title,
            "description": priority.description,
            "area": priority.area.name if priority.area_id else "",
            "category": priority.category.name if priority.category_id else "",
            "weekdays": priority.weekdays,
            "start_hour": priority.start_hour,
            "end_hour": priority.end_hour,
            "slots": sorted(priority.slots) if priority.has_window else [],
            "decided_in": str(priority.analysis.tertial),
            **_development(priority, start, end),
        }
        for priority in decided
    ]


def patrol_slots(row: dict) -> set[int]:
    """Return the hours of the week a patrol guidance row's window covers."""
    span = (row["end_hour"] - row["start_hour"]) % 24 or 24
    first = row["weekday"] * 24 + row["start_hour"]
    return {(first + offset) % HOURS_IN_WEEK for offset in range(span)}


def patrols_mark(patrols: list[dict], priorities: list[dict]) -> list[dict]:
    """Return the patrol guidance with each window marked by the priorities it matches: a
    priority with a window whose hours overlap it, in the priority's area if it has one."""
    marked = []
    for row in patrols:
        slots = patrol_slots(row)
        matches = [
            priority["title"]
            for priority in priorities
            if priority["slots"]
            and slots.intersection(priority["slots"])
            and (not priority["area"] or priority["area"] == row["area"])
        ]
        marked.append({**row, "priorities": matches})
    return marked


def priorities_of(analysis) -> list[Priority]:
    """Return the priorities decided on ``analysis``, each with its ``window`` as text."""
    priorities = list(analysis.priorities.select_related("area", "category"))
    for priority in priorities:
        priority.window = window_text(priority.weekdays, priority.start_hour, priority.end_hour)
    return priorities

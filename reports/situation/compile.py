"""Situation pictures: fortnightly periods, compiling the picture, and its workflow.

Compiling counts in SQL (GROUP BY, PostGIS ``ST_HexagonGrid``) and hands only small aggregates
to the pure analysis in ``reports.analysis``; the result is stored as a JSON snapshot on the
picture, which the page and the PDF render from.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext as _

from est.documents import snapshot_compile
from est.models import Certification, Municipality, User
from est.periods import (
    PERIOD_DAYS,
    fortnight_containing,
    last_ended_period,
    local_midnight,
    local_span,
)
from est.roles import Role
from est.situation_sources import sources_gather
from reports.analysis.change import SIGNIFICANCE
from reports.council.direction import patrols_mark, priorities_content
from reports.incidents.counts import figure_row, monthly_trend, police_events_of, time_profile
from reports.incidents.models import Category, Incident, IncidentDayCount, begun_in
from reports.situation.models import Intervention, SituationPicture
from reports.situation.places import patrols_content, period_incidents, where_content

# --- periods ------------------------------------------------------------------------------------


# --- counting in SQL ----------------------------------------------------------------------------


def _key_figures(municipality, start: datetime.date, end: datetime.date) -> dict:
    """Count per category: this period, the previous one, the same period a year (52 weeks)
    earlier, with the change and an exact test of whether it is larger than chance.

    Added up from the counts per local day the database keeps (IncidentDayCount)."""
    windows = {
        "current": (start, end),
        "previous": (start - datetime.timedelta(days=PERIOD_DAYS), start),
        # 52 weeks, not a calendar year: the period keeps its weekdays, and weekends matter.
        "last_year": (start - datetime.timedelta(weeks=52), end - datetime.timedelta(weeks=52)),
    }
    within = {name: Q(day__gte=first, day__lt=until) for name, (first, until) in windows.items()}
    any_window = Q()
    for window in within.values():
        any_window |= window
    rows = (
        IncidentDayCount.objects.filter(any_window, municipality=municipality)
        .values("category")
        .annotate(**{name: Sum("count", filter=w, default=0) for name, w in within.items()})
    )
    counts = {row["category"]: row for row in rows}
    categories = Category.objects.for_municipality(municipality).filter(
        Q(pk__in=counts) | Q(retired=False)
    )
    figures = []
    for category in categories:
        row = counts.get(category.pk, {"current": 0, "previous": 0, "last_year": 0})
        figures.append(figure_row(category.pk, category.name, row))
    total = {name: sum(f[name] for f in figures) for name in windows}
    return {"categories": figures, "total": figure_row(None, "", total)}


def _who(municipality, start, end) -> dict:
    """Reports per organisation, and the reporters certified during the period who reported
    nothing in it."""
    period = (
        Incident.objects.for_municipality(municipality)
        .counted()
        .filter(begun_in(*local_span(start, end)))
    )
    per_organisation = [
        {"name": row["organisation__name"] or "", "count": row["count"]}
        for row in period.values("organisation__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "organisation__name")
    ]
    silent = (
        User.objects.filter(
            municipalities=municipality,
            role=Role.REPORTER,
            is_active=True,
            pk__in=Certification.objects.valid_during(start, end).values("user"),
        )
        .exclude(pk__in=period.filter(reporter__isnull=False).values("reporter"))
        .annotate(organisation_name=F("organisation__name"))
        .order_by("organisation__name", "last_name", "first_name")
    )
    return {
        "organisations": per_organisation,
        "silent_reporters": [
            {"name": user.get_full_name() or user.username, "organisation": user.organisation_name}
            for user in silent
        ],
    }


def _follow_up(municipality, start, end) -> list[dict]:
    """Interventions decided in earlier periods: their status, and the incidents in their area
    since they started (up to this period's end) against as many days just before they started."""
    rows = []
    interventions = (
        Intervention.objects.for_municipality(municipality)
        .decided_before(start)
        .filter(ends_on__gte=start - datetime.timedelta(days=90))
        .select_related("area", "organisation")
    )
    for intervention in interventions:
        began = local_midnight(intervention.starts_on)
        until = local_midnight(end)
        days = max((end - intervention.starts_on).days, 1)
        within = Incident.objects.for_municipality(municipality).counted().within(intervention.area)
        before_start = began - datetime.timedelta(days=days)
        counts = within.aggregate(
            since=Count("pk", filter=begun_in(began, until)),
            before=Count("pk", filter=begun_in(before_start, began)),
        )
        rows.append(
            {
                "id": intervention.pk,
                "what": intervention.what,
                "area": intervention.area.name,
                "organisation": intervention.organisation.name,
                "starts_on": intervention.starts_on.isoformat(),
                "ends_on": intervention.ends_on.isoformat(),
                "status": intervention.status,
                "days": days,
                "since": counts["since"],
                "before": counts["before"],
            }
        )
    return rows


def picture_content(municipality: Municipality, start: datetime.date, end: datetime.date) -> dict:
    """Compile and return the content of ``municipality``'s picture of the period [start, end)."""
    incidents = period_incidents(municipality, start, end)
    where, labels = where_content(municipality, incidents, start, end)
    priorities = priorities_content(municipality, start, end)
    return {
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "incident_count": len(incidents),
        "key_figures": _key_figures(municipality, start, end),
        "significance": SIGNIFICANCE,
        "trend": monthly_trend(municipality, end),
        "when": time_profile(incidents),
        "where": where,
        # The management group's direction: shown at the top, and marked on the patrol windows.
        "priorities": priorities,
        "patrols": patrols_mark(patrols_content(incidents, labels, where), priorities),
        "who": _who(municipality, start, end),
        "police_events": police_events_of(municipality, start, end),
        "follow_up": _follow_up(municipality, start, end),
        # Other sources than incidents (safety walks' findings…), each a group of its own.
        "sources": sources_gather(municipality, start, end),
        "centre": [
            round(municipality.boundary.point_on_surface.x, 1),
            round(municipality.boundary.point_on_surface.y, 1),
        ],
    }


# --- compiling ----------------------------------------------------------------------------------


def situation_picture_ensure(
    *, municipality: Municipality, period_start: datetime.date
) -> tuple[SituationPicture, bool]:
    """Return the first version of ``municipality``'s picture of the period starting on
    ``period_start``, creating it (waiting to be compiled) if there is none, and whether it was
    created. The unique constraint makes a second call, even a concurrent one, find it."""
    start, end = fortnight_containing(period_start)
    if start != period_start:
        raise ValidationError(_("A period starts on %(day)s.") % {"day": start.isoformat()})
    return SituationPicture.objects.get_or_create(
        municipality=municipality, period_start=start, version=1, defaults={"period_end": end}
    )


def situation_picture_compile(*, picture_id: int, force: bool = False, now=None) -> bool:
    """Compile the picture if it waits to be compiled (or ``force`` and not published);
    return whether this call compiled it (see est.documents)."""
    return snapshot_compile(
        SituationPicture,
        pk=picture_id,
        frozen_status=SituationPicture.Status.PUBLISHED,
        build=lambda picture: picture_content(
            picture.municipality, picture.period_start, picture.period_end
        ),
        force=force,
        now=now,
    )


def situation_pictures_due(*, now=None, municipalities=None) -> list[int]:
    """Make sure every municipality has a picture of the last ended period; return the ids of
    the pictures still waiting to be compiled (safe to call again: nothing is made twice)."""
    start, _end = last_ended_period(now)
    municipalities = Municipality.objects.all() if municipalities is None else municipalities
    for municipality in municipalities.only("pk"):
        situation_picture_ensure(municipality=municipality, period_start=start)
    return list(
        SituationPicture.objects.filter(
            period_start=start,
            municipality__in=municipalities,
            compile_state=SituationPicture.CompileState.QUEUED,
        ).values_list("pk", flat=True)
    )


def changed_since_compiled(picture: SituationPicture) -> int:
    """Return how many of the period's incidents were reported or changed after compiling."""
    if picture.compiled_at is None:
        return 0
    return (
        Incident.objects.for_municipality(picture.municipality_id)
        .filter(begun_in(*local_span(picture.period_start, picture.period_end)))
        .filter(updated_at__gt=picture.compiled_at)
        .count()
    )


# --- workflow -----------------------------------------------------------------------------------

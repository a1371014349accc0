"""Situation pictures: fortnightly periods, compiling the picture, and its workflow.

Compiling counts in SQL (GROUP BY, PostGIS ``ST_HexagonGrid``) and hands only small aggregates
to the pure analysis in ``reports.analysis``; the result is stored as a JSON snapshot on the
picture, which the page and the PDF render from.
"""

import datetime
import hashlib
import math
from zoneinfo import ZoneInfo

import nh3
import numpy as np
import pandas as pd
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import connection, transaction
from django.db.models import Count, F, FloatField, Func, Q, Sum
from django.db.models.functions import TruncMonth
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from scipy.spatial import cKDTree

from est.areas import area_create, area_name_unused
from est.models import Area, Municipality, User
from est.roles import Role

from .analysis.aoristic import hourly_weights
from .analysis.change import SIGNIFICANCE, count_change
from .analysis.hotspots import getis_ord_gi_star, repeat_places
from .analysis.patrols import patrol_guidance
from .models import Category, Incident, IncidentDayCount
from .situation_models import Intervention, SituationPicture
from .snapshots import snapshot_compile

PERIOD_DAYS = 14
#: Edge length of the hexagons hot spots are counted in, in metres.
HEX_SIZE = 250
#: Hexagons whose centres lie within this distance are neighbours (adjacent centres: √3 × side).
NEIGHBOURS = HEX_SIZE * 1.9
#: The fewest incidents in a hexagon and its neighbours that make a hot spot worth acting on.
MIN_HOT_SPOT_INCIDENTS = 4
#: A RUNNING claim older than this belongs to a worker that died; the picture may be claimed again.
#: Sanitising the coordinator's analysis: the formatting a rich-text field produces, no more.
ANALYSIS_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "h3", "h4", "blockquote"}


# --- periods ------------------------------------------------------------------------------------


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def period_anchor() -> datetime.date:
    """Return the Monday every 14-day period is counted from (setting SITUATION_PERIOD_ANCHOR)."""
    anchor = settings.SITUATION_PERIOD_ANCHOR
    if anchor.weekday() != 0:
        raise ValueError("SITUATION_PERIOD_ANCHOR must be a Monday")
    return anchor


def fortnight_containing(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Return the period (first day, first day after) that ``day`` falls in."""
    anchor = period_anchor()
    start = anchor + datetime.timedelta(days=(day - anchor).days // PERIOD_DAYS * PERIOD_DAYS)
    return start, start + datetime.timedelta(days=PERIOD_DAYS)


def last_ended_period(now: datetime.datetime | None = None) -> tuple[datetime.date, datetime.date]:
    """Return the latest period that has ended at ``now`` (local midnight ends a period)."""
    today = timezone.localdate(now or timezone.now())
    start, _end = fortnight_containing(today)
    return start - datetime.timedelta(days=PERIOD_DAYS), start


def local_midnight(day: datetime.date) -> datetime.datetime:
    """Return the start of ``day`` in Swedish local time (aware)."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=_zone())


def _moments(start: datetime.date, end: datetime.date) -> tuple[datetime.datetime, ...]:
    return local_midnight(start), local_midnight(end)


# --- counting in SQL ----------------------------------------------------------------------------


def _counted(municipality):
    """The incidents a picture counts: the municipality's own reports, not police events."""
    return Incident.objects.for_municipality(municipality).exclude(
        source=Incident.Source.POLICE_EVENT
    )


def _started(start, end) -> Q:
    """Incidents are counted in the period they started in, so no incident counts twice."""
    return Q(occurred_from__gte=start, occurred_from__lt=end)


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
        figures.append(_figure(category.pk, category.name, row))
    total = {name: sum(f[name] for f in figures) for name in windows}
    return {"categories": figures, "total": _figure(None, "", total)}


def _figure(category_id, name, row) -> dict:
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


def _trend(municipality, end: datetime.date, *, length: int = 12) -> dict:
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


def _when(spans: pd.DataFrame) -> dict:
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


class _X(Func):
    function = "ST_X"
    output_field = FloatField()


class _Y(Func):
    function = "ST_Y"
    output_field = FloatField()


def _period_incidents(municipality, start, end) -> pd.DataFrame:
    """The period's counted incidents: id, times, position (metres) and precision."""
    rows = (
        _counted(municipality)
        .filter(_started(*_moments(start, end)))
        .annotate(x=_X("position"), y=_Y("position"))
        .values_list("pk", "occurred_from", "occurred_to", "x", "y", "position_precise")
    )
    return pd.DataFrame(
        list(rows), columns=["id", "occurred_from", "occurred_to", "x", "y", "precise"]
    )


#: Cells are made only this close to the period's incidents: every cell with an incident in its
#: neighbourhood then has all its own neighbours (within 2 × NEIGHBOURS of the incident, plus
#: a cell's reach), so its Gi* is the one of the whole grid. Kiruna's whole grid is 127,000 cells.
GRID_MARGIN = 2 * NEIGHBOURS + 2 * HEX_SIZE

_HEX_SQL = """
WITH boundary AS (SELECT boundary FROM est_municipality WHERE id = %(municipality)s),
placed AS MATERIALIZED (
    SELECT incident.id, incident.position, incident.occurred_from >= %(start)s AS current
    FROM reports_incident AS incident
    WHERE incident.municipality_id = %(municipality)s
      AND incident.occurred_from >= %(extent_start)s AND incident.occurred_from < %(end)s
      AND incident.merged_into_id IS NULL
      AND incident.source <> 'police_event'
      AND incident.position_precise
),
corners AS (
    -- Incidents a kilometre apart need the same cells; one box per square kilometre will do.
    SELECT DISTINCT ST_SnapToGrid(position, 1000) AS corner FROM placed
),
cells AS (
    SELECT DISTINCT ON (hex.i, hex.j) hex.i, hex.j, hex.geom
    FROM boundary, corners,
         ST_HexagonGrid(%(size)s, ST_Expand(ST_MakeEnvelope(ST_X(corner), ST_Y(corner),
             ST_X(corner) + 1000, ST_Y(corner) + 1000, ST_SRID(corner)), %(margin)s)) AS hex
    WHERE ST_Intersects(hex.geom, boundary.boundary)
),
counted AS (
    -- Each incident finds its own hexagon: no cell is tested against every incident.
    SELECT hex.i, hex.j, count(*) AS incidents
    FROM placed, ST_HexagonGrid(%(size)s, placed.position) AS hex
    WHERE placed.current AND ST_Intersects(hex.geom, placed.position)
    GROUP BY hex.i, hex.j
)
SELECT cells.i, cells.j, ST_X(ST_Centroid(cells.geom)), ST_Y(ST_Centroid(cells.geom)),
       coalesce(counted.incidents, 0)
FROM cells LEFT JOIN counted USING (i, j)
"""

_GRID_SIZE_SQL = """
SELECT count(*)
FROM est_municipality AS m, ST_HexagonGrid(%(size)s, m.boundary) AS hex
WHERE m.id = %(municipality)s AND ST_Intersects(hex.geom, m.boundary)
"""


def _hex_cells(municipality, start, end) -> pd.DataFrame:
    """Count the period's precisely placed incidents per hexagon, in the hexagons near the
    incidents of the period and the one before it (the rest of the grid is empty)."""
    begin, finish = _moments(start, end)
    with connection.cursor() as cursor:
        cursor.execute(
            _HEX_SQL,
            {
                "municipality": municipality.pk,
                "size": HEX_SIZE,
                "margin": GRID_MARGIN,
                "extent_start": local_midnight(start - datetime.timedelta(days=PERIOD_DAYS)),
                "start": begin,
                "end": finish,
            },
        )
        rows = cursor.fetchall()
    return pd.DataFrame(rows, columns=["i", "j", "x", "y", "count"])


def grid_size(municipality) -> int:
    """Return how many hexagons the whole grid over ``municipality`` has (Gi*'s study area).

    Making the grid takes about a second for the largest municipality and depends only on the
    boundary, so the count is cached under the boundary's digest.
    """
    digest = hashlib.sha256(bytes(municipality.boundary.ewkb)).hexdigest()[:32]

    def count() -> int:
        with connection.cursor() as cursor:
            cursor.execute(_GRID_SIZE_SQL, {"municipality": municipality.pk, "size": HEX_SIZE})
            return cursor.fetchone()[0]

    return cache.get_or_set(f"situation:grid-size:{HEX_SIZE}:{digest}", count, timeout=None)


def _place_name(areas, x, y) -> str:
    from django.contrib.gis.geos import Point

    point = Point(x, y, srid=settings.STORAGE_SRID)
    for area in areas:
        if area.boundary.contains(point):
            return area.name
    return ""


def _enough_to_act_on(cells: pd.DataFrame) -> pd.DataFrame:
    """Drop the hot-spot mark where the neighbourhood holds fewer than MIN_HOT_SPOT_INCIDENTS.

    In a large, mostly empty municipality a fortnight's mean per hexagon is tiny, so Gi* finds
    a single incident "beyond chance"; two thousand hexagons tested at 95 % also give about a
    hundred false marks. A hot spot people are sent to needs a few incidents behind it.
    """
    if cells.empty:
        return cells.assign(local=0)
    points = cells[["x", "y"]].to_numpy()
    tree = cKDTree(points)
    counts = cells["count"].to_numpy()
    local = np.array([counts[near].sum() for near in tree.query_ball_point(points, r=NEIGHBOURS)])
    cells = cells.assign(local=local)
    cells.loc[cells["local"] < MIN_HOT_SPOT_INCIDENTS, "spot"] = ""
    return cells


def _map_extent(boundary_extent, drawn: pd.DataFrame, margin: float = 1500) -> list[float]:
    """Return the map's extent: around the incidents (where the work is), within the boundary's
    extent; the whole municipality when nothing was placed."""
    if drawn.empty:
        return list(boundary_extent)
    minx, miny, maxx, maxy = boundary_extent
    return [
        max(minx, drawn["x"].min() - margin),
        max(miny, drawn["y"].min() - margin),
        min(maxx, drawn["x"].max() + margin),
        min(maxy, drawn["y"].max() + margin),
    ]


def _outline(boundary) -> list[list[list[float]]]:
    """Return the outer rings of ``boundary``, simplified to 50 m, as lists of [x, y]."""
    simple = boundary.simplify(50, preserve_topology=True)
    polygons = [simple] if simple.geom_type == "Polygon" else list(simple)
    return [
        [[round(x, 1), round(y, 1)] for x, y in polygon.exterior_ring.coords]
        for polygon in polygons
    ]


def _where(municipality, incidents: pd.DataFrame, start, end) -> tuple[dict, pd.Series]:
    """Hot spots (Gi* on hexagons) and repeat places; also each incident's place label."""
    cells = getis_ord_gi_star(
        _hex_cells(municipality, start, end),
        distance=NEIGHBOURS,
        study_cells=grid_size(municipality),
    )
    cells = _enough_to_act_on(cells)
    areas = list(Area.objects.for_municipality(municipality).only("name", "boundary"))
    # The map shades every hot cell; the named hot spots are those with incidents of their own
    # (an empty cell next to a busy one is hot by Gi*'s neighbourhood sum, but needs no patrol).
    hot = cells[cells["spot"].str.startswith("hot") & (cells["count"] > 0)].sort_values(
        ["local", "count", "z"], ascending=False
    )
    hot_spots = []
    for cell in hot.itertuples():
        # Neighbouring hot hexagons are one hot spot, named after its busiest neighbourhood.
        if any((s["x"] - cell.x) ** 2 + (s["y"] - cell.y) ** 2 <= NEIGHBOURS**2 for s in hot_spots):
            continue
        hot_spots.append(
            {
                # Codes, not words: the snapshot is read in Swedish and English alike.
                "label": f"H{len(hot_spots) + 1}",
                "x": round(cell.x, 1),
                "y": round(cell.y, 1),
                "count": int(cell.local),
                "z": round(float(cell.z), 2),
                "spot": cell.spot,
                "area": _place_name(areas, cell.x, cell.y),
            }
        )
    precise = incidents.loc[incidents["precise"].astype(bool)]
    places = repeat_places(precise[["x", "y"]], radius=50, minimum=3)
    labels = pd.Series("", index=incidents.index)
    repeats = []
    for number, place in enumerate(places.itertuples(), start=1):
        label = f"R{number}"
        repeats.append(
            {
                "label": label,
                "x": round(place.x, 1),
                "y": round(place.y, 1),
                "count": int(place.count),
                "area": _place_name(areas, place.x, place.y),
            }
        )
        labels[place.members] = label
    # Incidents in a hot hexagon (within its circumradius) that are not at a repeat place.
    for spot in hot_spots:
        near = (precise["x"] - spot["x"]) ** 2 + (precise["y"] - spot["y"]) ** 2 <= HEX_SIZE**2
        free = labels[precise.index[near]] == ""
        labels[free[free].index] = spot["label"]
    drawn = cells[(cells["count"] > 0) | (cells["spot"] != "")]
    extent = _map_extent(municipality.boundary.extent, drawn)
    return {
        "hex_size": HEX_SIZE,
        "extent": [round(v, 1) for v in extent],
        "boundary": _outline(municipality.boundary),
        "areas": [{"name": area.name, "rings": _outline(area.boundary)} for area in areas],
        "cells": [
            {
                "x": round(c.x, 1),
                "y": round(c.y, 1),
                "count": int(c.count),
                "z": round(float(c.z), 2),
                "spot": c.spot,
            }
            for c in drawn.itertuples()
        ],
        "hot_spots": hot_spots,
        "repeat_places": repeats,
        "unplaced": int(len(incidents) - len(precise)),
    }, labels


def _patrols(incidents: pd.DataFrame, labels: pd.Series, where: dict) -> list[dict]:
    """Where and when guard rounds or police presence should go next period."""
    placed = incidents[labels != ""]
    if placed.empty:
        return []
    weights = hourly_weights(placed["occurred_from"], placed["occurred_to"])
    weights["place"] = labels[placed.index].to_numpy()[weights["incident"].to_numpy()]
    guidance = patrol_guidance(weights[["place", "weekday", "hour", "weight"]])
    places = {p["label"]: p for p in where["hot_spots"] + where["repeat_places"]}
    return [
        {
            "place": row.place,
            "area": places[row.place]["area"],
            "x": places[row.place]["x"],
            "y": places[row.place]["y"],
            "weekday": int(row.weekday),
            "start_hour": int(row.start_hour),
            "end_hour": int(row.end_hour),
            "expected": round(float(row.expected), 1),
            "share": round(float(row.share) * 100),
        }
        for row in guidance.itertuples()
    ]


def _who(municipality, start, end) -> dict:
    """Reports per organisation, and the trained reporters who reported nothing this period."""
    period = _counted(municipality).filter(_started(*_moments(start, end)))
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
            trained_on__isnull=False,
            is_active=True,
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


def _police_events(municipality, start, end) -> list[dict]:
    """The period's police events: their positions are imprecise, so only time and place name."""
    events = (
        Incident.objects.for_municipality(municipality)
        .from_source(Incident.Source.POLICE_EVENT)
        .filter(_started(*_moments(start, end)))
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
        within = _counted(municipality).within(intervention.area)
        before_start = began - datetime.timedelta(days=days)
        counts = within.aggregate(
            since=Count("pk", filter=_started(began, until)),
            before=Count("pk", filter=_started(before_start, began)),
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
    incidents = _period_incidents(municipality, start, end)
    where, labels = _where(municipality, incidents, start, end)
    return {
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "incident_count": len(incidents),
        "key_figures": _key_figures(municipality, start, end),
        "significance": SIGNIFICANCE,
        "trend": _trend(municipality, end),
        "when": _when(incidents),
        "where": where,
        "patrols": _patrols(incidents, labels, where),
        "who": _who(municipality, start, end),
        "police_events": _police_events(municipality, start, end),
        "follow_up": _follow_up(municipality, start, end),
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
    return whether this call compiled it (see reports.snapshots)."""
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
        .filter(_started(*_moments(picture.period_start, picture.period_end)))
        .filter(updated_at__gt=picture.compiled_at)
        .count()
    )


# --- workflow -----------------------------------------------------------------------------------


def _editable(picture: SituationPicture) -> None:
    if picture.is_frozen:
        raise ValidationError(_("A published picture can't change; make a new version."))
    if picture.superseded_by_id:
        raise ValidationError(_("This is an old version; change the newest one."))


def situation_picture_recompile(*, picture: SituationPicture, by) -> SituationPicture:
    """Compile a draft picture again from the incidents as they are now."""
    _editable(picture)
    situation_picture_compile(picture_id=picture.pk, force=True)
    picture.refresh_from_db()
    return picture


def sanitise_analysis(html: str) -> str:
    """Return the analysis with only harmless formatting left (no scripts, links or styles)."""
    return nh3.clean(html, tags=ANALYSIS_TAGS, attributes={}, link_rel=None)


@transaction.atomic
def situation_picture_update(
    *, picture: SituationPicture, by, analysis: str, problems: str, shared_with=()
) -> SituationPicture:
    """Save the coordinator's analysis, the problems identified and whom to share it with."""
    picture = SituationPicture.objects.select_for_update().get(pk=picture.pk)
    _editable(picture)
    picture.analysis = sanitise_analysis(analysis)
    picture.problems = problems
    picture.save(update_fields=["analysis", "problems", "updated_at"])
    picture.shared_with.set(shared_with)
    return picture


def _transition(picture, source, target) -> SituationPicture:
    with transaction.atomic():
        picture = SituationPicture.objects.select_for_update().get(pk=picture.pk)
        _editable(picture)
        if picture.status not in source:
            raise ValidationError(_("The picture can't make that step from its current status."))
        if not picture.is_compiled:
            raise ValidationError(_("The picture is not compiled yet."))
        picture.status = target
        return picture


def situation_picture_submit(*, picture: SituationPicture, by) -> SituationPicture:
    """Mark a draft picture ready for review."""
    picture = _transition(picture, {SituationPicture.Status.DRAFT}, SituationPicture.Status.REVIEW)
    picture.save(update_fields=["status", "updated_at"])
    return picture


def situation_picture_publish(*, picture: SituationPicture, by) -> SituationPicture:
    """Publish the picture: freeze it, let the police and the chosen organisations read it,
    and tell them by e-mail once the transaction has committed."""
    with transaction.atomic():
        picture = _transition(
            picture,
            {SituationPicture.Status.DRAFT, SituationPicture.Status.REVIEW},
            SituationPicture.Status.PUBLISHED,
        )
        picture.published_at = timezone.now()
        picture.published_by = by
        picture.save(update_fields=["status", "published_at", "published_by", "updated_at"])
        transaction.on_commit(lambda: _mail_published(picture.pk))
    return picture


def recipients_of(picture: SituationPicture) -> list[str]:
    """Return the e-mail addresses told of a published picture: the municipality's police and
    the members of the organisations it is shared with."""
    users = User.objects.filter(
        Q(role=Role.POLICE) | Q(organisation__in=picture.shared_with.all()),
        municipalities=picture.municipality_id,
        is_active=True,
    ).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def _mail_published(picture_id: int) -> None:
    picture = SituationPicture.objects.select_related("municipality").get(pk=picture_id)
    addresses = recipients_of(picture)
    if not addresses:
        return
    subject = _("Situation picture %(municipality)s %(start)s published") % {
        "municipality": picture.municipality.name,
        "start": picture.period_start.isoformat(),
    }
    body = render_to_string(
        "reports/situation/published_mail.txt",
        {
            "picture": picture,
            "url": settings.SITE_URL.rstrip("/")
            + reverse("situation_detail", kwargs={"pk": picture.pk}),
        },
    )
    # One message per recipient: partners never see each other's addresses.
    send_mass_mail(
        [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in addresses]
    )


@transaction.atomic
def situation_picture_revise(*, picture: SituationPicture, by) -> SituationPicture:
    """Start a new draft version of a published picture; the published one is kept unchanged."""
    picture = SituationPicture.objects.select_for_update().get(pk=picture.pk)
    if picture.superseded_by_id:
        raise ValidationError(_("This is an old version; change the newest one."))
    if not picture.is_frozen:
        raise ValidationError(_("Only a published picture needs a new version."))
    latest = (
        SituationPicture.objects.filter(
            municipality=picture.municipality_id, period_start=picture.period_start
        )
        .order_by("-version")
        .first()
    )
    revision = SituationPicture.objects.create(
        municipality_id=picture.municipality_id,
        period_start=picture.period_start,
        period_end=picture.period_end,
        version=latest.version + 1,
        status=SituationPicture.Status.DRAFT,
        compile_state=SituationPicture.CompileState.DONE,
        compiled_at=picture.compiled_at,
        content=picture.content,
        analysis=picture.analysis,
        problems=picture.problems,
    )
    revision.shared_with.set(picture.shared_with.all())
    picture.superseded_by = revision
    picture.save(update_fields=["superseded_by", "updated_at"])
    return revision


def hex_corners(x: float, y: float, size: float) -> list[tuple[float, float]]:
    """Return the corners of the flat-topped hexagon ST_HexagonGrid draws around (x, y)."""
    return [
        (x + size * math.cos(math.radians(a)), y + size * math.sin(math.radians(a)))
        for a in range(0, 360, 60)
    ]


def situation_pictures_seed(municipalities, *, periods: int = 3) -> None:
    """Compile the pictures of the last ``periods`` ended periods (seed_demo calls this after
    the incidents); pictures already there are left as they are."""
    start, _end = last_ended_period()
    for back in range(periods):
        period_start = start - datetime.timedelta(days=PERIOD_DAYS * back)
        for municipality in municipalities:
            picture, _created = situation_picture_ensure(
                municipality=municipality, period_start=period_start
            )
            situation_picture_compile(picture_id=picture.pk)


def _intervention_errors(picture, organisation, incidents, starts_on, ends_on) -> dict:
    """Return the messages on the intervention's fields other than its places, by field."""
    errors = {}
    if not organisation.municipalities.filter(pk=picture.municipality_id).exists():
        errors["organisation"] = _("Choose an organisation that works in %(name)s.") % {
            "name": picture.municipality.name
        }
    if any(incident.municipality_id != picture.municipality_id for incident in incidents):
        errors["incidents"] = _("Link only incidents of the same municipality.")
    if ends_on < starts_on:
        errors["ends_on"] = _("The end can't come before the start.")
    return errors


def _intervention_place(*, picture, by, picked, drawn, field: str, kind: str, name: str):
    """Return the area picked (``field``) or drawn (``drawn_<field>``), a drawn one saved as a
    new area of ``kind`` called ``name``; None when neither was given."""
    municipality = picture.municipality
    if picked is not None and drawn is not None:
        raise ValidationError({f"drawn_{field}": _("Pick an area or draw one, not both.")})
    if picked is not None:
        if picked.municipality_id != municipality.pk:
            raise ValidationError(
                {field: _("Choose an area of %(name)s.") % {"name": municipality.name}}
            )
        return picked
    if drawn is None:
        return None
    try:
        return area_create(
            municipality=municipality,
            name=area_name_unused(municipality=municipality, name=name),
            kind=kind,
            boundary=drawn,
            by=by,
        )
    except ValidationError as error:
        raise ValidationError({f"drawn_{field}": error.message_dict["boundary"]}) from error


@transaction.atomic
def intervention_create(
    *,
    picture: SituationPicture,
    by,
    what: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    organisation,
    area=None,
    drawn_area=None,
    comparison_area=None,
    drawn_comparison_area=None,
    problem: str = "",
    times: str = "",
    status: str = Intervention.Status.PLANNED,
    incidents=(),
) -> Intervention:
    """Decide an intervention at ``picture`` (which must still be a draft) and return it.

    Its place is ``area`` (an area of the municipality) or ``drawn_area`` (a polygon, saved as
    a new intervention area); likewise the optional comparison area. Raises ValidationError,
    keyed by these argument names, on bad input; then nothing is saved.
    """
    picture = SituationPicture.objects.select_for_update().get(pk=picture.pk)
    _editable(picture)
    incidents = list(incidents)
    errors = _intervention_errors(picture, organisation, incidents, starts_on, ends_on)
    places = {}
    # Every message at once: the coordinator corrects the form in one go. A drawn area saved
    # before a later message is rolled back with the rest.
    for field, picked, drawn, kind, name in (
        ("area", area, drawn_area, Area.Kind.INTERVENTION, _("%(what)s (intervention)")),
        ("comparison_area", comparison_area, drawn_comparison_area, Area.Kind.COMPARISON,
         _("%(what)s (comparison)")),
    ):  # fmt: skip
        try:
            places[field] = _intervention_place(
                picture=picture, by=by, picked=picked, drawn=drawn, field=field, kind=kind,
                name=name % {"what": what},
            )  # fmt: skip
        except ValidationError as error:
            errors.update(error.message_dict)
    if "area" in places and places["area"] is None:
        errors["area"] = _("Pick an area or draw it on the map.")
    elif places.get("comparison_area") and places["comparison_area"] == places.get("area"):
        errors["comparison_area"] = _("Compare with another area than the intervention's own.")
    if errors:
        raise ValidationError(errors)
    intervention = Intervention.objects.create(
        municipality_id=picture.municipality_id,
        decided_in=picture,
        what=what,
        problem=problem,
        area=places["area"],
        comparison_area=places["comparison_area"],
        starts_on=starts_on,
        ends_on=ends_on,
        times=times,
        organisation=organisation,
        status=status,
        created_by=by,
    )
    intervention.incidents.set(incidents)
    return intervention


def intervention_set_status(*, intervention: Intervention, by, status: str) -> Intervention:
    """Record whether an intervention was carried out (its follow-up, also after publishing)."""
    if status not in Intervention.Status.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    Intervention.objects.filter(pk=intervention.pk).update(status=status, updated_at=timezone.now())
    intervention.refresh_from_db()
    return intervention

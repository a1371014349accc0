"""Where a situation picture's incidents happened: hexagons counted in PostGIS, hot spots and
repeat places (Getis-Ord Gi*), the map's extent and the patrol windows that follow from them."""

import datetime
import hashlib

import numpy as np
import pandas as pd
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from scipy.spatial import cKDTree

from est.map_svg import map_extent, outline_rings
from est.models import Area
from est.outages import ServiceUnavailable
from est.periods import PERIOD_DAYS, local_midnight, local_span
from est.projections import PointX, PointY
from reports.analysis.aoristic import hourly_weights
from reports.analysis.hotspots import getis_ord_gi_star, repeat_places
from reports.analysis.patrols import patrol_guidance
from reports.incidents.models import Incident, counted_sql

#: Edge length of the hexagons hot spots are counted in, in metres.
HEX_SIZE = 250


#: Hexagons whose centres lie within this distance are neighbours (adjacent centres: √3 × side).
NEIGHBOURS = HEX_SIZE * 1.9


#: The fewest incidents in a hexagon and its neighbours that make a hot spot worth acting on.
MIN_HOT_SPOT_INCIDENTS = 4


def period_incidents(municipality, start, end) -> pd.DataFrame:
    """The period's counted incidents: id, times, position (metres) and precision."""
    rows = (
        Incident.objects.for_municipality(municipality)
        .counted()
        .begun(*local_span(start, end))
        .annotate(x=PointX("position"), y=PointY("position"))
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
      AND {counted}
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
""".replace("{counted}", counted_sql("incident"))


_GRID_SIZE_SQL = """
SELECT count(*)
FROM est_municipality AS m, ST_HexagonGrid(%(size)s, m.boundary) AS hex
WHERE m.id = %(municipality)s AND ST_Intersects(hex.geom, m.boundary)
"""


def _hex_cells(municipality, start, end) -> pd.DataFrame:
    """Count the period's precisely placed incidents per hexagon, in the hexagons near the
    incidents of the period and the one before it (the rest of the grid is empty)."""
    begin, finish = local_span(start, end)
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

    try:
        return cache.get_or_set(f"situation:grid-size:{HEX_SIZE}:{digest}", count, timeout=None)
    except ServiceUnavailable:
        # Only a cache: with Redis down the picture is still compiled, a second slower.
        return count()


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


def where_content(municipality, incidents: pd.DataFrame, start, end) -> tuple[dict, pd.Series]:
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
    extent = map_extent(municipality.boundary.extent, drawn)
    return {
        "hex_size": HEX_SIZE,
        "extent": [round(v, 1) for v in extent],
        "boundary": outline_rings(municipality.boundary),
        "areas": [{"name": area.name, "rings": outline_rings(area.boundary)} for area in areas],
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


def patrols_content(incidents: pd.DataFrame, labels: pd.Series, where: dict) -> list[dict]:
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

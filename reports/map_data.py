"""The incident map's data for one view (a bounding box and a zoom), at any number of incidents.

Where few precisely positioned incidents are in view, they come one by one, each linking to its
page; where more than MAX_FEATURES are, they come as counts per cell of a square grid in
SWEREF 99 TM whose cells grow as the map zooms out, so that a response stays small whatever
the data. Police events, whose position is only the municipality's centre, never mix with
either: they come as a layer of their own, one count per municipality, flagged approximate.
"""

import math
from dataclasses import dataclass

from django.conf import settings
from django.contrib.gis.db.models.functions import AsGeoJSON, Transform
from django.contrib.gis.geos import Point, Polygon
from django.core.exceptions import ValidationError
from django.db.models import Avg, Count, FloatField, Func, IntegerField
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Incident

#: Never more features than this in one layer of a response.
MAX_FEATURES = 2000
#: The zooms the map may ask for (Leaflet's web map zooms).
MIN_ZOOM, MAX_ZOOM = 0, 22
#: The grid's cell side at zoom 14 (a town's streets), doubling for each zoom level further out:
#: about 60 screen pixels at Swedish latitudes.
CELL_AT_ZOOM_14 = 250
#: Views are clipped to this box (WGS 84): far from SWEREF 99 TM's central meridian (15° E)
#: its transverse Mercator grid folds over, and no municipality lies there.
CLIP = (-60.0, 30.0, 90.0, 85.0)


@dataclass(frozen=True)
class MapView:
    """What the map shows: west, south, east, north in WGS 84, and the web map zoom."""

    west: float
    south: float
    east: float
    north: float
    zoom: int

    @property
    def cell_size(self) -> int:
        """Return the side in metres of the grid cells counted at this zoom."""
        return CELL_AT_ZOOM_14 * 2 ** max(0, 14 - self.zoom)

    def box(self) -> Polygon:
        """Return the view (clipped to CLIP) as a polygon in the storage SRID (SWEREF 99 TM)."""
        west, south = max(self.west, CLIP[0]), max(self.south, CLIP[1])
        east, north = min(self.east, CLIP[2]), min(self.north, CLIP[3])
        if west >= east or south >= north:
            # Nothing of the view is in the clip: an empty sliver at its corner.
            west, south, east, north = CLIP[0], CLIP[1], CLIP[0] + 1e-9, CLIP[1] + 1e-9
        # Eight points along each edge, so that the box keeps its shape in the transverse
        # Mercator grid, where lines of latitude curve.
        steps = [i / 8 for i in range(8)]
        ring = (
            [(west + (east - west) * t, south) for t in steps]
            + [(east, south + (north - south) * t) for t in steps]
            + [(east - (east - west) * t, north) for t in steps]
            + [(west, north - (north - south) * t) for t in steps]
        )
        box = Polygon([*ring, ring[0]], srid=settings.MAP_SRID)
        return box.transform(settings.STORAGE_SRID, clone=True)


def map_view_from(query) -> MapView:
    """Return the MapView in ``query`` (``bbox=west,south,east,north`` and ``zoom``).

    Raises ValidationError with a message saying what is wrong.
    """
    raw = query.get("bbox", "")
    parts = raw.split(",")
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError:
        raise ValidationError(
            _("bbox must be four numbers: west,south,east,north in degrees (WGS 84).")
        ) from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise ValidationError(_("bbox must be four finite numbers."))
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise ValidationError(
            _("bbox must have west < east within ±180 and south < north within ±90 degrees.")
        )
    try:
        zoom = int(query.get("zoom", ""))
    except ValueError:
        raise ValidationError(_("zoom must be a whole number.")) from None
    if not MIN_ZOOM <= zoom <= MAX_ZOOM:
        raise ValidationError(
            _("zoom must be between %(min)s and %(max)s.") % {"min": MIN_ZOOM, "max": MAX_ZOOM}
        )
    return MapView(west, south, east, north, zoom)


class _X(Func):
    function = "ST_X"
    output_field = FloatField()


class _Y(Func):
    function = "ST_Y"
    output_field = FloatField()


class _Floor(Func):
    function = "floor"
    output_field = IntegerField()
    template = "%(function)s(%(expressions)s)::integer"


def _point_feature(row, url_template: str) -> dict:
    return {
        "type": "Feature",
        "geometry": row["geojson"],
        "properties": {
            "id": row["pk"],
            "category": row["category__name"],
            "occurred_from": timezone.localtime(row["occurred_from"]).strftime("%Y-%m-%d %H:%M"),
            "status": Incident.Status(row["status"]).label,
            "place": row["place_name"],
            "url": url_template.format(row["pk"]),
        },
    }


def _wgs84(x: float, y: float) -> list[float]:
    point = Point(x, y, srid=settings.STORAGE_SRID).transform(settings.MAP_SRID, clone=True)
    return [round(point.x, 6), round(point.y, 6)]


def incident_points(queryset) -> list[dict] | None:
    """Return the incidents of ``queryset`` as GeoJSON point features, or None if more than
    MAX_FEATURES: one query that stops at the first MAX_FEATURES + 1 rows."""
    rows = list(
        queryset.order_by()  # any MAX_FEATURES + 1 will do: no sort of all that match
        .annotate(geojson=AsGeoJSON(Transform("position", settings.MAP_SRID), precision=6))
        .values("pk", "geojson", "category__name", "occurred_from", "status", "place_name")[
            : MAX_FEATURES + 1
        ]
    )
    if len(rows) > MAX_FEATURES:
        return None
    for row in rows:
        row["geojson"] = {"type": "Point", "coordinates": _coordinates(row["geojson"])}
    # One reverse() for all: resolving the URL per incident took half the response's time.
    url_template = reverse("incident_detail", args=[999999999]).replace("999999999", "{}")
    return [_point_feature(row, url_template) for row in rows]


def _coordinates(geojson: str) -> list[float]:
    # AsGeoJSON of a point is '{"type":"Point","coordinates":[x,y]}'; parse only the numbers.
    numbers = geojson[geojson.index("[") + 1 : geojson.index("]")]
    return [float(n) for n in numbers.split(",")]


def incident_cells(queryset, cell_size: int) -> list[dict]:
    """Return the incidents of ``queryset`` counted per grid cell of ``cell_size`` metres, each
    as a GeoJSON point at the mean position of its incidents, with ``count`` and the cell's
    ``bounds`` (west, south, east, north in WGS 84) to zoom to."""
    rows = (
        queryset.order_by()
        .annotate(
            cell_x=_Floor(_X("position") / cell_size), cell_y=_Floor(_Y("position") / cell_size)
        )
        .values("cell_x", "cell_y")
        .annotate(count=Count("pk"), x=Avg(_X("position")), y=Avg(_Y("position")))
        .order_by("-count")[:MAX_FEATURES]
    )
    features = []
    for row in rows:
        west, south = _wgs84(row["cell_x"] * cell_size, row["cell_y"] * cell_size)
        east, north = _wgs84((row["cell_x"] + 1) * cell_size, (row["cell_y"] + 1) * cell_size)
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": _wgs84(row["x"], row["y"])},
                "properties": {"count": row["count"], "bounds": [west, south, east, north]},
            }
        )
    return features


def police_event_counts(queryset) -> list[dict]:
    """Return the imprecise incidents of ``queryset`` (police events) counted per municipality,
    at the position they share (the municipality's centre), flagged ``approximate``."""
    rows = (
        queryset.order_by()
        .values("municipality_id", "municipality__name")
        .annotate(count=Count("pk"), x=Avg(_X("position")), y=Avg(_Y("position")))
        .order_by("municipality__name")
    )
    return [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": _wgs84(row["x"], row["y"])},
            "properties": {
                "municipality": row["municipality__name"],
                "count": row["count"],
                "approximate": True,
            },
        }
        for row in rows[:MAX_FEATURES]
    ]


def map_data(queryset, view: MapView) -> dict:
    """Return what the map draws of ``queryset`` (already scoped and filtered) in ``view``.

    ``incidents`` is a FeatureCollection of single incidents (``kind`` "points") or of cell
    counts (``kind`` "cells"); ``police_events`` is a FeatureCollection of counts at
    municipality centres. Neither holds more than MAX_FEATURES features.
    """
    in_view = queryset.filter(position__bboverlaps=view.box())
    precise = in_view.filter(position_precise=True)
    points = incident_points(precise)
    if points is not None:
        incidents = {"type": "FeatureCollection", "kind": "points", "features": points}
    else:
        incidents = {
            "type": "FeatureCollection",
            "kind": "cells",
            "cell_size": view.cell_size,
            "features": incident_cells(precise, view.cell_size),
        }
    police_events = {
        "type": "FeatureCollection",
        "features": police_event_counts(in_view.filter(position_precise=False)),
    }
    return {"zoom": view.zoom, "incidents": incidents, "police_events": police_events}

"""The incident map's data for one view (a bounding box and a zoom), at any number of incidents.

Where the grid cells touching the view hold few precisely positioned incidents, those in view
come one by one, each linking to its page; where more than MAX_FEATURES, they come as counts per
cell, whole, of a square grid in SWEREF 99 TM whose cells grow as the map zooms out, so that a
response stays small whatever the data. The counts of the whole country's low zooms, and of a
municipality's zoom 13 and out, by period and category, are kept in tables
(reports.incidents.map_cells); all others are counted from the incidents. Police
events, whose position is only the municipality's centre, never mix with either: they come as
a layer of their own, one count per municipality, flagged approximate.
"""

import array
import itertools
import math
import struct
import sys
from dataclasses import dataclass

from django.conf import settings
from django.contrib.gis.db.models.functions import AsGeoJSON, Transform
from django.contrib.gis.geos import GEOSGeometry, Polygon
from django.core.exceptions import ValidationError
from django.db.models import Avg, Count, Func, IntegerField, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from est.models import Municipality
from est.projections import PointX, PointY, transformed
from reports.incidents.map_cells import CellSelection, kept_cell_sums, stored_size_for
from reports.incidents.models import Incident

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

    def grid(self, box: Polygon) -> tuple[int, int, int, int]:
        """Return the first column, first row, last column and last row of the cells of this
        zoom that ``box`` (the view in SWEREF 99 TM) touches."""
        size = self.cell_size
        west, south, east, north = box.extent
        return (
            math.floor(west / size),
            math.floor(south / size),
            math.floor(east / size),
            math.floor(north / size),
        )

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
        return transformed(box, settings.STORAGE_SRID)


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


def _wgs84(points: list[tuple[float, float]]) -> list[list[float]]:
    """Return ``points`` (SWEREF 99 TM) in WGS 84, rounded to six decimals (about 0.1 m)."""
    if not points:
        return []
    wanted = len(points)
    # As one line: a GEOS/GDAL round trip per point took 0.3 ms, one for all a few. The line
    # goes in and out as WKB (byte order, type 2, number of points, then x, y as doubles, all
    # native): setting and reading the points one by one through GEOS took 10 ms a response.
    if len(points) == 1:
        points = points * 2
    wkb = struct.pack("=BII", sys.byteorder == "little", 2, len(points))
    wkb += array.array("d", itertools.chain.from_iterable(points)).tobytes()
    line = GEOSGeometry(memoryview(wkb), srid=settings.STORAGE_SRID)
    values = memoryview(transformed(line, settings.MAP_SRID).wkb)[9:].cast("d")
    rounded = [[round(x, 6), round(y, 6)] for x, y in zip(values[0::2], values[1::2], strict=True)]
    return rounded[:wanted]


def incident_points(queryset) -> list[dict]:
    """Return the incidents of ``queryset`` (at most MAX_FEATURES) as GeoJSON point features."""
    rows = list(
        queryset.order_by()
        .annotate(geojson=AsGeoJSON(Transform("position", settings.MAP_SRID), precision=6))
        .values("pk", "geojson", "category__name", "occurred_from", "status", "place_name")[
            :MAX_FEATURES
        ]
    )
    for row in rows:
        row["geojson"] = {"type": "Point", "coordinates": _coordinates(row["geojson"])}
    # One reverse() for all: resolving the URL per incident took half the response's time.
    url_template = reverse("incident_detail", args=[999999999]).replace("999999999", "{}")
    return [_point_feature(row, url_template) for row in rows]


def _coordinates(geojson: str) -> list[float]:
    # AsGeoJSON of a point is '{"type":"Point","coordinates":[x,y]}'; parse only the numbers.
    numbers = geojson[geojson.index("[") + 1 : geojson.index("]")]
    return [float(n) for n in numbers.split(",")]


def live_cell_sums(queryset, size: int, grid, *, by_box: bool = True) -> dict:
    """Return {(column, row): [count, sum of x, sum of y]} of the incidents of ``queryset`` in
    the cells of side ``size`` in ``grid`` (first column, first row, last column, last row),
    counted from the incident table; ``by_box`` False leaves the spatial index out, for a
    ``queryset`` that its other conditions narrow better (a few days of a municipality)."""
    x0, y0, x1, y1 = grid
    if by_box:
        box = Polygon.from_bbox((x0 * size, y0 * size, (x1 + 1) * size, (y1 + 1) * size))
        box.srid = settings.STORAGE_SRID
        queryset = queryset.filter(position__bboverlaps=box)
    rows = (
        queryset.order_by()
        .annotate(
            cell_x=_Floor(PointX("position") / size), cell_y=_Floor(PointY("position") / size)
        )
        # The box's far edges belong to the next cells.
        .filter(cell_x__range=(x0, x1), cell_y__range=(y0, y1))
        .values("cell_x", "cell_y")
        .annotate(count=Count("pk"), x=Sum(PointX("position")), y=Sum(PointY("position")))
        .values_list("cell_x", "cell_y", "count", "x", "y")
    )
    return {(x, y): [count, sx, sy] for x, y, count, sx, sy in rows}


def cell_features(sums: dict, size: int) -> list[dict]:
    """Return the MAX_FEATURES fullest cells of ``sums`` (see live_cell_sums) as GeoJSON points
    at the mean position of their incidents, with ``count`` and the cell's ``bounds`` (west,
    south, east, north in WGS 84) to zoom to."""
    fullest = sorted(sums.items(), key=lambda item: (-item[1][0], item[0]))[:MAX_FEATURES]
    corners_and_means = _wgs84(
        [
            point
            for (x, y), (count, sum_x, sum_y) in fullest
            for point in ((x * size, y * size), ((x + 1) * size, (y + 1) * size))
            + ((sum_x / count, sum_y / count),)
        ]
    )
    return [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": mean},
            "properties": {"count": count, "bounds": [*south_west, *north_east]},
        }
        for ((_cell, (count, _x, _y)), south_west, north_east, mean) in zip(
            fullest,
            corners_and_means[0::3],
            corners_and_means[1::3],
            corners_and_means[2::3],
            strict=True,
        )
    ]


def police_event_counts(queryset) -> list[dict]:
    """Return the imprecise incidents of ``queryset`` (police events) counted per municipality,
    at the position they share (the municipality's centre), flagged ``approximate``."""
    rows = list(
        queryset.order_by()
        .values("municipality_id")
        .annotate(count=Count("pk"), x=Avg(PointX("position")), y=Avg(PointY("position")))
    )
    # Names joined after counting: joining before sorted every event by name (37-45 ms for
    # a year of the country's, 7-11 ms without).
    names = dict(
        Municipality.objects.filter(pk__in=[row["municipality_id"] for row in rows]).values_list(
            "pk", "name"
        )
    )
    for row in rows:
        row["municipality__name"] = names[row["municipality_id"]]
    rows = sorted(rows, key=lambda row: row["municipality__name"])[:MAX_FEATURES]
    positions = _wgs84([(row["x"], row["y"]) for row in rows])
    return [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": position},
            "properties": {
                "municipality": row["municipality__name"],
                "count": row["count"],
                "approximate": True,
            },
        }
        for row, position in zip(rows, positions, strict=True)
    ]


def map_data(queryset, view: MapView, selection: CellSelection | None = None) -> dict:
    """Return what the map draws of ``queryset`` (already scoped and filtered) in ``view``.

    ``incidents`` is a FeatureCollection of single incidents (``kind`` "points") when the cells
    touching the view hold at most MAX_FEATURES incidents, else of the counts of those cells,
    whole (``kind`` "cells"); ``police_events`` is a FeatureCollection of counts at
    municipality centres. Neither holds more than MAX_FEATURES features. Given ``selection``
    (``queryset`` is then exactly the incidents it selects, see map_cells.cell_selection), the
    counts of cells of a kept size are read from the kept cells; the answer is the same.
    """
    box = view.box()
    precise = queryset.filter(position_precise=True)
    size = view.cell_size
    grid = view.grid(box)
    if selection is not None and stored_size_for(size, selection.sizes):
        sums = kept_cell_sums(selection, size, grid, precise, live_cell_sums)
    else:
        sums = live_cell_sums(precise, size, grid)
    if sum(count for count, _x, _y in sums.values()) <= MAX_FEATURES:
        incidents = {
            "type": "FeatureCollection",
            "kind": "points",
            "features": incident_points(precise.filter(position__bboverlaps=box)),
        }
    else:
        incidents = {
            "type": "FeatureCollection",
            "kind": "cells",
            "cell_size": size,
            "features": cell_features(sums, size),
        }
    police_events = {
        "type": "FeatureCollection",
        "features": police_event_counts(
            queryset.filter(position__bboverlaps=box, position_precise=False)
        ),
    }
    return {"zoom": view.zoom, "incidents": incidents, "police_events": police_events}

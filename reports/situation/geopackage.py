"""A published situation picture as one GeoPackage: the municipality, its areas with their
counts, the incidents as counted, and the picture's hexagons (Gi* z and confidence), hot spots,
repeat places and patrol windows, as the picture's snapshot holds them."""

import datetime
import json

from est.geopackage import Layer, feature, geopackage_write, point, polygon, queryset_features
from est.map_svg import hex_corners
from est.models import Area
from est.periods import local_span
from reports.incidents.models import Incident


def _geojson(geometry) -> dict:
    return json.loads(geometry.geojson)


def frame_layers(municipality, start: datetime.date, end: datetime.date) -> list[Layer]:
    """Return the layers of a municipality's period [start, end): its boundary, its areas with
    the incidents counted in each, and the counted incidents that began in the period."""
    incidents = (
        Incident.objects.for_municipality(municipality).counted().begun(*local_span(start, end))
    )
    areas = Area.objects.for_municipality(municipality).order_by("name")
    counted = incidents.filter(position_precise=True)
    return [
        Layer(
            "municipality",
            [
                feature(
                    _geojson(municipality.boundary), name=municipality.name, code=municipality.code
                )
            ],
        ),  # fmt: skip
        Layer(
            "areas",
            [
                feature(
                    _geojson(area.boundary),
                    name=area.name,
                    kind=area.kind,
                    incidents=counted.within(area).count(),
                )
                for area in areas
            ],
        ),  # fmt: skip
        Layer(
            "incidents",
            queryset_features(
                incidents,
                geom="position",
                properties={
                    "id": "pk",
                    "category": "category__name",
                    "occurred_from": "occurred_from",
                    "occurred_to": "occurred_to",
                    "precise": "position_precise",
                    "place": "place_name",
                    "source": "source",
                },
            ),
        ),
    ]


def picture_layers(picture) -> list[Layer]:
    """Return the layers of ``picture``'s snapshot: hexagons, hot spots, repeat places and
    patrol windows, each feature naming the picture and its first day."""
    where, patrols = picture.content.get("where", {}), picture.content.get("patrols", [])
    size = where.get("hex_size", 0)
    named = {"situation_picture": picture.pk, "period_start": picture.period_start.isoformat()}

    def spot(cell) -> dict:
        kind = cell["spot"].rstrip("0123456789")
        return {"spot": kind or None, "confidence": int(cell["spot"][len(kind) :] or 0) or None}

    return [
        Layer(
            "hexagons",
            [
                feature(
                    polygon(hex_corners(c["x"], c["y"], size)),
                    **named,
                    incidents=c["count"],
                    z=c["z"],
                    **spot(c),
                )
                for c in where.get("cells", [])
            ],
        ),  # fmt: skip
        Layer(
            "hot_spots",
            [
                feature(
                    point(s["x"], s["y"]),
                    **named,
                    label=s["label"],
                    area=s["area"],
                    incidents=s["count"],
                    z=s["z"],
                    **spot(s),
                )
                for s in where.get("hot_spots", [])
            ],
        ),  # fmt: skip
        Layer(
            "repeat_places",
            [
                feature(
                    point(r["x"], r["y"]),
                    **named,
                    label=r["label"],
                    area=r["area"],
                    incidents=r["count"],
                )
                for r in where.get("repeat_places", [])
            ],
        ),  # fmt: skip
        Layer(
            "patrol_windows",
            [
                feature(
                    point(p["x"], p["y"]),
                    **named,
                    place=p["place"],
                    area=p["area"],
                    weekday=p["weekday"],
                    start_hour=p["start_hour"],
                    end_hour=p["end_hour"],
                    expected=p["expected"],
                    share_percent=p["share"],
                )
                for p in patrols
            ],
        ),  # fmt: skip
    ]


def merged(layer_lists: list[list[Layer]]) -> list[Layer]:
    """Return the layers of ``layer_lists`` with the features of equally named layers joined,
    in the order the names first come."""
    features: dict[str, list[dict]] = {}
    for layers in layer_lists:
        for layer in layers:
            features.setdefault(layer.name, []).extend(layer.features)
    return [Layer(name, found) for name, found in features.items()]


def situation_picture_geopackage(picture) -> bytes:
    """Return ``picture`` as a GeoPackage (SWEREF 99 TM)."""
    frame = frame_layers(picture.municipality, picture.period_start, picture.period_end)
    return geopackage_write(frame + picture_layers(picture))

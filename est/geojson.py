"""GeoJSON for the maps, written by PostGIS rather than by Django's serializer.

Django's serializer transforms each geometry with GDAL in Python and writes every coordinate
with 15 digits: for the 290 municipal boundaries that took about 300 ms and 440 kB on every
page with a map. PostGIS transforms and writes them in a few milliseconds, to 5 decimals
(about a metre, finer than a map pixel at any zoom the maps allow).
"""

import json

from django.conf import settings
from django.contrib.gis.db.models.functions import AsGeoJSON, Transform

#: Decimals of a degree in the maps' coordinates: 1e-5° is about 1 m in Sweden.
PRECISION = 5


def feature_collection(queryset, geometry_field: str, fields: list[str]) -> dict:
    """Return the rows of ``queryset`` as a GeoJSON FeatureCollection in the maps' SRID.

    Each feature's properties are ``fields`` and ``pk``, as Django's GeoJSON serializer gives
    them; rows without a geometry are left out.
    """
    geometry = AsGeoJSON(Transform(geometry_field, settings.MAP_SRID), precision=PRECISION)
    rows = (
        queryset.exclude(**{f"{geometry_field}__isnull": True})
        .annotate(map_geojson=geometry)
        .values("pk", "map_geojson", *fields)
    )
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": row["pk"],
                "properties": {name: row[name] for name in [*fields, "pk"]},
                "geometry": json.loads(row.pop("map_geojson")),
            }
            for row in rows
        ],
    }

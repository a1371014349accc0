"""GeoJSON for the maps, written by PostGIS rather than by Django's serializer.

Django's serializer transforms each geometry with GDAL in Python and writes every coordinate
with 15 digits: for the 290 municipal boundaries that took about 300 ms and 440 kB on every
page with a map. PostGIS transforms and writes them in a few milliseconds, to 5 decimals
(about a metre, finer than a map pixel at any zoom the maps allow).
"""

import json

from django.conf import settings
from django.contrib.gis.db.models.functions import AsGeoJSON, Transform
from django.db import connection

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


def feature_collection_text(queryset, geometry_field: str, fields: list[str]) -> str:
    """Return the rows of ``queryset`` as the text of a GeoJSON FeatureCollection in the maps'
    SRID, with the same features as ``feature_collection``, written whole by PostgreSQL: for
    tens of thousands of rows Python's building and encoding of the dicts is what takes the
    time. ``fields`` are field names of the model (columns), in the properties with ``pk``."""
    model = queryset.model
    columns = {name: model._meta.get_field(name).column for name in fields}
    geometry = model._meta.get_field(geometry_field).column
    rows_sql, params = (
        queryset.exclude(**{f"{geometry_field}__isnull": True}).values("pk").query.sql_with_params()
    )
    properties = ", ".join(f"'{name}', t.{column}" for name, column in columns.items())
    sql = f"""
        SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(
            json_build_object(
                'type', 'Feature', 'id', t.{model._meta.pk.column},
                'properties', json_build_object({properties}, 'pk', t.{model._meta.pk.column}),
                'geometry',
                ST_AsGeoJSON(ST_Transform(t.{geometry}, {settings.MAP_SRID}), {PRECISION})::json
            ) ORDER BY t.{model._meta.pk.column}), '[]'::json))::text
        FROM {model._meta.db_table} t WHERE t.{model._meta.pk.column} IN ({rows_sql})
    """  # noqa: S608 - names from the model's own metadata; values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]

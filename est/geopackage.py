"""GeoPackages for GIS staff who prefer files: layers of features written by GDAL's ogr2ogr.

Each layer goes to a GeoJSON file in a temporary folder, then into one GeoPackage by ogr2ogr
(a fixed program with an argument list, never a shell; layer names are ours); the folder is
removed whatever happens.
"""

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection

from .oapif.registry import queryset_source

OGR2OGR = "/usr/bin/ogr2ogr"


@dataclass(frozen=True)
class Layer:
    """One layer: its name, and its features as GeoJSON Feature texts in SWEREF 99 TM."""

    name: str
    features: list[str]


def feature(geometry: dict | None, **properties) -> str:
    """Return the GeoJSON Feature of ``geometry`` with ``properties``."""
    return json.dumps({"type": "Feature", "geometry": geometry, "properties": properties})


def queryset_features(queryset, *, geom, properties) -> list[str]:
    """Return the GeoJSON Features of ``queryset``, written by PostgreSQL (a layer of ten
    thousand incidents would take seconds as Python objects): ``geom`` and ``properties`` as
    est.oapif.registry.queryset_source takes them."""
    source, params = queryset_source(queryset, geom=geom, properties=properties)
    sql = (
        "SELECT json_build_object('type', 'Feature', 'geometry', "  # noqa: S608 -- Django's SQL
        f"ST_AsGeoJSON(source.geom, 2, 0)::json, 'properties', source.properties)::text "
        f"FROM ({source}) AS source ORDER BY source.fid"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def point(x: float, y: float) -> dict:
    return {"type": "Point", "coordinates": [x, y]}


def polygon(ring: list) -> dict:
    """Return the polygon of one closed or open outer ``ring`` of (x, y)."""
    ring = [list(corner) for corner in ring]
    if ring[0] != ring[-1]:
        ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [ring]}


def geopackage_write(layers: list[Layer]) -> bytes:
    """Return a GeoPackage holding ``layers`` (SWEREF 99 TM); a layer without features is left
    out, as GDAL cannot tell its geometry type, so at least one layer must have features."""
    with tempfile.TemporaryDirectory(prefix="est-gpkg-") as folder:
        target = Path(folder) / "est.gpkg"
        for layer in layers:
            if not layer.features:
                continue
            source = Path(folder) / f"{layer.name}.geojson"
            source.write_text(
                '{"type": "FeatureCollection", "features": [' + ",".join(layer.features) + "]}",
                encoding="utf-8",
            )
            update = ["-update"] if target.exists() else []
            subprocess.run(  # noqa: S603 -- a fixed program; the arguments are ours
                # One transaction per layer, and no waiting for the disk between them: the file
                # is complete when ogr2ogr ends, and it is thrown away if anything fails.
                [OGR2OGR, "-f", "GPKG", *update, "-a_srs", f"EPSG:{settings.STORAGE_SRID}",
                 "-gt", "unlimited", "--config", "OGR_SQLITE_SYNCHRONOUS", "OFF",
                 "-nln", layer.name, str(target), str(source)],
                check=True,
                capture_output=True,
                timeout=60,
            )  # fmt: skip
        return target.read_bytes()

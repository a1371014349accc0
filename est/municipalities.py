"""Loading municipal boundaries and shaping them for maps."""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.gis.geos import GEOSGeometry, MultiPolygon
from django.db import transaction

from est.projections import WGS84

from .geojson import feature_collection
from .models import Area, Municipality

BOUNDARY_FILE = Path(__file__).parent / "data" / "kommuner.geojson"


def _polygons(geometry: GEOSGeometry) -> list[GEOSGeometry]:
    """Return the polygons in ``geometry``, looking inside collections; lines and points drop."""
    if geometry.geom_type == "Polygon":
        return [geometry] if geometry.area > 0 else []
    if geometry.geom_type in ("MultiPolygon", "GeometryCollection"):
        return [polygon for part in geometry for polygon in _polygons(part)]
    return []


def as_multipolygon(geometry: GEOSGeometry) -> MultiPolygon:
    """Return the polygons of ``geometry`` as one MultiPolygon, keeping its SRID."""
    return MultiPolygon(*_polygons(geometry), srid=geometry.srid)


@transaction.atomic
def municipalities_load(*, path: Path = BOUNDARY_FILE) -> tuple[int, int]:
    """Create or update every municipality in the GeoJSON file at ``path`` (CRS84 lon/lat).

    Features carry ``KnKod`` (code) and ``KnNamn`` (name). Returns (created, updated).
    """
    created = updated = 0
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        geometry = GEOSGeometry(json.dumps(feature["geometry"]), srid=WGS84)
        geometry.transform(settings.STORAGE_SRID)
        _, was_created = Municipality.objects.update_or_create(
            code=feature["properties"]["KnKod"],
            defaults={
                "name": feature["properties"]["KnNamn"],
                "boundary": as_multipolygon(geometry),
            },
        )
        created += was_created
        updated += not was_created
    return created, updated


def map_layers(municipality: Municipality) -> dict:
    """Return the GeoJSON layers of a municipality's map (in WGS 84, as Leaflet wants).

    ``boundary``: the municipality; ``neighbours``: the municipalities around it, drawn faintly
    so the map has context without any tile server; ``areas``: its areas.
    """
    around = municipality.boundary.envelope.buffer(5000)
    neighbours = Municipality.objects.filter(boundary__bboverlaps=around).exclude(
        pk=municipality.pk
    )
    return {
        "boundary": _boundary_geojson(municipality),
        "neighbours": feature_collection(neighbours, "boundary", ["name"]),
        "areas": feature_collection(
            Area.objects.for_municipality(municipality), "boundary", ["name", "kind"]
        ),
    }


def _boundary_geojson(municipality: Municipality) -> dict:
    return feature_collection(
        Municipality.objects.filter(pk=municipality.pk), "boundary", ["name", "code"]
    )


def boundary_layer(municipality: Municipality) -> dict:
    """Return the municipality's boundary as the layers the drawing maps show under the drawing
    (est-map.js ``contextForForms``); templates hand it over with ``json_script``."""
    return {"boundary": _boundary_geojson(municipality)}

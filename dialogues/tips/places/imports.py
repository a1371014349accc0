"""Filling the gazetteer from an open file: rows of a name and a point, read from CSV
(name, latitude, longitude in WGS 84; an optional municipality code per row) or GeoJSON
(Point features with the name in a property), such as an extract of Lantmäteriet's addresses
or of OpenStreetMap made with ogr2ogr."""

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from est.models import Municipality
from est.projections import transformed

from .models import NamedPlace
from .search import LONGEST


@dataclass(frozen=True)
class PlaceRow:
    """One row of a file: a name, a WGS 84 point, and the municipality code if the row names
    one."""

    name: str
    point: Point
    municipality: str = ""


def _csv_rows(path: Path) -> Iterator[PlaceRow]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        lines = (line for line in file if not line.startswith("#"))  # a header that explains
        for number, row in enumerate(csv.DictReader(lines), start=2):
            try:
                point = Point(float(row["longitude"]), float(row["latitude"]), srid=4326)
            except (KeyError, TypeError, ValueError):
                raise ValidationError(
                    _("Row %(row)d has no latitude and longitude in degrees.") % {"row": number}
                ) from None
            yield PlaceRow((row.get("name") or "").strip(), point, row.get("municipality", ""))


def _geojson_rows(path: Path, name_field: str) -> Iterator[PlaceRow]:
    with path.open(encoding="utf-8") as file:
        collection = json.load(file)
    for feature in collection.get("features", []):
        geometry = feature.get("geometry") or {}
        if geometry.get("type") != "Point":
            continue  # streets drawn as lines are left to the CSV made from their midpoints
        lon, lat = geometry["coordinates"][:2]
        name = str((feature.get("properties") or {}).get(name_field) or "").strip()
        yield PlaceRow(name, Point(float(lon), float(lat), srid=4326))


def place_rows_read(path: Path, *, name_field: str = "name") -> Iterator[PlaceRow]:
    """Return the rows of the CSV or GeoJSON file at ``path`` (by its suffix); raises
    ValidationError for a row without a usable point."""
    if path.suffix.lower() in (".geojson", ".json"):
        return _geojson_rows(path, name_field)
    return _csv_rows(path)


def named_places_import(
    *, municipality: Municipality, rows: Iterable[PlaceRow], source: str
) -> tuple[int, int]:
    """Store the named rows of ``municipality`` (rows naming another are left out) whose
    point lies inside it, replacing the point of a name already there; return how many were
    stored and how many lay outside the municipality."""
    stored, outside = [], 0
    for row in rows:
        if not row.name or (row.municipality and row.municipality != municipality.code):
            continue
        point = transformed(row.point, municipality.boundary.srid)
        if not municipality.boundary.intersects(point):
            outside += 1
            continue
        stored.append(
            NamedPlace(
                municipality=municipality, name=row.name[:LONGEST], position=point, source=source
            )
        )
    # A file may name a place twice (an address on a corner): the last one counts.
    stored = list({place.name: place for place in stored}.values())
    with transaction.atomic():
        NamedPlace.objects.bulk_create(
            stored,
            batch_size=2000,
            update_conflicts=True,
            unique_fields=["municipality", "name"],
            update_fields=["position", "source"],
        )
    return len(stored), outside


#: The demo's gazetteer: real street names, approximate points (see the file's header).
DEMO_FILE = Path(__file__).parent / "data" / "demo_places.csv"


def named_places_seed(municipalities: list[Municipality]) -> None:
    """Fill the demo municipalities' gazetteers from DEMO_FILE (seed_demo; safe to run
    again: names already there keep one point)."""
    rows = list(place_rows_read(DEMO_FILE))
    for municipality in municipalities:
        named_places_import(municipality=municipality, rows=rows, source=DEMO_FILE.name)

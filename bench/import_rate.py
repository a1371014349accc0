"""How fast a file of incidents is read, checked and written by the importer.

Generates a CSV of N incidents (default 100,000) in one municipality (default Arboga, 1984):
random points inside its real boundary, its categories, periods over the last year, the columns
of the export. Then times, as the import page and ``import_incidents`` do:

1. read + check every row (``import_rows_read`` and ``import_rows_validate``), and
2. confirm: check again and write all incidents and their history rows in bulk.

The write runs in a transaction that is rolled back at the end, so the development database is
left as it was (the municipalities must be loaded: ``bin/setup`` does that).

    .venv/bin/python bench/import_rate.py --rows 100000
"""

import argparse
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Rollback(Exception):
    """Raised to undo the benchmark's writes."""


def generate(path: Path, municipality, rows: int, seed: int = 1) -> None:
    """Write a CSV of ``rows`` valid incidents in ``municipality`` to ``path``."""
    from django.contrib.gis.gdal import CoordTransform, SpatialReference
    from django.contrib.gis.geos import Point
    from django.utils import timezone

    from reports.incidents.models import Category

    rng = random.Random(seed)
    # 100 m from the border, so that rounding to six decimals never moves a point out.
    inside = municipality.boundary.buffer(-100)
    prepared = inside.prepared
    west, south, east, north = inside.extent
    to_wgs84 = CoordTransform(SpatialReference(3006), SpatialReference(4326))
    categories = list(
        Category.objects.for_municipality(municipality).active().values_list("name", flat=True)
    )
    now = timezone.now().replace(second=0, microsecond=0)
    with path.open("w", encoding="utf-8") as out:
        out.write("kategori;från;till;latitud;longitud;plats;beskrivning;polis informerad\n")
        written = 0
        while written < rows:
            point = Point(rng.uniform(west, east), rng.uniform(south, north), srid=3006)
            if not prepared.contains(point):
                continue
            point.transform(to_wgs84)
            lon, lat = point.coords
            # In UTC, then local: wall-clock arithmetic would make times that never were.
            start = now - timedelta(minutes=rng.randrange(600, 365 * 24 * 60))
            end = start + timedelta(minutes=rng.choice((0, 0, 15, 60, 480)))
            start, end = timezone.localtime(start), timezone.localtime(end)
            if end.replace(tzinfo=None) < start.replace(tzinfo=None):
                # The night clocks go back, the file's wall-clock times (no offset) would read
                # as ending before they start.
                continue
            out.write(
                f"{rng.choice(categories)};{start:%Y-%m-%d %H:%M};{end:%Y-%m-%d %H:%M};"
                f"{lat:.6f};{lon:.6f};Plats {written % 500};Händelse nummer {written};"
                f"{rng.choice(('ja', 'nej'))}\n"
            )
            written += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--municipality", default="1984", metavar="CODE")
    parser.add_argument("--file", type=Path, help="keep the generated CSV here")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "est.settings.base")
    import django

    django.setup()
    from django.core.files import File
    from django.db import transaction

    from est.models import Municipality
    from reports.incidents.import_files import import_rows_read
    from reports.incidents.imports import (
        import_rows_validate,
        incident_import_confirm,
        incident_import_create,
    )

    municipality = Municipality.objects.get(code=args.municipality)
    path = args.file or Path("/tmp") / f"bench-import-{args.rows}.csv"  # noqa: S108
    started = time.perf_counter()
    generate(path, municipality, args.rows)
    print(f"generated {args.rows} rows in {time.perf_counter() - started:.1f} s: {path}")

    content = path.read_bytes()
    started = time.perf_counter()
    checked = import_rows_validate(import_rows_read(content, path.name), municipality=municipality)
    check_seconds = time.perf_counter() - started
    errors = sum(1 for row in checked if row.errors)
    if errors:
        first = next(row for row in checked if row.errors)
        sys.exit(f"{errors} generated rows have errors, e.g. row {first.number}: {first.errors}")
    print(f"read + check: {check_seconds:.2f} s, {args.rows / check_seconds:,.0f} rows/s")

    try:
        with transaction.atomic():
            with path.open("rb") as handle:
                incident_import = incident_import_create(
                    municipality=municipality, upload=File(handle, name=path.name), by=None
                )
            started = time.perf_counter()
            count = incident_import_confirm(incident_import=incident_import, by=None)
            confirm_seconds = time.perf_counter() - started
            incident_import.file.delete(save=False)
            raise Rollback
    except Rollback:
        pass
    write_seconds = confirm_seconds - check_seconds
    print(
        f"confirm (check again + write {count} incidents and {count} history rows): "
        f"{confirm_seconds:.2f} s, {count / confirm_seconds:,.0f} rows/s"
    )
    print(
        f"write alone (confirm minus check): {write_seconds:.2f} s, "
        f"{count / write_seconds:,.0f} rows/s"
    )
    print("(rolled back: nothing stays in the database)")


if __name__ == "__main__":
    main()

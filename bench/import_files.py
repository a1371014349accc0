"""Files of incidents for the import benchmarks, with a real city's kind of clustering.

A CSV of N incidents in one municipality, in the export's Swedish column layout, generated
inside PostgreSQL and written with COPY … TO STDOUT (a million rows in well under a minute):
85 % of the incidents cluster around six centres (random points inside the municipality,
weighted 35/20/12/8/6/4 %, Gaussian, 250–900 m), 15 % are a long tail spread evenly over it;
every point lies at least 100 m inside the boundary. Periods over the last three years. Also
the same rows as an Excel workbook or GeoJSON (converted row by row, in flat memory).

    .venv/bin/python bench/import_files.py --rows 250000 --format csv --out /tmp/incidents.csv
"""

import argparse
import csv
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: (share of the clustered incidents, spread in metres) of each centre.
CENTRES = ((0.35, 600), (0.20, 900), (0.12, 400), (0.08, 250), (0.06, 700), (0.04, 500))
TAIL_SHARE = 0.15
HEADER = "kategori;från;till;latitud;longitud;plats;beskrivning;polis informerad"

CSV_SQL = """
COPY (
WITH inner_area AS (
    SELECT ST_Buffer(boundary, -100) AS geom FROM est_municipality WHERE code = %(code)s
), centre AS (
    SELECT c.n, d.geom, (%(spreads)s::float8[])[c.n] AS spread,
           sum((%(shares)s::float8[])[c.n]) OVER (ORDER BY c.n) AS upto
    FROM inner_area,
         LATERAL (SELECT (ST_Dump(ST_GeneratePoints(ST_Buffer(geom, -1500), %(centres)s, 7))).geom)
             AS d(geom),
         LATERAL (SELECT row_number() OVER () AS n) AS c
), drawn AS (
    SELECT g, random() AS pick, random() AS u1, random() AS u2
    FROM generate_series(1, %(clustered)s * 12 / 10) AS g
), clustered AS (
    SELECT ST_SetSRID(ST_MakePoint(
               ST_X(c.geom) + c.spread * sqrt(-2 * ln(1 - d.u1)) * cos(2 * pi() * d.u2),
               ST_Y(c.geom) + c.spread * sqrt(-2 * ln(1 - d.u1)) * sin(2 * pi() * d.u2)
           ), 3006) AS geom
    FROM drawn d
    JOIN LATERAL (SELECT * FROM centre WHERE centre.upto >= d.pick * %(clustered_share)s
                  ORDER BY centre.n LIMIT 1) c ON true
), points AS (
    (SELECT p.geom FROM clustered p, inner_area a WHERE ST_Intersects(a.geom, p.geom)
     LIMIT %(clustered)s)
    UNION ALL
    (SELECT (ST_Dump(ST_GeneratePoints(geom, %(tail)s, 11))).geom FROM inner_area)
), incident AS (
    SELECT row_number() OVER () AS n, ST_Transform(geom, 4326) AS wgs84,
           date_trunc('minute', now())
               - make_interval(mins => (600 + floor(random() * 1576800))::int) AS starts,
           (ARRAY[0, 0, 15, 60, 480])[1 + floor(random() * 5)::int] AS minutes,
           random() AS r1, random() AS r2
    FROM points
), local AS (
    SELECT *, starts AT TIME ZONE 'Europe/Stockholm' AS local_from,
           (starts + make_interval(mins => minutes)) AT TIME ZONE 'Europe/Stockholm' AS local_to
    FROM incident
)
SELECT (%(categories)s::text[])[1 + floor(r1 * %(category_count)s)::int],
       to_char(local_from, 'YYYY-MM-DD HH24:MI'), to_char(local_to, 'YYYY-MM-DD HH24:MI'),
       round(ST_Y(wgs84)::numeric, 6), round(ST_X(wgs84)::numeric, 6),
       'Plats ' || (n %% 500), 'Händelse nummer ' || n, CASE WHEN r2 < 0.5 THEN 'ja' ELSE 'nej' END
FROM local
-- The night clocks go back, wall-clock times without an offset would end before they start.
WHERE local_to >= local_from
) TO STDOUT WITH (FORMAT csv, DELIMITER ';')
"""


def write_csv(path: Path, municipality, rows: int) -> None:
    """Write a CSV of about ``rows`` valid incidents in ``municipality`` to ``path``."""
    from django.db import connection

    from reports.incidents.models import Category

    categories = list(
        Category.objects.for_municipality(municipality).active().values_list("name", flat=True)
    )
    clustered = round(rows * (1 - TAIL_SHARE))
    params = {
        "code": municipality.code,
        "shares": [share for share, _spread in CENTRES],
        "spreads": [spread for _share, spread in CENTRES],
        "centres": len(CENTRES),
        "clustered": clustered,
        "clustered_share": sum(share for share, _spread in CENTRES),
        "tail": rows - clustered,
        "categories": categories,
        "category_count": len(categories),
    }
    with path.open("wb") as out, connection.cursor() as cursor:
        out.write((HEADER + "\n").encode())
        with cursor.cursor.copy(CSV_SQL, params) as copy:
            for data in copy:
                out.write(data)


def _csv_rows(path: Path):
    with path.open(encoding="utf-8", newline="") as text:
        rows = csv.reader(text, delimiter=";")
        yield from rows


def write_xlsx(source: Path, path: Path) -> None:
    """Write the rows of the CSV ``source`` as an Excel workbook (write-only: flat memory)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for number, row in enumerate(_csv_rows(source)):
        if number:
            row[3], row[4] = float(row[3]), float(row[4])
        sheet.append(row)
    workbook.save(path)


def write_geojson(source: Path, path: Path) -> None:
    """Write the rows of the CSV ``source`` as a GeoJSON FeatureCollection, one feature a line."""
    rows = _csv_rows(source)
    header = next(rows)
    with path.open("w", encoding="utf-8") as out:
        out.write('{"type": "FeatureCollection", "features": [\n')
        for number, row in enumerate(rows):
            properties = dict(zip(header, row, strict=True))
            lat, lon = float(properties.pop("latitud")), float(properties.pop("longitud"))
            feature = {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": properties,
            }
            out.write(("," if number else "") + json.dumps(feature, ensure_ascii=False) + "\n")
        out.write("]}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=250_000)
    parser.add_argument("--municipality", default="0180", metavar="CODE")
    parser.add_argument("--format", choices=("csv", "xlsx", "geojson"), default="csv")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "est.settings.base")
    import django

    django.setup()
    from est.models import Municipality

    municipality = Municipality.objects.get(code=args.municipality)
    csv_path = args.out if args.format == "csv" else args.out.with_suffix(".csv")
    write_csv(csv_path, municipality, args.rows)
    if args.format == "xlsx":
        write_xlsx(csv_path, args.out)
    elif args.format == "geojson":
        write_geojson(csv_path, args.out)
    print(f"{args.out}: {args.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()

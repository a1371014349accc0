"""Importing incidents from CSV, Excel or GeoJSON files: read, validate every row, then write
all rows or none.

The file is stored (IncidentImport) when uploaded and read again at confirmation: what is written
is what was validated from the file, never rows sent back by the browser. The rules of filing are
those of ``reports.incidents.filing``; here they run over whole files at once: the municipality's
boundary is prepared once for all points, and points outside it are looked up in one query.

Imported incidents have no reporter: whoever uploads a file (often a housing company's list) did
not see the incidents, and a reporter may correct and read their own reports as "mine". Who
imported is the import's ``created_by`` and the history's user.
"""

import csv
import datetime
import gc
import io
import json
import struct
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from est.models import Municipality
from reports.incidents.exports import COLUMNS
from reports.incidents.filing import _category_errors, _period_errors, position_outside_error
from reports.incidents.models import Category, Incident, IncidentImport

STOCKHOLM = ZoneInfo("Europe/Stockholm")
#: The columns an import reads, keyed as the export's; the export's other columns are ignored.
IMPORTED = (
    "category",
    "from",
    "until",
    "latitude",
    "longitude",
    "place",
    "description",
    "police_informed",
    "police_reference",
)
#: Other names people give the columns (lower case).
ALIASES = {"lat": "latitude", "lon": "longitude", "lng": "longitude", "kod": "category"}
YES = {"ja", "j", "yes", "y", "true", "sant", "1", "x"}
NO = {"", "nej", "n", "no", "false", "falskt", "0"}
PLACE_NAME_LENGTH = Incident._meta.get_field("place_name").max_length
POLICE_REFERENCE_LENGTH = Incident._meta.get_field("police_reference").max_length


class ImportFileError(ValueError):
    """A file that cannot be read as incidents at all; the message says why, for the user."""


@dataclass
class ImportRow:
    """One row of a file: its number as the user sees it, its cells, and what is wrong."""

    number: int
    values: dict
    errors: list[str] = field(default_factory=list)
    #: The incident's field values, for a row without errors.
    fields: dict | None = None
    #: (x, y) in the storage SRID.
    position: tuple[float, float] | None = None


def _column_names() -> dict[str, str]:
    """Return every accepted column name (lower case) -> its key: the key itself and the
    export's header in English and Swedish, so that an export can be imported again."""
    names = dict(ALIASES)
    for key, header in COLUMNS:
        if key in IMPORTED:
            names[key] = key
            for language in ("en", "sv"):
                with translation.override(language):
                    names[str(header).lower()] = key
    return names


def _keyed(header: list, rows) -> list[dict]:
    names = _column_names()
    keys = [names.get(str(cell or "").strip().lower()) for cell in header]
    missing = [key for key in ("category", "from") if key not in keys]
    if missing:
        raise ImportFileError(
            _("The file has no column %(columns)s. The first row must name the columns.")
            % {"columns": ", ".join(f"“{name}”" for name in _missing_names(missing))}
        )
    keyed = []
    for row in rows:
        if not any(cell not in (None, "") for cell in row):
            continue
        keyed.append({key: cell for key, cell in zip(keys, row, strict=False) if key})
    return keyed


def _missing_names(keys) -> list[str]:
    headers = dict(COLUMNS)
    return [str(headers[key]) for key in keys]


def _read_csv(content: bytes) -> list[dict]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's "CSV (semicolon separated)" on Swedish Windows is Windows-1252.
        text = content.decode("cp1252", errors="replace")
    if "\0" in text:
        raise ImportFileError(_("The file is not a CSV file (it holds binary data)."))
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not rows:
        raise ImportFileError(_("The file is empty."))
    return _keyed(rows[0], rows[1:])


def _read_excel(content: bytes) -> list[dict]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ImportFileError(
            _("The file could not be read as an Excel workbook (.xlsx).")
        ) from error
    if not rows:
        raise ImportFileError(_("The file is empty."))
    return _keyed(list(rows[0]), rows[1:])


def _read_geojson(content: bytes) -> list[dict]:
    try:
        collection = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportFileError(_("The file could not be read as GeoJSON.")) from error
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise ImportFileError(_("The GeoJSON file must be a FeatureCollection of points."))
    names = _column_names()
    rows = []
    for feature in collection.get("features") or []:
        properties = feature.get("properties") if isinstance(feature, dict) else None
        row = {
            names[name.lower()]: value
            for name, value in (properties or {}).items()
            if isinstance(name, str) and name.lower() in names
        }
        row["geometry"] = feature.get("geometry") if isinstance(feature, dict) else None
        rows.append(row)
    return rows


READERS = {".csv": _read_csv, ".txt": _read_csv, ".xlsx": _read_excel}
READERS.update({".geojson": _read_geojson, ".json": _read_geojson})


@contextmanager
def _collector_paused():
    """Pause Python's cyclic garbage collector while a file's rows are built and written.

    Every row lives until the import ends, so the collector's repeated passes over the growing
    list free nothing; they took 1.1 s of the 3.0 s that reading and checking 100,000 rows
    took (gc.callbacks, bench/README.md). Collection resumes afterwards as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@_collector_paused()
def import_rows_read(content: bytes, name: str) -> list[dict]:
    """Return the rows of a file of incidents, each a dict keyed as IMPORTED (GeoJSON rows also
    have ``geometry``). Which reader is chosen by the file name's ending.

    Raises ImportFileError, with a message for the user, for a file of another kind, an empty
    or broken file, or one without the necessary columns.
    """
    reader = READERS.get(Path(name).suffix.lower())
    if reader is None:
        raise ImportFileError(_("Choose a CSV, Excel (.xlsx) or GeoJSON file."))
    if not content.strip():
        raise ImportFileError(_("The file is empty."))
    rows = reader(content)
    if not rows:
        raise ImportFileError(_("The file has no incidents, only a header."))
    return rows


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _moment(value, column: str):
    """Return ``value`` as an aware datetime (local time unless it says otherwise), or an
    error message. Excel gives datetimes, text files "2026-03-05 22:00"."""
    if isinstance(value, datetime.datetime):
        moment = value
    elif isinstance(value, datetime.date):
        moment = datetime.datetime.combine(value, datetime.time(0))
    else:
        try:
            moment = datetime.datetime.fromisoformat(_text(value))
        except ValueError:
            return None, _("“%(value)s” in %(column)s is not a time: write 2026-03-05 22:00.") % {
                "value": _text(value),
                "column": column,
            }
    if timezone.is_naive(moment):
        # A time in the hour skipped in March is read as winter time, one repeated in October
        # as summer time.
        moment = moment.replace(tzinfo=STOCKHOLM)
    # In UTC: Python compares two times of the same zone by their wall clocks, and 02:30 before
    # 03:10 on the night in March is really after it.
    try:
        return moment.astimezone(datetime.UTC), None
    except OverflowError:  # the first or last hours of the years 1 and 9999
        return None, _("“%(value)s” in %(column)s is not a time: write 2026-03-05 22:00.") % {
            "value": _text(value),
            "column": column,
        }


def _coordinate(value, low: float, high: float):
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        try:
            number = float(_text(value).replace(",", "."))
        except ValueError:
            return None
    return number if low <= number <= high else None


def _point(row: dict):
    """Return the row's WGS 84 (longitude, latitude), or an error message."""
    if "geometry" in row:
        geometry = row["geometry"]
        coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
        if not (
            isinstance(geometry, dict)
            and geometry.get("type") == "Point"
            and isinstance(coordinates, list)
            and len(coordinates) >= 2
        ):
            return None, _("The position must be a point.")
        lon, lat = coordinates[:2]
    else:
        lat, lon = row.get("latitude"), row.get("longitude")
        if _text(lat) == "" and _text(lon) == "":
            return None, _("Give the position as latitude and longitude (WGS 84).")
    lat, lon = _coordinate(lat, -90, 90), _coordinate(lon, -180, 180)
    if lat is None or lon is None:
        return None, _("The latitude and longitude must be decimal degrees, like 59.3866 15.8413.")
    return (lon, lat), None


def _yes(value):
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    return None


def _categories(municipality) -> dict[str, Category]:
    by_name = {}
    for category in Category.objects.for_municipality(municipality):
        by_name[category.name.casefold()] = category
        if category.code:
            by_name[category.code.casefold()] = category
    return by_name


@_collector_paused()
def import_rows_validate(
    rows: list[dict], *, municipality: Municipality, now=None
) -> list[ImportRow]:
    """Return every row with its errors (in the active language) and, for a row without errors,
    the field values of the incident it becomes. The rules are those of filing
    (reports.incidents.filing); positions are checked for all rows in one query."""
    now = now or timezone.now()
    categories = _categories(municipality)
    headers = {key: str(header) for key, header in COLUMNS}
    checked, positioned = [], []
    first_number = 1 if "geometry" in rows[0] else 2  # GeoJSON features count from one
    for number, values in enumerate(rows, start=first_number):
        row = ImportRow(number=number, values=values)
        errors = {}
        name = _text(values.get("category"))
        category = categories.get(name.casefold())
        if category is None and name:
            errors["category"] = _(
                "“%(category)s” is not a category in %(municipality)s: use one of its "
                "categories' names."
            ) % {"category": name, "municipality": municipality.name}
        else:
            errors.update(_category_errors(municipality, category))
        occurred_from = occurred_to = None
        if not _text(values.get("from")):
            errors.update(_period_errors(None, None, now))
        else:
            occurred_from, error = _moment(values.get("from"), headers["from"])
            errors.update({"occurred_from": error} if error else {})
            occurred_to = occurred_from
            if _text(values.get("until")):
                occurred_to, error = _moment(values.get("until"), headers["until"])
                errors.update({"occurred_to": error} if error else {})
            if occurred_from is not None and occurred_to is not None:
                errors.update(_period_errors(occurred_from, occurred_to, now))
        lon_lat, error = _point(values)
        if error:
            errors["position"] = error
        else:
            positioned.append((row, lon_lat))
        place_name = _text(values.get("place"))
        if len(place_name) > PLACE_NAME_LENGTH:
            errors["place_name"] = _("The place is longer than %(length)d characters.") % {
                "length": PLACE_NAME_LENGTH
            }
        police_reference = _text(values.get("police_reference"))
        if len(police_reference) > POLICE_REFERENCE_LENGTH:
            errors["police_reference"] = _(
                "The police reference number is longer than %(length)d characters."
            ) % {"length": POLICE_REFERENCE_LENGTH}
        police_informed = _yes(values.get("police_informed"))
        if police_informed is None:
            errors["police_informed"] = _("Answer “%(column)s” with yes or no.") % {
                "column": headers["police_informed"]
            }
        row.errors = list(errors.values())
        row.fields = {
            "municipality_id": municipality.pk,
            "category_id": category.pk if category else None,
            "occurred_from": occurred_from,
            "occurred_to": occurred_to,
            "place_name": place_name,
            "description": _text(values.get("description")),
            # A reference number means the police were told, as when filing.
            "police_informed": bool(police_informed or police_reference),
            "police_reference": police_reference,
            "source": Incident.Source.IMPORT,
        }
        checked.append(row)
    _position_rows(positioned, municipality)
    for row in checked:
        if row.errors:
            row.fields = None
    return checked


#: Every point of a file in the storage SRID, with the municipality it lies in: its own when
#: it lies there, else any other (or none). One query, however many points.
POSITIONS_SQL = """
WITH point AS (
    SELECT ordinality, ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), %(srid)s) AS geom
    FROM unnest(%(lons)s::float8[], %(lats)s::float8[]) WITH ORDINALITY AS t(lon, lat)
)
SELECT ST_X(point.geom), ST_Y(point.geom),
       CASE WHEN ST_Intersects(home.boundary, point.geom) THEN home.id
            ELSE (SELECT other.id FROM est_municipality other
                  WHERE other.id <> home.id AND ST_Intersects(other.boundary, point.geom)
                  LIMIT 1)
       END
FROM point CROSS JOIN est_municipality home
WHERE home.id = %(municipality)s
ORDER BY point.ordinality
"""


def _position_rows(positioned: list, municipality: Municipality) -> None:
    """Set each row's position in the storage SRID, or add the error that it lies outside
    ``municipality`` (and where it lies), for all rows in one query."""
    if not positioned:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            POSITIONS_SQL,
            {
                "srid": settings.STORAGE_SRID,
                "lons": [lon for _row, (lon, _lat) in positioned],
                "lats": [lat for _row, (_lon, lat) in positioned],
                "municipality": municipality.pk,
            },
        )
        results = cursor.fetchall()
    others = {
        other.pk: other
        for other in Municipality.objects.filter(
            pk__in={found for *_xy, found in results if found not in (None, municipality.pk)}
        ).defer("boundary")
    }
    for (row, _lon_lat), (x, y, found) in zip(positioned, results, strict=True):
        row.position = (x, y)
        if found != municipality.pk:
            row.errors.append(position_outside_error(municipality, others.get(found)))


#: The EWKB type of a point with an SRID.
EWKB_POINT_WITH_SRID = 0x20000001


def _ewkb(x: float, y: float, srid: int) -> str:
    """Return the point x, y as hex EWKB, as PostGIS reads it in COPY."""
    return struct.pack("<BIIdd", 1, EWKB_POINT_WITH_SRID, srid, x, y).hex()


#: Lines sent to COPY at a time.
COPY_LINES = 5000
#: COPY's text format: backslash escapes for the characters that separate values and rows.
COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value) -> str:
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return str(value).translate(COPY_ESCAPES)


def _copy(cursor, model, columns: list[str], lines) -> None:
    """COPY ``lines`` (values in the order of ``columns``, formatted by _copy_text and joined
    by tabs) into ``model``'s table.

    The text is formatted here rather than by psycopg's write_row(), which adapts value by
    value and sends small chunks: that took twice as long.
    """
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        chunk = []
        for line in lines:
            chunk.append(line)
            if len(chunk) == COPY_LINES:
                copy.write("\n".join(chunk) + "\n")
                chunk = []
        if chunk:
            copy.write("\n".join(chunk) + "\n")


def _incidents_write(rows: list[ImportRow], *, incident_import, by) -> None:
    """Write the incidents of ``rows`` with COPY, and their history records ("+", by ``by``).

    Fields the file does not give take their model defaults, so that a field added to Incident
    later needs no change here; ids come from the table's sequence, reserved in one query.
    """
    now, srid = timezone.now(), settings.STORAGE_SRID
    common = {"incident_import_id": incident_import.pk}
    for model_field in Incident._meta.concrete_fields:
        name = model_field.attname
        if name in rows[0].fields or model_field.primary_key or name == "position":
            continue
        if getattr(model_field, "auto_now", False) or getattr(model_field, "auto_now_add", False):
            common.setdefault(name, now)
        else:
            common.setdefault(name, model_field.get_default())
    columns = ["id", "position", *rows[0].fields, *common]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [Incident._meta.db_table, len(rows)],
        )
        ids = [pk for (pk,) in cursor.fetchall()]
        common_text = [_copy_text(value) for value in common.values()]
        lines = (
            "\t".join(
                [str(pk), _ewkb(*row.position, srid), *map(_copy_text, row.fields.values())]
                + common_text
            )
            for pk, row in zip(ids, rows, strict=True)
        )
        _copy(cursor.cursor, Incident, columns, lines)
        _history_copy(cursor, incident_import=incident_import, by=by, now=now)


def _history_copy(cursor, *, incident_import, by, now) -> None:
    """Write the "+" history record of every incident of ``incident_import`` in one statement,
    copying the rows inside the database."""
    history_model = Incident.history.model
    tracked = {f.column for f in Incident._meta.concrete_fields}
    columns = [f.column for f in history_model._meta.concrete_fields if f.column in tracked]
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    cursor.execute(
        f"INSERT INTO {quote(history_model._meta.db_table)} "  # noqa: S608 -- names from models
        f"({names}, history_date, history_change_reason, history_type, history_user_id) "
        f"SELECT {names}, %s, 'import', '+', %s FROM {quote(Incident._meta.db_table)} "
        "WHERE incident_import_id = %s",
        [now, by.pk if by else None, incident_import.pk],
    )


def _rows_of(incident_import: IncidentImport) -> list[dict]:
    with incident_import.file.open("rb") as stored:
        return import_rows_read(stored.read(), incident_import.original_name)


def incident_import_create(*, municipality: Municipality, upload, by) -> IncidentImport:
    """Store the file ``upload`` for a preview of its import into ``municipality`` and return
    the IncidentImport, with its number of rows and of rows with errors.

    Raises ValidationError (with the reason for the user) when the file cannot be read as
    incidents at all; nothing is stored then.
    """
    content = upload.read()
    try:
        rows = import_rows_read(content, upload.name)
    except ImportFileError as error:
        raise ValidationError({"file": str(error)}) from error
    checked = import_rows_validate(rows, municipality=municipality)
    incident_import = IncidentImport(
        municipality=municipality,
        original_name=Path(upload.name).name[:200],
        created_by=by,
        row_count=len(checked),
        error_count=sum(1 for row in checked if row.errors),
    )
    incident_import.file.save(Path(upload.name).name, File(io.BytesIO(content)), save=False)
    incident_import.save()
    return incident_import


def incident_import_preview(incident_import: IncidentImport) -> list[ImportRow]:
    """Return the rows of the stored file of ``incident_import``, validated again now."""
    return import_rows_validate(
        _rows_of(incident_import), municipality=incident_import.municipality
    )


@transaction.atomic
@_collector_paused()
def incident_import_confirm(*, incident_import: IncidentImport, by) -> int:
    """Write the incidents of ``incident_import``'s file, all or none; return how many.

    The file is validated again (time has passed since the preview); any row with an error
    raises ValidationError and nothing is written. An import is written once: confirming it
    again raises ValidationError. Incidents and history records are written with COPY.
    """
    incident_import = IncidentImport.objects.select_for_update().get(pk=incident_import.pk)
    if incident_import.status != IncidentImport.Status.PREVIEW:
        raise ValidationError(_("This file has already been imported."))
    checked = incident_import_preview(incident_import)
    failed = [row for row in checked if row.errors]
    if failed:
        raise ValidationError(
            _(
                "%(count)d rows have errors; nothing was imported. "
                "Correct the file and upload it again."
            )
            % {"count": len(failed)}
        )
    _incidents_write(checked, incident_import=incident_import, by=by)
    incident_import.status = IncidentImport.Status.IMPORTED
    incident_import.imported_at = timezone.now()
    incident_import.row_count, incident_import.error_count = len(checked), 0
    incident_import.save(update_fields=["status", "imported_at", "row_count", "error_count"])
    return len(checked)

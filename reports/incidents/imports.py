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

import datetime

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from est.models import Municipality
from est.periods import local_zone
from est.projections import WGS84
from reports.incidents.exports import COLUMNS
from reports.incidents.filing import _category_errors, _period_errors, position_outside_error
from reports.incidents.import_files import ImportRow
from reports.incidents.models import Category, Incident, IncidentImport

YES = {"ja", "j", "yes", "y", "true", "sant", "1", "x"}
NO = {"", "nej", "n", "no", "false", "falskt", "0"}
#: How long an uploaded file waits for its confirmation before it is deleted.
UNCONFIRMED_KEPT = datetime.timedelta(days=7)
PLACE_NAME_LENGTH = Incident._meta.get_field("place_name").max_length
POLICE_REFERENCE_LENGTH = Incident._meta.get_field("police_reference").max_length


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
        moment = moment.replace(tzinfo=local_zone())
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


def import_categories(municipality) -> dict[str, Category]:
    """Return the categories a file may name for ``municipality``, by name and code (casefolded)."""
    by_name = {}
    for category in Category.objects.for_municipality(municipality):
        by_name[category.name.casefold()] = category
        if category.code:
            by_name[category.code.casefold()] = category
    return by_name


def import_rows_validate(
    rows: list[dict],
    *,
    municipality: Municipality,
    now=None,
    first_number: int | None = None,
    categories: dict | None = None,
) -> list[ImportRow]:
    """Return every row with its errors (in the active language) and, for a row without errors,
    the field values of the incident it becomes. The rules are those of filing
    (reports.incidents.filing); positions are checked for all rows in one query.

    ``first_number`` is the first row's number as the user sees it (a chunk of a file starts
    further down); ``categories`` the municipality's categories from ``import_categories``.
    """
    now = now or timezone.now()
    categories = categories if categories is not None else import_categories(municipality)
    headers = {key: str(header) for key, header in COLUMNS}
    checked, positioned = [], []
    if first_number is None:
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
    SELECT ordinality, ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), %(wgs84)s), %(srid)s) AS geom
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
                "wgs84": WGS84,
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


def incident_imports_unconfirmed_delete(*, now=None) -> int:
    """Delete the imports left unconfirmed (or failed) for more than UNCONFIRMED_KEPT, files and
    all; return how many. A file someone uploaded and walked away from holds residents'
    incidents that nobody decided to keep."""
    now = now or timezone.now()
    stale = IncidentImport.objects.filter(
        status__in=IncidentImport.UNCONFIRMED, created_at__lt=now - UNCONFIRMED_KEPT
    )
    deleted = 0
    for incident_import in stale.iterator():
        # The row first: a file whose row is gone is never offered again; the reverse could.
        name, storage = incident_import.file.name, incident_import.file.storage
        incident_import.delete()
        storage.delete(name)
        deleted += 1
    return deleted

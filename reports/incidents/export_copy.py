"""The CSV and GeoJSON exports written by PostgreSQL: ``COPY (SELECT …) TO STDOUT`` sends the
rows already formatted, block by block, so that Python only passes bytes on. Formatting a
million rows in Python (csv.writer, json.dumps, a datetime per cell) took most of the export's
time; here it costs PostgreSQL a few microseconds a row, and memory stays that of one block.

The rows and columns are those of reports.incidents.exports (the same queryset, the same
order, the same cells): the user's scope and the list's filter are in the queryset's SQL.
"""

import csv
import io
from collections.abc import Iterator

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from est.spreadsheets import FORMULA_STARTS
from reports.incidents.exports import COLUMNS, coordinate
from reports.incidents.models import Incident

#: The queryset's columns, aliased for the outer SELECT (names that no model field has).
_SOURCES = {
    "x_id": F("pk"),
    "x_municipality": F("municipality__name"),
    "x_category": F("category__name"),
    "x_from": F("occurred_from"),
    "x_until": F("occurred_to"),
    "x_latitude": coordinate("ST_Y"),
    "x_longitude": coordinate("ST_X"),
    "x_precise": F("position_precise"),
    "x_place": F("place_name"),
    "x_description": F("description"),
    "x_status": F("status"),
    "x_source": F("source"),
    "x_organisation": F("organisation__name"),
    "x_police_informed": F("police_informed"),
    "x_police_reference": F("police_reference"),
}


#: The export's order, oldest first, in the columns of rows_sql.
ROWS_ORDER = "x_from, x_id"


def rows_sql(queryset, *, ordered: bool = True) -> tuple[str, list]:
    """Return the SQL and parameters of ``queryset``'s export columns, oldest first unless
    not ``ordered`` (the caller then orders by ROWS_ORDER)."""
    rows = (
        queryset.select_related(None)
        .order_by(*(("occurred_from", "pk") if ordered else ()))
        .annotate(**_SOURCES)
        .values(*_SOURCES)
    )
    sql, params = rows.query.sql_with_params()
    return sql, list(params)


def label_sql(column: str, choices, params: list) -> str:
    """Return SQL giving the label (in the active language) of ``column``'s value."""
    whens = []
    for value, label in choices:
        whens.append("WHEN %s THEN %s")
        params += [value, str(label)]
    return f"CASE {column} {' '.join(whens)} END"


def yes_no_sql(column: str, params: list) -> str:
    """Return SQL giving "yes" or "no" (in the active language) for the boolean ``column``."""
    params += [_("yes"), _("no")]
    return f"CASE WHEN {column} THEN %s ELSE %s END"


def safe_sql(column: str, params: list) -> str:
    """Return SQL giving ``column`` as est.spreadsheets.safe_cell does, empty as NULL (which
    COPY writes as nothing, as csv.writer writes an empty cell)."""
    params.append(list(FORMULA_STARTS))
    return (
        f"NULLIF(CASE WHEN left({column}, 1) = ANY(%s::text[]) THEN '''' || {column} "
        f"ELSE {column} END, '')"
    )


def _csv_select(queryset) -> tuple[str, list]:
    """Return the SELECT of the CSV's cells (text, as reports.incidents.exports writes them)."""
    sql, inner = rows_sql(queryset)
    params: list = []
    minute = "'YYYY-MM-DD HH24:MI'"
    cells = [
        "x.x_id",
        safe_sql("x.x_municipality", params),
        safe_sql("x.x_category", params),
        f"to_char(x.x_from, {minute})",
        f"to_char(x.x_until, {minute})",
        "round(x.x_latitude::numeric, 6)",
        "round(x.x_longitude::numeric, 6)",
        yes_no_sql("x.x_precise", params),
        safe_sql("x.x_place", params),
        safe_sql("x.x_description", params),
        label_sql("x.x_status", Incident.Status.choices, params),
        label_sql("x.x_source", Incident.Source.choices, params),
        safe_sql("x.x_organisation", params),
        yes_no_sql("x.x_police_informed", params),
        safe_sql("x.x_police_reference", params),
    ]
    # The cells' parameters come first in the SQL, the queryset's after them.
    select = f"SELECT {', '.join(cells)} FROM ({sql}) AS x"  # noqa: S608 -- values are parameters
    return select, params + inner


def _feature_select(queryset) -> tuple[str, list]:
    """Return the SELECT of one GeoJSON feature per row, as text, each preceded by a comma."""
    sql, inner = rows_sql(queryset)
    params: list = []
    second = "'YYYY-MM-DD\"T\"HH24:MI:SSTZH:TZM'"
    feature = f"""json_build_object(
        'type', 'Feature',
        'geometry', json_build_object('type', 'Point', 'coordinates', json_build_array(
            round(x.x_longitude::numeric, 6), round(x.x_latitude::numeric, 6))),
        'properties', json_build_object(
            'id', x.x_id, 'municipality', x.x_municipality, 'category', x.x_category,
            'from', to_char(x.x_from, {second}), 'until', to_char(x.x_until, {second}),
            'precise_position', x.x_precise, 'place', x.x_place,
            'description', x.x_description,
            'status', {label_sql("x.x_status", Incident.Status.choices, params)},
            'source', {label_sql("x.x_source", Incident.Source.choices, params)},
            'organisation', coalesce(x.x_organisation, ''),
            'police_informed', x.x_police_informed, 'police_reference', x.x_police_reference))"""
    select = f"SELECT ',' || {feature}::text FROM ({sql}) AS x"  # noqa: S608 -- as above
    return select, params + inner


#: COPY's options: the CSV's, and VERBATIM_OPTIONS, chosen so that COPY writes a row of text as
#: it is when that text holds no control character and no line break (JSON escapes them, the
#: workbook's XML drops or escapes them): it then never holds the delimiter or the quote, and
#: COPY's CSV format quotes nothing (its text format would double backslashes).
_CSV_OPTIONS = "FORMAT csv, DELIMITER ';'"
VERBATIM_OPTIONS = "FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01'"


#: Bytes passed on at a time.
BLOCK_BYTES = 256 * 1024


def copy_rows(select: str, params: list, options: str) -> Iterator[bytes]:
    """Yield each row that ``COPY (select) TO STDOUT`` sends (PostgreSQL sends one message a
    row), with the session's time zone the active one (times are written in local time) for
    the time of the COPY."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('TimeZone', %s, false)", [timezone.get_current_timezone_name()]
        )
        try:
            with cursor.cursor.copy(f"COPY ({select}) TO STDOUT ({options})", params) as copy:
                yield from copy
        finally:
            # Django's connection expects UTC (settings.USE_TZ); give it back as it was.
            cursor.execute("SELECT set_config('TimeZone', 'UTC', false)")


def copy_blocks(select: str, params: list, options: str) -> Iterator[bytes]:
    """Yield what ``COPY (select) TO STDOUT`` sends (see copy_rows), block by block."""
    # PostgreSQL sends a message a row: gathered into blocks, the server writes to the network
    # (and a job to its file) a few times per second, not per row.
    block = bytearray()
    for row in copy_rows(select, params, options):
        block += row
        if len(block) >= BLOCK_BYTES:
            yield bytes(block)
            block.clear()
    if block:
        yield bytes(block)


def _copied(select_of, queryset, options: str) -> Iterator[bytes]:
    """Yield the COPY of ``select_of(queryset)``; nothing for a queryset that selects nothing
    (an invalid filter: Django then has no SQL for it)."""
    try:
        select, params = select_of(queryset)
    except EmptyResultSet:
        return
    yield from copy_blocks(select, params, options)


def csv_header() -> bytes:
    """Return the CSV's first bytes: a BOM (Swedish Excel needs it to read UTF-8) and the
    header row, semicolon-separated."""
    line = io.StringIO()
    csv.writer(line, delimiter=";", lineterminator="\n").writerow(
        [str(header) for _key, header in COLUMNS]
    )
    return ("\ufeff" + line.getvalue()).encode()


def csv_chunks(queryset) -> Iterator[bytes]:
    """Yield the CSV of ``queryset`` piece by piece: a BOM and semicolons, as Swedish Excel
    expects, no cell that Excel would run as a formula, and nothing that names the reporter."""
    yield csv_header()
    yield from _copied(_csv_select, queryset, _CSV_OPTIONS)


def geojson_chunks(queryset) -> Iterator[bytes]:
    """Yield a GeoJSON FeatureCollection (WGS 84) of ``queryset`` piece by piece.

    ``precise_position`` is false where only the town or municipality is known.
    """
    yield b'{"type": "FeatureCollection", "features": [\n'
    first = True
    for block in _copied(_feature_select, queryset, VERBATIM_OPTIONS):
        if first and block:
            # Every feature comes with a comma before it; the first must not.
            block, first = block[1:], False
        yield block
    yield b"]}\n"

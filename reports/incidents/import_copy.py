"""Writing checked rows of an import with COPY: the incidents, then their history in one
statement. The kept counts follow by the table's statement-level triggers."""

import datetime
import struct

from django.conf import settings
from django.db import connection
from django.utils import timezone

from reports.incidents.import_files import ImportRow
from reports.incidents.models import Incident

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


def incidents_write(rows: list[ImportRow], *, incident_import, by) -> None:
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

"""Writing checked rows of an import with COPY, chunk by chunk: the incidents, then, once all are
written, their history and the kept counts (day counts and map cells) in one statement each."""

import datetime
import struct
from concurrent.futures import ThreadPoolExecutor

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


#: Characters sent to COPY at a time.
COPY_BYTES = 1024 * 1024


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


def _common_fields(fields: dict, incident_import) -> dict:
    """Return the columns an import writes the same in every incident, with their values:
    fields the file does not give take their model defaults, so that a field added to Incident
    later needs no change here."""
    now = timezone.now()
    common = {"incident_import_id": incident_import.pk if incident_import else None}
    for model_field in Incident._meta.concrete_fields:
        name = model_field.attname
        if name in fields or model_field.primary_key or name == "position":
            continue
        if getattr(model_field, "auto_now", False) or getattr(model_field, "auto_now_add", False):
            common.setdefault(name, now)
        else:
            common.setdefault(name, model_field.get_default())
    return common


def _copy_chunk(raw_connection, statement: str, text: str) -> None:
    with raw_connection.cursor() as cursor, cursor.copy(statement) as copy:
        for start in range(0, len(text), COPY_BYTES):
            copy.write(text[start : start + COPY_BYTES])


class IncidentsCopy:
    """Writes the checked chunks of an import (or, with ``incident_import`` None, of the
    police's events) with COPY, each in a thread of its own while the
    next chunk is read and checked: PostgreSQL's work on a chunk (the incidents' indexes) then
    overlaps Python's on the next, instead of following it (bench/README.md).

    The thread uses the transaction's own connection (psycopg lets one statement run at a time
    on it), so everything stays in the one transaction; one chunk at most is in flight, so the
    memory held stays that of two chunks. The values are formatted here rather than by psycopg's
    write_row(), which adapts value by value and sends small pieces: that took twice as long.
    Ids come from the table's sequence.
    """

    def __init__(self, incident_import):
        self.incident_import = incident_import
        self.statement = self.common_text = None
        self.pending = None
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="incident-copy")

    def write(self, rows: list[ImportRow]) -> None:
        """Start writing the incidents of ``rows`` once the previous chunk is written."""
        if self.statement is None:
            common = _common_fields(rows[0].fields, self.incident_import)
            columns = ["position", *rows[0].fields, *common]
            quote = connection.ops.quote_name
            names = ", ".join(quote(column) for column in columns)
            self.statement = f"COPY {quote(Incident._meta.db_table)} ({names}) FROM STDIN"
            self.common_text = [_copy_text(value) for value in common.values()]
        srid, common_text = settings.STORAGE_SRID, self.common_text
        text = "".join(
            "\t".join([_ewkb(*row.position, srid), *map(_copy_text, row.fields.values())])
            + "\t"
            + "\t".join(common_text)
            + "\n"
            for row in rows
        )
        self.wait()
        connection.ensure_connection()
        self.pending = self.thread.submit(_copy_chunk, connection.connection, self.statement, text)

    def wait(self) -> None:
        """Wait until the chunk in flight is written; raise what writing it raised."""
        pending, self.pending = self.pending, None
        if pending is not None:
            pending.result()

    def close(self) -> None:
        """Wait for the last chunk and end the thread."""
        try:
            self.wait()
        finally:
            self.thread.shutdown()


def kept_counts_deferred() -> None:
    """Make the incidents' statement-level triggers leave the kept counts alone for the rest of
    the transaction; ``incidents_written_finish`` adds a whole import to them at once.

    Per chunk, the triggers grouped and upserted the same day counts and map cells again and
    again (a hundred times for a file of a million rows); once, over the import's incidents,
    each cell is upserted once (bench/README.md).
    """
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT set_config('{KEPT_COUNTS_DEFERRED}', 'on', true)")


#: The setting the triggers read (reports/migrations/0004_incident_imports_at_scale.py).
KEPT_COUNTS_DEFERRED = "est.kept_counts_deferred"
#: The functions returning the statement that adds incidents to each table of kept counts
#: (reports/migrations/sql/kept_counts.sql and municipality_cells.sql).
KEPT_COUNTS_BUILDERS = (
    "reports_incident_cells_sql",
    "reports_incident_day_counts_sql",
    "reports_incident_municipality_cells_sql",
    "reports_incident_map_changes_sql",
)


def incidents_written_finish(*, incident_import, by) -> None:
    """Write the "+" history record of every incident of ``incident_import`` and add them all
    to the kept counts, one statement each; then let the triggers keep the counts again."""
    now = timezone.now()
    imported = (
        "SELECT 1 AS sign, i.* FROM reports_incident i "  # noqa: S608 -- an integer id
        f"WHERE i.incident_import_id = {int(incident_import.pk)}"
    )
    with connection.cursor() as cursor:
        incidents_history_add(
            cursor,
            where="incident_import_id = %s",
            params=[incident_import.pk],
            by=by,
            now=now,
            reason="import",
        )
        for builder in KEPT_COUNTS_BUILDERS:
            cursor.execute(f"SELECT {builder}(%s)", [imported])
            (statement,) = cursor.fetchone()
            # Only adds: no count of an import's own incidents can end at 0.
            cursor.execute(statement)
        cursor.execute(f"SELECT set_config('{KEPT_COUNTS_DEFERRED}', 'off', true)")


def incidents_history_add(cursor, *, where: str, params: list, by, now, reason: str) -> None:
    """Write the "+" history record (by ``by``, at ``now``, for ``reason``) of every incident
    that the SQL condition ``where`` with ``params`` selects, in one statement, copying the rows
    inside the database."""
    history_model = Incident.history.model
    tracked = {f.column for f in Incident._meta.concrete_fields}
    columns = [f.column for f in history_model._meta.concrete_fields if f.column in tracked]
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    cursor.execute(
        f"INSERT INTO {quote(history_model._meta.db_table)} "  # noqa: S608 -- names from models
        f"({names}, history_date, history_change_reason, history_type, history_user_id) "
        f"SELECT {names}, %s, %s, '+', %s FROM {quote(Incident._meta.db_table)} "
        f"WHERE {where}",
        [now, reason, by.pk if by else None, *params],
    )

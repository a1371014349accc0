"""Running an import over a whole file in chunks: read, check and (when asked) write each chunk
before the next is read, so that the memory held is one chunk's whatever the file's size.

A run checks every row once. When it writes, it writes a chunk only while no row so far had an
error and goes on checking after the first error, so that every bad row is counted and the first
LISTED_ROWS are listed; the caller's transaction then rolls back: all rows or none.
"""

import contextlib
import time
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from reports.incidents.import_copy import (
    IncidentsCopy,
    incidents_written_finish,
    kept_counts_deferred,
)
from reports.incidents.import_files import ImportRow, collector_paused, import_chunks
from reports.incidents.imports import import_categories, import_rows_validate

#: The rows with errors a run lists; the rest are counted.
LISTED_ROWS = 1000
#: The correct rows a run lists when there are no errors, for the preview.
PREVIEW_ROWS = 200
#: How long the progress of a run stays readable after its last chunk.
PROGRESS_KEPT_SECONDS = 24 * 60 * 60


class ImportRefused(ValueError):
    """A file with rows that have errors: nothing of it was written."""

    def __init__(self, run):
        self.run = run
        super().__init__(
            _(
                "%(count)d rows have errors; nothing was imported. "
                "Correct the file and upload it again."
            )
            % {"count": run.error_count}
        )


def _listed(row: ImportRow) -> dict:
    """Return what the preview shows of ``row``, as text (kept as JSON)."""
    values = row.values

    def text(key):
        value = values.get(key)
        return "" if value is None else str(value)

    return {
        "number": row.number,
        "category": text("category"),
        "from": text("from"),
        "until": text("until"),
        "place": text("place"),
        "errors": [str(error) for error in row.errors],
    }


@dataclass
class ImportRun:
    """What a run over a file found: rows checked, rows with errors, rows written, and the rows
    listed (those with errors, or the first correct ones)."""

    checked: int = 0
    error_count: int = 0
    written: int = 0
    failed_rows: list = field(default_factory=list)
    first_rows: list = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    @property
    def listed_rows(self) -> list[dict]:
        """The rows with errors when there are any, else the first rows."""
        return self.failed_rows if self.error_count else self.first_rows

    def add(self, checked: list[ImportRow]) -> list[ImportRow]:
        """Count the checked rows of a chunk and list those to show; return its bad rows."""
        failed = [row for row in checked if row.errors]
        self.checked += len(checked)
        self.error_count += len(failed)
        room = LISTED_ROWS - len(self.failed_rows)
        self.failed_rows.extend(_listed(row) for row in failed[:room])
        room = PREVIEW_ROWS - len(self.first_rows)
        self.first_rows.extend(_listed(row) for row in checked[:room])
        return failed


def import_file_run(
    stored, name: str, *, municipality, write_into=None, by=None, progress=None
) -> ImportRun:
    """Read and check every row of the file ``stored`` (open, binary; ``name`` tells its kind)
    for ``municipality`` and return the ImportRun.

    With ``write_into`` (an IncidentImport), also write its incidents, their history and kept
    counts, in the caller's transaction; raises ImportRefused when any row has an error (the
    caller's transaction must then roll back; the exception's ``run`` lists the rows).
    ``progress(run)`` is called after each chunk. Raises ImportFileError for a file that cannot
    be read as incidents at all.
    """
    run = ImportRun()
    categories = import_categories(municipality)
    now = timezone.now()
    copy = None
    if write_into is not None:
        kept_counts_deferred()
        copy = IncidentsCopy(write_into)
    with collector_paused(), contextlib.ExitStack() as stack:
        if copy is not None:
            stack.callback(copy.close)
        for chunk in import_chunks(stored, name):
            first = run.checked + (1 if "geometry" in chunk[0] else 2)
            checked = import_rows_validate(
                chunk,
                municipality=municipality,
                now=now,
                first_number=first,
                categories=categories,
            )
            run.add(checked)
            if copy is not None and not run.error_count:
                copy.write(checked)
                run.written += len(checked)
            if progress is not None:
                progress(run)
    if write_into is not None:
        if run.error_count:
            raise ImportRefused(run)
        incidents_written_finish(incident_import=write_into, by=by)
    return run


def _progress_key(import_id: int) -> str:
    return f"incident-import-progress:{import_id}"


def import_progress_keep(import_id: int, run: ImportRun, *, total: int | None) -> None:
    """Keep the progress of the run over import ``import_id`` where the import page reads it
    (Redis: the run's transaction is not visible until it ends)."""
    cache.set(
        _progress_key(import_id),
        {
            "checked": run.checked,
            "written": run.written,
            "total": total,
            "seconds": time.monotonic() - run.started,
        },
        PROGRESS_KEPT_SECONDS,
    )


def import_progress(import_id: int) -> dict:
    """Return the latest progress of the run over import ``import_id``: rows checked and
    written, the file's rows when known (``total``), and the seconds left when they can be
    estimated (else None)."""
    kept = cache.get(_progress_key(import_id)) or {}
    checked, written = kept.get("checked", 0), kept.get("written", 0)
    total, seconds = kept.get("total"), kept.get("seconds", 0)
    done = max(checked, written)
    left = None
    if total and done and seconds:
        left = round(max(total - done, 0) * seconds / done)
    return {"checked": checked, "written": written, "total": total, "seconds_left": left}

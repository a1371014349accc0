"""Exports as background jobs: an export of more than EXPORT_BACKGROUND_ROWS incidents is
written by a Celery worker to storage (S3 where configured), with its progress kept for the
export's page, and downloaded by the user who asked once it is ready; beat deletes the file
after EXPORT_KEPT."""

import datetime
import logging
import tempfile
import time
from types import SimpleNamespace

from celery import shared_task
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from est.outages import task_queue
from reports.incidents.export_copy import csv_chunks, geojson_chunks
from reports.incidents.export_workbook import excel_write
from reports.incidents.filters import IncidentFilter
from reports.incidents.models import Incident, IncidentExport

logger = logging.getLogger(__name__)

Status = IncidentExport.Status

#: How long the progress of a job is kept in Redis after its last report.
PROGRESS_KEPT_SECONDS = 60 * 60
#: The longest filter kept (the list's query strings are far shorter).
QUERY_MAX_LENGTH = IncidentExport._meta.get_field("query").max_length


def exported_incidents(user, query: str):
    """Return the incidents ``user`` may read that the list's filter ``query`` (a query string)
    selects, or None when the filter is not valid for ``user``."""
    queryset = Incident.objects.for_user(user)
    data = QueryDict(query)
    filterset = IncidentFilter(data or None, queryset=queryset, request=SimpleNamespace(user=user))
    if filterset.is_bound and not filterset.is_valid():
        return None
    return filterset.qs


def incident_export_create(*, by, format: str, query: str) -> IncidentExport:
    """Save an export of the incidents ``by`` may read that the list's filter ``query`` selects,
    as ``format``, in the active language, queue its writing and return it (status QUEUED).

    Raises ValidationError for an unknown format or a filter that is not valid.
    """
    if format not in IncidentExport.Format.values:
        raise ValidationError(_("Choose CSV, Excel or GeoJSON."))
    if len(query) > QUERY_MAX_LENGTH or exported_incidents(by, query) is None:
        raise ValidationError(_("The filter is not valid. Go back to the list and filter again."))
    with transaction.atomic():
        export = IncidentExport.objects.create(
            requested_by=by, format=format, query=query, language=translation.get_language()
        )
        transaction.on_commit(lambda: task_queue(write_incident_export, export.pk))
    return export


def _progress_key(export_id: int) -> str:
    return f"incident-export-progress:{export_id}"


def export_progress(export_id: int) -> dict:
    """Return the latest progress of export ``export_id``: rows written, the rows to write
    (``total``, once known) and the seconds left when they can be estimated (else None)."""
    kept = cache.get(_progress_key(export_id)) or {}
    written, total, seconds = kept.get("written", 0), kept.get("total"), kept.get("seconds", 0)
    left = None
    if total and written and seconds:
        left = round(max(total - written, 0) * seconds / written)
    return {"written": written, "total": total, "seconds_left": left}


class _Progress:
    """Keeps how far a job has come where the export's page reads it."""

    def __init__(self, export_id: int, total: int):
        self.key, self.total, self.started = _progress_key(export_id), total, time.monotonic()
        self.reported = None
        self.report(0)

    def report(self, written: int) -> None:
        now = time.monotonic()
        # The page asks every 2 s: once a second is enough, and spares Redis.
        if self.reported is not None and now - self.reported < 1:
            return
        self.reported, seconds = now, now - self.started
        kept = {"written": min(written, self.total), "total": self.total, "seconds": seconds}
        cache.set(self.key, kept, PROGRESS_KEPT_SECONDS)


def _write_stream(chunks, output, progress: _Progress) -> None:
    """Write ``chunks`` (bytes) to ``output``, reporting the lines written as rows (a cell
    with a line break in it counts twice: the bar is an estimate, the file is exact)."""
    lines = 0
    for chunk in chunks:
        output.write(chunk)
        lines += chunk.count(b"\n")
        progress.report(lines)


def _write(export: IncidentExport, queryset, output) -> int:
    """Write ``queryset`` to ``output`` in the export's format; return the number of rows."""
    total = queryset.count()
    progress = _Progress(export.pk, total)
    if export.format == IncidentExport.Format.XLSX:
        return excel_write(queryset, output, progress=progress.report)
    chunks = geojson_chunks if export.format == IncidentExport.Format.GEOJSON else csv_chunks
    _write_stream(chunks(queryset), output, progress)
    return total


def incident_export_write(*, export_id: int) -> bool:
    """Write export ``export_id``'s file to storage: status READY with its rows and
    municipalities, or FAILED with the reason. Returns False when the export was not waiting
    (a second run of the task finds it taken or done)."""
    claimed = IncidentExport.objects.filter(pk=export_id, status=Status.QUEUED).update(
        status=Status.RUNNING
    )
    if not claimed:
        return False
    export = IncidentExport.objects.select_related("requested_by").get(pk=export_id)
    with translation.override(export.language):
        queryset = exported_incidents(export.requested_by, export.query)
        if queryset is None:
            # The user's municipalities changed since: the filter names one no longer theirs.
            return _failed(export, _("The filter is no longer valid. Filter the list again."))
        export.municipality_ids = sorted(
            queryset.order_by().values_list("municipality", flat=True).distinct()
        )
        with tempfile.TemporaryFile() as output:
            export.row_count = _write(export, queryset, output)
            output.seek(0)
            export.file.save(export.filename, File(output), save=False)
    export.status, export.finished_at = Status.READY, timezone.now()
    export.save(update_fields=["status", "finished_at", "row_count", "municipality_ids", "file"])
    return True


def _failed(export: IncidentExport, message: str) -> bool:
    export.status, export.message, export.finished_at = Status.FAILED, message, timezone.now()
    export.save(update_fields=["status", "message", "finished_at"])
    return True


def incident_exports_expired_delete(*, now=None) -> int:
    """Delete the exports asked for longer ago than EXPORT_KEPT, files and all; return how
    many. A second run finds them gone."""
    deleted = 0
    for export in IncidentExport.objects.expired(now=now).iterator():
        # The row first: a file whose row is gone is never offered again; the reverse could.
        name, storage = export.file.name, export.file.storage
        export.delete()
        if name:
            storage.delete(name)
        deleted += 1
    return deleted


#: An Excel workbook of a million rows takes minutes, more on a busy worker.
EXPORT_TIME_LIMITS = {"time_limit": 60 * 60, "soft_time_limit": 59 * 60}
#: How long an export may wait for its task before beat queues it again.
REQUEUE_AFTER = datetime.timedelta(minutes=5)


def incident_exports_queue_again(*, now=None) -> int:
    """Queue again every export that has waited for its task longer than REQUEUE_AFTER (Redis
    was down when it was asked for, or the task was lost); return how many were queued."""
    now = now or timezone.now()
    waiting = IncidentExport.objects.filter(
        status=Status.QUEUED, created_at__lt=now - REQUEUE_AFTER
    ).values_list("pk", flat=True)
    return sum(task_queue(write_incident_export, pk) for pk in waiting)


# Beside the services that queue it, as reports.incidents.import_jobs' tasks are: the incidents
# may not import reports.tasks. Named for reports.tasks.
@shared_task(name="reports.tasks.write_incident_export", **EXPORT_TIME_LIMITS)
def write_incident_export(export_id: int) -> bool:
    """Write an export's file if it still waits for it; False when it does not."""
    try:
        return incident_export_write(export_id=export_id)
    except Exception:
        # Whatever went wrong, the page must say so rather than wait for ever.
        logger.exception("export %s failed", export_id)
        export = IncidentExport.objects.get(pk=export_id)
        return _failed(export, _("The file could not be written. Try again later."))

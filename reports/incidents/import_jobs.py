"""Imports as background jobs: the upload stores the file and queues its check; the
confirmation queues its writing. A Celery worker runs both (reports.tasks), keeping their
progress for the import page; the user may leave and come back.

The file is stored (IncidentImport) when uploaded and read again when written: what is written
is what is checked in the file, never rows sent back by the browser.
"""

import datetime
from pathlib import Path

from celery import shared_task
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from est.models import Municipality
from est.outages import task_queue
from est.uploads import file_stored, files_removed_on_rollback
from reports.incidents.import_files import READERS, ImportFileError, xlsx_unpacked_check
from reports.incidents.import_runs import (
    ImportRefused,
    import_file_run,
    import_progress_keep,
)
from reports.incidents.models import IncidentImport

Status = IncidentImport.Status


def incident_import_create(*, municipality: Municipality, upload, by) -> IncidentImport:
    """Store the file ``upload`` for an import into ``municipality``, queue its check, and
    return the IncidentImport (status CHECKING).

    Raises ValidationError (with the reason for the user) for a file over IMPORT_MAX_BYTES, of
    another kind, or a workbook that would unpack too far; nothing is stored then.
    """
    limit = settings.IMPORT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            {
                "file": _("The file may be at most %(size)d MB. Split it into smaller files.")
                % {"size": limit // (1024 * 1024)}
            }
        )
    name = Path(upload.name).name
    try:
        if Path(name).suffix.lower() not in READERS:
            raise ImportFileError(_("Choose a CSV, Excel (.xlsx) or GeoJSON file."))
        xlsx_unpacked_check(upload, name)
    except ImportFileError as error:
        raise ValidationError({"file": str(error)}) from error
    upload.seek(0)
    incident_import = IncidentImport(
        municipality=municipality,
        original_name=name[:200],
        created_by=by,
        status=Status.CHECKING,
    )
    with files_removed_on_rollback():
        incident_import.file.save(name, upload, save=False)
        file_stored(incident_import.file)
        incident_import.save()
        transaction.on_commit(lambda: _queue("check", incident_import.pk))
    return incident_import


def _queue(task_name: str, import_id: int) -> bool:
    """Queue the import's check or writing; return False when Redis could not be reached."""
    return task_queue(
        {"check": check_incident_import, "write": write_incident_import}[task_name], import_id
    )


#: How long an import may wait for its task before beat queues it again.
REQUEUE_AFTER = datetime.timedelta(minutes=5)


def incident_imports_queue_again(*, now=None) -> int:
    """Queue again the check or the writing of every import that has waited for it longer than
    REQUEUE_AFTER (Redis was down when it was uploaded or confirmed, or the task was lost);
    return how many were queued. An import queued twice runs once: its task claims the row, and
    one whose row a worker holds is left to that worker."""
    now = now or timezone.now()
    waiting = IncidentImport.objects.filter(
        status__in=IncidentImport.RUNNING, created_at__lt=now - REQUEUE_AFTER
    ).values_list("pk", "status")
    return sum(
        _queue("check" if status == Status.CHECKING else "write", pk) for pk, status in waiting
    )


def _claimed(import_id: int, status: str) -> IncidentImport | None:
    """Lock and return the import ``import_id`` if it is in ``status`` and no other worker
    holds it, else None (run twice, a task finds it done or taken)."""
    return (
        IncidentImport.objects.select_for_update(skip_locked=True)
        .select_related("municipality")
        .filter(pk=import_id, status=status)
        .first()
    )


def _failed(incident_import: IncidentImport, message: str, listed=()) -> None:
    incident_import.status = Status.FAILED
    incident_import.message = message
    incident_import.listed_rows = list(listed)
    incident_import.save(update_fields=["status", "message", "listed_rows"])


def incident_import_check(*, import_id: int) -> bool:
    """Check every row of import ``import_id``'s file once and keep what was found (counts and
    the rows to list): status PREVIEW, or FAILED with the reason when the file cannot be read.
    Returns False when the import was not waiting for its check."""
    with transaction.atomic():
        incident_import = _claimed(import_id, Status.CHECKING)
        if incident_import is None:
            return False
        try:
            with incident_import.file.open("rb") as stored:
                run = import_file_run(
                    stored,
                    incident_import.original_name,
                    municipality=incident_import.municipality,
                    progress=lambda run: import_progress_keep(import_id, run, total=None),
                )
        except ImportFileError as error:
            _failed(incident_import, str(error))
            return True
        incident_import.status = Status.PREVIEW
        incident_import.row_count, incident_import.error_count = run.checked, run.error_count
        incident_import.listed_rows = run.listed_rows
        incident_import.save(update_fields=["status", "row_count", "error_count", "listed_rows"])
    return True


def incident_import_confirm(*, incident_import: IncidentImport, by) -> IncidentImport:
    """Queue the writing of ``incident_import``'s incidents (status WRITING) and return it.

    Raises ValidationError when the file has rows with errors or is not awaiting confirmation
    (already imported, or being imported: an import is written once).
    """
    if incident_import.error_count:
        raise ValidationError(_("Correct the file and upload it again: it has rows with errors."))
    with transaction.atomic():
        claimed = IncidentImport.objects.filter(
            pk=incident_import.pk, status=Status.PREVIEW, error_count=0
        ).update(status=Status.WRITING, confirmed_by=by)
        if not claimed:
            raise ValidationError(_("This file has already been imported."))
        transaction.on_commit(lambda: _queue("write", incident_import.pk))
    incident_import.refresh_from_db()
    return incident_import


def incident_import_write(*, import_id: int) -> bool:
    """Write every incident of import ``import_id``'s file, all or none, checking each row as
    it goes (time has passed since the check): status IMPORTED, or FAILED with the rows that
    have errors now. Returns False when the import was not waiting to be written."""
    with transaction.atomic():
        incident_import = _claimed(import_id, Status.WRITING)
        if incident_import is None:
            return False
        total = incident_import.row_count
        try:
            with transaction.atomic(), incident_import.file.open("rb") as stored:
                run = import_file_run(
                    stored,
                    incident_import.original_name,
                    municipality=incident_import.municipality,
                    write_into=incident_import,
                    by=incident_import.confirmed_by,
                    progress=lambda run: import_progress_keep(import_id, run, total=total),
                )
        except ImportRefused as refused:
            _failed(incident_import, str(refused), refused.run.listed_rows)
            incident_import.error_count = refused.run.error_count
            incident_import.save(update_fields=["error_count"])
            return True
        except ImportFileError as error:
            _failed(incident_import, str(error))
            return True
        incident_import.status = Status.IMPORTED
        incident_import.imported_at = timezone.now()
        incident_import.row_count = run.written
        incident_import.save(update_fields=["status", "imported_at", "row_count"])
    return True


#: An import of a million rows takes minutes, more on a busy worker.
IMPORT_TIME_LIMITS = {"time_limit": 60 * 60, "soft_time_limit": 59 * 60}


# The tasks sit beside the services that queue them (as reports.tertial.rendering's does): the
# incidents may not import reports.tasks, which reads the tertial. Named for reports.tasks.
@shared_task(name="reports.tasks.check_incident_import", **IMPORT_TIME_LIMITS)
def check_incident_import(import_id: int) -> bool:
    """Check an uploaded import's file if it still waits for it; False when it does not."""
    return incident_import_check(import_id=import_id)


@shared_task(name="reports.tasks.write_incident_import", **IMPORT_TIME_LIMITS)
def write_incident_import(import_id: int) -> bool:
    """Write a confirmed import's incidents if it still waits for it; False when it does not."""
    return incident_import_write(import_id=import_id)

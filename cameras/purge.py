"""The purge: delete every footage file within an hour after its retention ends.

One run at a time, across every worker and beat process: the run holds a PostgreSQL advisory
lock. We chose it over a Redis lock because it lives with the rows it protects and is released by
PostgreSQL itself when the session ends, so a crashed run never leaves a lock behind and there is
no expiry to guess that a slow run could outlive. Each footage row is moreover claimed with
SELECT … FOR UPDATE SKIP LOCKED, so even a run that somehow got past the lock never deletes a
file twice. (A session-level lock needs a real session: behind a pooler such as PgBouncer in
transaction mode, point the workers at PostgreSQL directly.)

A failed deletion leaves the row kept, counts the attempt and keeps the error: the next run tries
again, the dashboard lists it and the coordinators get an e-mail. Nothing is skipped silently.
"""

import datetime
import hashlib
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from .models import DeletionReceipt, Footage

logger = logging.getLogger(__name__)

#: The advisory lock's key: any constant number that no other feature uses.
PURGE_LOCK_KEY = 6_0_2018_1200


@dataclass
class PurgeResult:
    """What one run did: ``ran`` is False when another run held the lock."""

    ran: bool = True
    deleted: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)

    def __str__(self):
        if not self.ran:
            return "another purge is running"
        return f"{len(self.deleted)} deleted, {len(self.failed)} failed"


class purge_lock:  # noqa: N801 - used as a context manager, named like one
    """Hold the purge's session-level advisory lock; ``acquired`` says whether we got it."""

    def __enter__(self):
        with connection.cursor() as cursor:
            cursor.execute("select pg_try_advisory_lock(%s)", [PURGE_LOCK_KEY])
            self.acquired = cursor.fetchone()[0]
        return self

    def __exit__(self, *exc):
        if self.acquired:
            with connection.cursor() as cursor:
                cursor.execute("select pg_advisory_unlock(%s)", [PURGE_LOCK_KEY])
        return False


def _digest(name: str) -> tuple[int | None, str]:
    """Return the size and SHA-256 of the stored file, or (None, "") when it is not there."""
    try:
        with default_storage.open(name, "rb") as stored:
            digest = hashlib.sha256()
            size = 0
            for chunk in stored.chunks():
                digest.update(chunk)
                size += len(chunk)
    except FileNotFoundError:
        return None, ""
    return size, digest.hexdigest()


def footage_purge_one(*, footage_id: int, now: datetime.datetime) -> bool | None:
    """Delete one due footage file and write its receipt, in one transaction.

    Returns True when deleted, False when the deletion failed (recorded on the row) and None when
    the footage was no longer due (already deleted, held or claimed by someone else).
    """
    with transaction.atomic():
        footage = (
            Footage.objects.kept().select_for_update(skip_locked=True).filter(pk=footage_id).first()
        )
        # Whether it is due (no legal hold above all) is asked again now that the row is ours,
        # in a statement of its own and so with a fresh snapshot: a hold committed while the
        # purge was on its way is seen, and none can be added until we commit (setting a hold
        # locks the footage row; even a bare insert waits on the row through its foreign key).
        if footage is None or not Footage.objects.due(now).filter(pk=footage_id).exists():
            return None
        name = footage.file.name
        size, sha256 = _digest(name) if name else (None, "")
        try:
            # A missing file counts as deleted: a run that died after deleting it and before
            # committing left exactly that behind.
            if name:
                default_storage.delete(name)
        except Exception as error:  # noqa: BLE001 - any storage failure is recorded and retried
            footage.delete_attempts += 1
            footage.last_error = f"{type(error).__name__}: {error}"[:500]
            footage.save(update_fields=["delete_attempts", "last_error"])
            logger.error("footage %s could not be deleted: %s", footage.pk, footage.last_error)
            return False
        DeletionReceipt.objects.create(
            footage=footage,
            camera_id=footage.camera_id,
            recorded_from=footage.recorded_from,
            recorded_until=footage.recorded_until,
            purge_at=footage.purge_at,
            deleted_at=timezone.now(),
            file_size=size,
            file_sha256=sha256,
        )
        footage.file = ""
        footage.description = ""
        footage.purged_at = timezone.now()
        footage.last_error = ""
        footage.save(update_fields=["file", "description", "purged_at", "last_error"])
        return True


def footage_purge_due(*, now: datetime.datetime | None = None) -> PurgeResult:
    """Delete every footage file whose purge time has come and no legal hold covers.

    Safe to run twice and concurrently: a run that finds the lock taken does nothing.
    """
    now = now or timezone.now()
    with purge_lock() as lock:
        if not lock.acquired:
            logger.info("purge skipped: another purge is running")
            return PurgeResult(ran=False)
        result = PurgeResult()
        for footage_id in (
            Footage.objects.due(now).order_by("purge_at").values_list("pk", flat=True)
        ):
            outcome = footage_purge_one(footage_id=footage_id, now=now)
            if outcome is True:
                result.deleted.append(footage_id)
            elif outcome is False:
                result.failed.append(footage_id)
    if result.failed:
        purge_failures_notify(footage_ids=result.failed)
    return result


def _worth_telling(attempts: int) -> bool:
    """Return whether a failure is mailed: the first one, then once an hour (every 6th run)."""
    return attempts == 1 or attempts % 6 == 0


def purge_failures_notify(*, footage_ids: list[int]) -> int:
    """E-mail the coordinators of each municipality whose footage could not be deleted.

    Returns the number of e-mails sent. The mail names cameras and times, never what was filmed.
    """
    failed = Footage.objects.filter(pk__in=footage_ids).select_related("camera__municipality")
    by_municipality: dict = {}
    for footage in failed:
        if not _worth_telling(footage.delete_attempts):
            continue
        by_municipality.setdefault(footage.camera.municipality, []).append(footage)
    sent = 0
    for municipality, items in by_municipality.items():
        recipients = municipality.coordinator_addresses()
        if not recipients:
            logger.error("no coordinator of %s to tell about failed deletions", municipality)
            continue
        with override(settings.LANGUAGE_CODE):
            lines = [
                _("%(camera)s, clip ending %(end)s: %(attempts)d failed attempts, last: %(error)s")
                % {
                    "camera": footage.camera.name,
                    "end": timezone.localtime(footage.recorded_until).strftime("%Y-%m-%d %H:%M"),
                    "attempts": footage.delete_attempts,
                    "error": footage.last_error,
                }
                for footage in items
            ]
            subject = _("Camera footage could not be deleted in %(municipality)s") % {
                "municipality": municipality.name
            }
            body = "\n".join(
                [
                    _(
                        "The purge could not delete these footage files. It tries again every "
                        "ten minutes; please make sure the storage can be written to."
                    ),
                    "",
                    *lines,
                ]
            )
        send_mail(subject, body, None, recipients)
        sent += 1
    return sent

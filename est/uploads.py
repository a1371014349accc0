"""What comes in as files: the kind a file really is (from its first bytes, not its name), its
size, and files that must not outlive a transaction that rolled back."""

import posixpath
import threading
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .outages import task_queue

#: The first bytes of each kind of file EST takes in. DOCX, ODT and XLSX are ZIP archives.
_SIGNATURES = (
    ("pdf", 0, b"%PDF-"),
    ("jpeg", 0, b"\xff\xd8\xff"),
    ("png", 0, b"\x89PNG\r\n\x1a\n"),
    ("zip", 0, b"PK\x03\x04"),
    # MP4 and QuickTime (MOV): an "ftyp" box after the box's length.
    ("mp4", 4, b"ftyp"),
    ("avi", 8, b"AVI "),
    # Matroska (MKV) and WebM.
    ("mkv", 0, b"\x1a\x45\xdf\xa3"),
)


def upload_kind(upload) -> str | None:
    """Return the kind of file ``upload`` is by its first bytes ("pdf", "jpeg", "png", "zip",
    "mp4", "avi", "mkv"), or None for any other. Leaves the file at its start."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for kind, offset, signature in _SIGNATURES:
        if head[offset : offset + len(signature)] == signature:
            return kind
    return None


def upload_check(upload, *, field: str, kinds: set[str], max_bytes: int, kinds_text: str):
    """Return ``upload`` when it is one of ``kinds`` and at most ``max_bytes`` long.

    Raises ValidationError on ``field`` saying the largest size allowed, or ``kinds_text`` (which
    says what may be sent) when the file's content is of another kind, whatever its name says.
    """
    if upload.size > max_bytes:
        raise ValidationError(
            {field: _("The file may be at most %(size)s.") % {"size": filesizeformat(max_bytes)}},
            code="too_large",
        )
    if upload_kind(upload) not in kinds:
        raise ValidationError({field: kinds_text}, code="wrong_kind")
    return upload


_written = threading.local()


@contextmanager
def files_removed_on_rollback():
    """Run the block in a transaction (``transaction.atomic``); when it ends in an exception,
    delete the files that ``file_stored`` noted in it, since no row names them any more.

    A block inside another hands its files to the outer block when it succeeds, so that they
    are deleted if the outer one rolls back.
    """
    outer = getattr(_written, "files", None)
    files = _written.files = []
    try:
        with transaction.atomic():
            yield
    except BaseException:
        for storage, name in files:
            storage.delete(name)
        raise
    else:
        if outer is not None:
            outer.extend(files)
    finally:
        _written.files = outer


def file_stored(field_file) -> None:
    """Note that ``field_file`` (a FileField's file) has just been written to storage, for the
    files_removed_on_rollback block around it. Raises RuntimeError outside such a block: a
    file written outside one would be left behind by a rollback."""
    files = getattr(_written, "files", None)
    if files is None:
        raise RuntimeError("file_stored() outside files_removed_on_rollback()")
    files.append((field_file.storage, field_file.name))


def named_upload_check(upload, *, field: str, kinds: dict[str, str], max_bytes: int, kinds_text):
    """Return ``upload`` when its name ends in one of the extensions of ``kinds`` (".pdf" →
    "pdf"), its content is of that extension's kind and it is at most ``max_bytes`` long; else
    raise ValidationError on ``field`` (with ``kinds_text`` for a name or content of another
    kind). A file whose content and name disagree is refused: it would open in the wrong
    program for whoever downloads it."""
    extension = posixpath.splitext(upload.name.lower())[1]
    if extension not in kinds:
        raise ValidationError({field: kinds_text}, code="wrong_kind")
    return upload_check(
        upload, field=field, kinds={kinds[extension]}, max_bytes=max_bytes, kinds_text=kinds_text
    )


def held_files_waiting(rows, *, cleaned: str, held: str, claimed_at: str, stale):
    """Return those of ``rows`` (a QuerySet) whose file field ``held`` still waits for a worker
    to clean it into the field ``cleaned`` and that no worker has claimed (the field
    ``claimed_at``) since ``stale``: the photos a worker may take."""
    return (
        rows.filter(**{cleaned: ""})
        .exclude(**{held: ""})
        .filter(Q(**{f"{claimed_at}__isnull": True}) | Q(**{f"{claimed_at}__lt": stale}))
    )


def held_files_queue_again(rows, task, *, stale, **fields) -> int:
    """Queue ``task`` (which cleans one row, by its id) again for each of ``rows`` whose held
    file waits unclaimed since ``stale`` (``fields`` as for held_files_waiting): its task was
    lost, or never queued while Redis was down. Return how many were queued."""
    waiting = held_files_waiting(rows, **fields, stale=stale).values_list("pk", flat=True)
    return sum(task_queue(task, pk) for pk in waiting)

"""A tip's photo: held as it came while the tip is stored, then cleaned by a worker (EXIF
stripped, scaled) and only then shown to the coordinator, as the safety walks' photos are.

Re-encoding a phone's photo takes a few hundred milliseconds of CPU: done in the request, fifty
tips a second with photos waited seconds for their answer (bench/README.md). The request checks
only what the file's header says (kind, size, pixels) and keeps the file privately.
"""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from est.outages import task_queue
from est.uploads import file_stored, held_files_queue_again, held_files_waiting
from reports.incidents.photos import photo_clean

from .models import Tip

logger = logging.getLogger(__name__)

#: A worker that claimed a photo this long ago and did not finish (it was stopped) is taken over.
CLAIM_TIMEOUT = datetime.timedelta(minutes=10)
#: The fields of a tip's photo held for a worker: cleaned into, held as it came, claimed when.
_HELD = {"cleaned": "photo", "held": "photo_original", "claimed_at": "photo_claimed_at"}


def tip_photo_hold(*, tip: Tip, upload) -> None:
    """Keep ``upload`` (checked by ``photo_check``) as ``tip``'s held original, not shown to
    anyone, and queue its cleaning once the transaction commits. Runs inside the caller's
    ``files_removed_on_rollback`` block, before the tip is saved."""
    tip.photo_original.save("original", upload, save=False)
    file_stored(tip.photo_original)
    # Imported here: the tasks module imports the features' services.
    from dialogues.tasks import clean_tip_photo

    # As the walks' photos: no result asked for, and beat queues it again if Redis was down.
    transaction.on_commit(lambda: task_queue(clean_tip_photo, tip.pk))


def tip_photos_queue_again(*, now=None) -> int:
    """Queue the cleaning of every tip's photo held for more than CLAIM_TIMEOUT without being
    cleaned (its task was lost, or never queued while Redis was down); return how many."""
    from dialogues.tasks import clean_tip_photo

    stale = (now or timezone.now()) - CLAIM_TIMEOUT
    old_enough = Tip.objects.filter(created_at__lt=stale)
    return held_files_queue_again(old_enough, clean_tip_photo, stale=stale, **_HELD)


def _claim(tip_pk: int, now: datetime.datetime) -> bool:
    tip = Tip.objects.filter(pk=tip_pk)
    return bool(
        held_files_waiting(tip, **_HELD, stale=now - CLAIM_TIMEOUT).update(photo_claimed_at=now)
    )


def tip_photo_clean(*, tip_pk: int) -> str:
    """Re-encode the held original of tip ``tip_pk``'s photo without EXIF into its photo and
    delete the original; return what was done. Safe to run twice and at the same time: the tip
    is claimed with a conditional update, and a photo already cleaned is left as it is. A file
    whose pixels cannot be decoded (its header looked sound) is removed: nothing could be
    shown; the tip stays."""
    now = timezone.now()
    if not _claim(tip_pk, now):
        return "nothing to do"
    tip = Tip.objects.select_related("municipality").get(pk=tip_pk)
    held = tip.photo_original
    try:
        with held.open("rb"):
            cleaned = photo_clean(held)
    except ValidationError:
        logger.warning("The photo of tip %s could not be decoded", tip.pk)
        Tip.objects.filter(pk=tip.pk, photo_claimed_at=now).update(photo_original="")
        held.storage.delete(held.name)
        return "undecodable, removed"
    tip.photo.save(cleaned.image.name, cleaned.image, save=False)
    # Only if still claimed by this run: another, after a timeout, may have taken it over.
    updated = Tip.objects.filter(pk=tip.pk, photo="", photo_claimed_at=now).update(
        photo=tip.photo.name, photo_original=""
    )
    if not updated:
        tip.photo.storage.delete(tip.photo.name)
        return "taken over"
    held.storage.delete(held.name)
    return "cleaned"

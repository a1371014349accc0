"""The photos of findings: held as they came while the finding is recorded, then cleaned by a
worker (EXIF stripped, scaled, a thumbnail made) and only then shown.

Re-encoding a phone's photo takes a few hundred milliseconds of CPU (bench/README.md); done in
the request, twenty phones sending at once waited seconds for their answer. The request now
checks only what the file's header says (kind, size, pixels) and keeps the file privately.
"""

import datetime
import logging
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from est.outages import task_queue
from est.uploads import file_stored, held_files_queue_again, held_files_waiting
from reports.incidents.photos import photo_clean

from ..measures.models import Measure
from .models import Finding, FindingPhoto

logger = logging.getLogger(__name__)

#: A worker that claimed a photo this long ago and did not finish (it was stopped) is taken over.
CLAIM_TIMEOUT = datetime.timedelta(minutes=10)
#: The fields of a photo held for a worker: cleaned into, held as it came, claimed when.
_HELD = {"cleaned": "image", "held": "original", "claimed_at": "claimed_at"}


def finding_photo_hold(*, finding: Finding, upload, submission_key: uuid.UUID) -> FindingPhoto:
    """Keep ``upload`` (checked by ``photo_check``) as the held original of a new photo of
    ``finding``, not shown to anyone, and queue its cleaning once the transaction commits;
    return the photo. Runs inside the caller's ``files_removed_on_rollback`` block."""
    photo = FindingPhoto(finding=finding, submission_key=submission_key)
    photo.original.save("original", upload, save=False)
    file_stored(photo.original)
    photo.save()
    # Imported here: the tasks module imports the features' services.
    from dialogues.tasks import clean_finding_photo

    # Without asking Celery for the result (nothing reads it): asking subscribed each request
    # to the result in Redis. With Redis down the photo stays held, and beat queues it again.
    transaction.on_commit(lambda: task_queue(clean_finding_photo, photo.pk))
    return photo


def finding_photos_queue_again(*, now=None) -> int:
    """Queue the cleaning of every photo held for more than CLAIM_TIMEOUT without being
    cleaned (its task was lost, or never queued while Redis was down); return how many."""
    from dialogues.tasks import clean_finding_photo

    stale = (now or timezone.now()) - CLAIM_TIMEOUT
    old_enough = FindingPhoto.objects.filter(uploaded_at__lt=stale)
    return held_files_queue_again(old_enough, clean_finding_photo, stale=stale, **_HELD)


def _claim(photo_pk: int, now: datetime.datetime) -> bool:
    photo = FindingPhoto.objects.filter(pk=photo_pk)
    return bool(
        held_files_waiting(photo, **_HELD, stale=now - CLAIM_TIMEOUT).update(claimed_at=now)
    )


def finding_photo_clean(*, photo_pk: int) -> str:
    """Re-encode the held original of photo ``photo_pk`` without EXIF, with its thumbnail, and
    delete the original; return what was done. Safe to run twice and at the same time: the
    photo is claimed with a conditional update, and one already cleaned is left as it is. A
    file whose pixels cannot be decoded (its header looked sound) is removed with its photo:
    there is nothing that could be shown."""
    now = timezone.now()
    if not _claim(photo_pk, now):
        return "nothing to do"
    photo = FindingPhoto.objects.select_related("finding__walk__municipality").get(pk=photo_pk)
    held = photo.original
    try:
        with held.open("rb"):
            cleaned = photo_clean(held)
    except ValidationError:
        logger.warning("Photo %s of finding %s could not be decoded", photo.pk, photo.finding_id)
        photo.delete()
        held.storage.delete(held.name)
        return "undecodable, removed"
    photo.image.save(cleaned.image.name, cleaned.image, save=False)
    photo.thumbnail.save(cleaned.thumbnail.name, cleaned.thumbnail, save=False)
    # Only if still claimed by this run: another, after a timeout, may have taken it over.
    updated = FindingPhoto.objects.filter(pk=photo.pk, image="", claimed_at=now).update(
        image=photo.image.name, thumbnail=photo.thumbnail.name, original=""
    )
    if not updated:
        photo.image.storage.delete(photo.image.name)
        photo.thumbnail.storage.delete(photo.thumbnail.name)
        return "taken over"
    held.storage.delete(held.name)
    return "cleaned"


@transaction.atomic
def walk_public_photos_set(*, walk, photos: set[int], measures: set[int]) -> None:
    """Make exactly the findings' photos ``photos`` and the done measures' photos ``measures``
    (ids, among ``walk``'s) the ones residents see on the walk's follow-up page; ids of
    anything else are ignored. The coordinator chooses: photos of people stay private."""
    shown = FindingPhoto.objects.filter(finding__walk=walk)
    shown.filter(pk__in=photos).update(public=True)
    shown.exclude(pk__in=photos).update(public=False)
    done = Measure.objects.filter(pk__in=Measure.objects.filter(findings__walk=walk).values("pk"))
    done.filter(pk__in=measures, status=Measure.Status.DONE).exclude(done_photo="").update(
        done_photo_public=True
    )
    done.exclude(pk__in=measures).update(done_photo_public=False)

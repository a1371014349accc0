"""The photos of findings: the phone's file is kept unseen while a worker strips its EXIF data
(the pages say the photo is being processed, and nothing serves it); a real worker cleans it
and deletes the original; running the cleaning twice changes nothing; a file whose pixels are
broken goes away. The done measures' photos the coordinator makes public show on the residents'
follow-up page, the others nowhere."""

import datetime
import io
import struct
import time
import uuid

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image, ImageFile

from dialogues.measures.services import measure_create, measure_status_set
from dialogues.tasks import queue_waiting_photos
from dialogues.walks.models import FindingPhoto
from dialogues.walks.photos import finding_photo_clean
from dialogues.walks.recording import finding_photo_add
from tests.dialogues.findings import finding_on, held_walk, jpeg, street_department
from tests.dialogues.walks.test_recording import photo, record
from tests.worker import celery_worker

pytestmark = pytest.mark.django_db


def _urls(walk, held):
    return [
        reverse("walk_finding_photo", args=[walk.pk, held.pk, size])
        for size in ("image", "thumbnail")
    ]


def test_a_photo_is_held_unseen_until_a_worker_has_stripped_it(
    walk, coordinator, client_for, django_capture_on_commit_callbacks, media_storage
):
    finding, _created = record(walk, coordinator)
    with django_capture_on_commit_callbacks() as queued:
        held, _created = finding_photo_add(
            finding=finding, by=coordinator, submission_key=uuid.uuid4(), upload=photo()
        )
    held.public = True
    held.save()
    client = client_for(coordinator)
    page = client.get(reverse("walk_record", args=[walk.pk])).content.decode()
    assert "Fotot bearbetas" in page
    assert all(client.get(url).status_code == 404 for url in _urls(walk, held))
    original = held.original.name
    assert b"Test Camera X100" in default_storage.open(original).read()

    (clean,) = queued
    clean()  # the worker's turn (eager in the tests)
    held.refresh_from_db()
    assert held.is_ready
    assert not held.original
    assert not media_storage.holds(original)
    page = client.get(reverse("walk_record", args=[walk.pk])).content.decode()
    assert "Fotot bearbetas" not in page
    image, thumbnail = (client.get(url) for url in _urls(walk, held))
    assert (image.status_code, thumbnail.status_code) == (200, 200)
    assert b"Test Camera X100" not in b"".join(image.streaming_content)
    assert finding_photo_clean(photo_pk=held.pk) == "nothing to do"


def test_a_photo_whose_task_was_lost_is_queued_again_by_beat(
    walk, coordinator, django_capture_on_commit_callbacks
):
    finding, _created = record(walk, coordinator)
    with django_capture_on_commit_callbacks():  # never run: the task was lost
        held, _created = finding_photo_add(
            finding=finding, by=coordinator, submission_key=uuid.uuid4(), upload=photo()
        )
    assert queue_waiting_photos() == "0 findings' photos, 0 tips'"  # its worker may be on it
    FindingPhoto.objects.filter(pk=held.pk).update(
        uploaded_at=timezone.now() - datetime.timedelta(minutes=11)
    )
    assert queue_waiting_photos() == "1 findings' photos, 0 tips'"
    held.refresh_from_db()
    assert held.is_ready
    assert not held.original
    assert queue_waiting_photos() == "0 findings' photos, 0 tips'"


def _png_with_broken_pixels() -> bytes:
    """Return a PNG with a sound header (the request accepts it) over pixel data of zeros."""
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 40, 40)).save(buffer, format="PNG")
    data = buffer.getvalue()
    start = data.index(b"IDAT") + 4
    length = struct.unpack(">I", data[start - 8 : start - 4])[0]
    return data[:start] + bytes(length) + data[start + length :]


def test_a_photo_whose_pixels_are_broken_is_removed(
    walk, coordinator, django_capture_on_commit_callbacks, monkeypatch, media_storage
):
    # Importing WeasyPrint (the PDFs) makes Pillow fill in what it cannot decode, for the whole
    # process; a worker that never rendered a PDF refuses the pixels, as here.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", False)
    finding, _created = record(walk, coordinator)
    broken = SimpleUploadedFile("broken.png", _png_with_broken_pixels(), "image/png")
    with django_capture_on_commit_callbacks(execute=True):
        held, created = finding_photo_add(
            finding=finding, by=coordinator, submission_key=uuid.uuid4(), upload=broken
        )
    assert created
    assert not FindingPhoto.objects.filter(pk=held.pk).exists()
    assert not media_storage.holds(held.original.name)
    assert finding_photo_clean(photo_pk=held.pk) == "nothing to do"


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_serves_the_photo_without_its_gps_position(
    walk, coordinator, client_for, media_storage
):
    finding, _created = record(walk, coordinator)
    with celery_worker(env=media_storage.env):
        held, _created = finding_photo_add(
            finding=finding, by=coordinator, submission_key=uuid.uuid4(), upload=photo()
        )
        deadline = time.monotonic() + 60
        while not FindingPhoto.objects.get(pk=held.pk).is_ready:
            assert time.monotonic() < deadline, "the worker did not clean the photo in 60 s"
            time.sleep(0.2)
    served = client_for(coordinator).get(_urls(walk, held)[0])
    assert served.status_code == 200
    with Image.open(io.BytesIO(b"".join(served.streaming_content))) as image:
        exif = image.getexif()
        assert exif.get_ifd(0x8825) == {}
        assert dict(exif) == {}
    assert not FindingPhoto.objects.get(pk=held.pk).original


@pytest.fixture
def done_walk(arboga, coordinator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    walk = held_walk(arboga, coordinator)
    lamp = finding_on(walk)
    streets = street_department(arboga)
    for title in ("Byt lamporna", "Måla om tunneln"):
        measure = measure_create(
            municipality=arboga,
            by=coordinator,
            findings=[lamp],
            title=title,
            responsible=streets,
            due_on=datetime.date(2026, 1, 10),
        )
        measure_status_set(
            measure=measure,
            by=coordinator,
            status="done",
            done_note="Klart.",
            done_photo=SimpleUploadedFile("klart.jpg", jpeg(), "image/jpeg"),
        )
    return walk


def test_the_coordinator_chooses_which_done_photos_residents_see(
    client, client_for, coordinator, done_walk
):
    lamps, tunnel = done_walk.municipality.measures.order_by("title")
    staff = client_for(coordinator)
    report = staff.get(reverse("walk_report", args=[done_walk.pk])).content.decode()
    assert f'name="public_measure" value="{lamps.pk}"' in report
    staff.post(
        reverse("walk_photos_public", args=[done_walk.pk]),
        {"public_measure": [str(lamps.pk), "²", "x"]},
    )
    client.logout()
    code = done_walk.municipality.code
    page = client.get(reverse("public_walk_follow_up", args=[code, done_walk.pk])).content.decode()
    shown = reverse("public_measure_photo", args=[code, done_walk.pk, lamps.pk])
    hidden = reverse("public_measure_photo", args=[code, done_walk.pk, tunnel.pk])
    assert shown in page
    assert hidden not in page
    assert client.get(shown).status_code == 200
    assert client.get(hidden).status_code == 404
    # Another walk's address, or a measure reopened, shows nothing.
    other = held_walk(done_walk.municipality, coordinator)
    assert (
        client.get(reverse("public_measure_photo", args=[code, other.pk, lamps.pk])).status_code
        == 404
    )
    measure_status_set(measure=lamps, by=coordinator, status="in_progress")
    assert client.get(shown).status_code == 404

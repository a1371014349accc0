"""Recording on a walk: a finding is filed once per key, even when the phone sends it twice at
the same moment; a place outside the municipality, a cancelled or coming walk and a stranger are
refused with a message; photos lose their EXIF; audits and participants are kept."""

import io
import threading
import uuid

import pytest
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import translation
from PIL import Image

from dialogues.walks.categories import (
    DEFAULT_CATEGORIES,
    finding_categories,
    finding_category_add,
    finding_category_update,
)
from dialogues.walks.models import Finding, FindingPhoto, ParticipantCount, StretchAudit
from dialogues.walks.recording import (
    finding_photo_add,
    finding_record,
    participants_set,
    stretch_audit_record,
)
from dialogues.walks.services import safety_walk_cancel
from tests.dialogues.walks.helpers import announced_walk, inside, walk_under_way
from tests.reports.conftest import jpeg_with_gps


def record(walk, by, key=None, **changes):
    """Record a lighting finding at the walk's municipality's centre; return (finding, created)."""
    arguments = {
        "walk": walk,
        "by": by,
        "submission_key": key or uuid.uuid4(),
        "category": finding_categories(walk.municipality).get(code="lighting"),
        "position": inside(walk.municipality, 50, 50),
        "description": "Gatlampan är trasig.",
        "unsafe": 4,
        **changes,
    }
    return finding_record(**arguments)


def photo(name="lamp.jpg"):
    return SimpleUploadedFile(name, jpeg_with_gps(), "image/jpeg")


def test_a_municipality_gets_the_default_categories_once_in_swedish(arboga):
    with translation.override("en"):
        first = list(finding_categories(arboga))
    again = list(finding_categories(arboga))
    assert [c.code for c in first] == [code for code, _name in DEFAULT_CATEGORIES]
    assert first == again
    assert finding_categories(arboga).get(code="lighting").name == "Belysning"


def test_a_finding_sent_twice_is_recorded_once(walk, coordinator):
    key = uuid.uuid4()
    first, created = record(walk, coordinator, key, photos=[photo()])
    again, created_again = record(walk, coordinator, key, photos=[photo()])
    assert (created, created_again) == (True, False)
    assert again == first
    assert Finding.objects.count() == 1
    assert FindingPhoto.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_finding_sent_twice_at_the_same_moment_is_recorded_once(arboga, coordinator):
    walk = walk_under_way(arboga, coordinator)
    key = uuid.uuid4()
    start = threading.Barrier(4)
    results, errors = [], []

    def send():
        try:
            start.wait()
            results.append(record(walk, coordinator, key))
        except Exception as error:  # noqa: BLE001 - the test reports any failure of a thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Finding.objects.count() == 1
    assert sorted(created for _finding, created in results) == [False, False, False, True]
    assert {finding.pk for finding, _created in results} == {Finding.objects.get().pk}


def test_a_finding_outside_the_municipality_is_refused_in_swedish(walk, coordinator, kungsor):
    centre = kungsor.boundary.centroid
    with translation.override("sv"), pytest.raises(ValidationError) as refused:
        record(walk, coordinator, position=Point(centre.x, centre.y, srid=centre.srid))
    assert refused.value.message_dict["position"] == [
        "Positionen ligger i Kungsör, inte i Arboga. Kontrollera platsen."
    ]
    assert Finding.objects.count() == 0


def test_nothing_is_recorded_on_a_cancelled_or_coming_walk(arboga, coordinator):
    coming = announced_walk(arboga, coordinator)
    with translation.override("sv"), pytest.raises(ValidationError) as refused:
        record(coming, coordinator)
    assert "från den dagen" in str(refused.value)
    cancelled = walk_under_way(arboga, coordinator, title="Inställd")
    safety_walk_cancel(walk=cancelled, by=coordinator, reason="Storm.")
    cancelled.refresh_from_db()
    with pytest.raises(ValidationError, match="inställd"):
        record(cancelled, coordinator)
    assert Finding.objects.count() == 0


def test_staff_of_the_municipality_record_and_others_are_refused(
    walk, reporter, police, council_member, outsider
):
    for user in (reporter, police, council_member):
        assert record(walk, user)[1] is True
    with pytest.raises(ValidationError, match="Arboga"):
        record(walk, outsider)
    assert Finding.objects.count() == 3


def test_another_municipalitys_or_a_retired_category_is_refused(walk, coordinator, kungsor):
    with pytest.raises(ValidationError) as refused:
        record(walk, coordinator, category=finding_categories(kungsor).first())
    assert "category" in refused.value.message_dict
    retired = finding_categories(walk.municipality).get(code="other")
    finding_category_update(
        category=retired, by=coordinator, name=retired.name, position=99, active=False
    )
    with pytest.raises(ValidationError, match="Arbogas kategorier"):
        record(walk, coordinator, category=retired)


@pytest.mark.usefixtures("media_storage")
def test_photos_lose_their_exif_and_a_resent_photo_is_stored_once(
    walk, coordinator, django_capture_on_commit_callbacks
):
    finding, _created = record(walk, coordinator)
    key = uuid.uuid4()
    with django_capture_on_commit_callbacks(execute=True) as queued:
        stored, created = finding_photo_add(
            finding=finding, by=coordinator, submission_key=key, upload=photo()
        )
        again, created_again = finding_photo_add(
            finding=finding, by=coordinator, submission_key=key, upload=photo()
        )
    assert (created, created_again, again) == (True, False, stored)
    assert len(queued) == 1
    stored.refresh_from_db()
    with stored.image.open("rb") as file:
        data = file.read()
    assert dict(Image.open(io.BytesIO(data)).getexif()) == {}
    assert b"Test Camera X100" not in data


def test_a_file_that_is_not_an_image_is_refused_with_everything_else(walk, coordinator):
    text = SimpleUploadedFile("notes.jpg", b"not a photo", "image/jpeg")
    with pytest.raises(ValidationError) as refused:
        record(walk, coordinator, description="", photos=[text])
    assert set(refused.value.message_dict) == {"photo", "description"}


def test_an_audit_is_kept_once_with_parameters_not_judged(walk, coordinator):
    key = uuid.uuid4()
    scores = {"lighting": 1, "openness": 4, "feeling": 2}
    audit, created = stretch_audit_record(
        walk=walk,
        by=coordinator,
        submission_key=key,
        stretch=2,
        stretch_name="Tunneln",
        scores=scores,
    )
    _again, created_again = stretch_audit_record(
        walk=walk, by=coordinator, submission_key=key, stretch=2, scores=scores
    )
    assert (created, created_again) == (True, False)
    saved = StretchAudit.objects.get()
    assert (saved.lighting, saved.visibility, saved.stretch_name) == (1, None, "Tunneln")
    with pytest.raises(ValidationError):
        stretch_audit_record(
            walk=walk,
            by=coordinator,
            submission_key=uuid.uuid4(),
            stretch=1,
            scores={"lighting": 6},
        )


def test_participants_are_counts_by_group_and_zero_removes_one(walk, coordinator):
    participants_set(walk=walk, by=coordinator, counts={"residents": 12, "police": 2})
    participants_set(walk=walk, by=coordinator, counts={"residents": 14, "police": 0})
    assert list(ParticipantCount.objects.values_list("group", "count")) == [("residents", 14)]


def test_the_coordinator_keeps_the_list_of_categories(arboga, coordinator):
    added = finding_category_add(municipality=arboga, by=coordinator, name="Hundrastgård")
    assert added.position == len(DEFAULT_CATEGORIES) + 1
    with pytest.raises(ValidationError):
        finding_category_add(municipality=arboga, by=coordinator, name=" hundrastgård ")

"""The purge: on time, across daylight-saving changes, never under a legal hold, one run at a
time, and never silently past a failed deletion."""

import datetime
import threading
import time
import zoneinfo

import pytest
from django.core import mail
from django.core.files.storage import default_storage, storages
from django.core.management import call_command
from django.db import connection, connections

from cameras.models import DeletionReceipt, Footage, purge_time
from cameras.purge import PURGE_LOCK_KEY, footage_purge_due
from cameras.services import footage_create, legal_hold_release, legal_hold_set
from tests.cameras.factories import MP4_HEADER, CameraFactory, FootageFactory

# Every test twice: footage on the local disk and in an S3-compatible bucket.
pytestmark = pytest.mark.usefixtures("media_storage")

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
UTC = datetime.UTC


def local(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=STOCKHOLM)


@pytest.fixture
def camera(arboga):
    return CameraFactory(municipality=arboga)


def clip(camera, *, ends_at, by=None):
    from django.core.files.base import ContentFile

    return footage_create(
        camera=camera,
        recorded_from=ends_at - datetime.timedelta(minutes=5),
        recorded_until=ends_at,
        file=ContentFile(MP4_HEADER + b"frames", name="clip.mp4"),
        description="Person i röd jacka vid entrén",
        by=by,
        now=ends_at + datetime.timedelta(minutes=1),
    )


def test_purge_time_is_end_plus_retention_in_utc():
    ends_at = local(2026, 6, 1, 12, 0)
    assert purge_time(ends_at=ends_at, retention=datetime.timedelta(hours=72)) == datetime.datetime(
        2026, 6, 4, 10, 0, tzinfo=UTC
    )


def test_purge_time_refuses_naive_datetimes():
    with pytest.raises(ValueError, match="aware"):
        purge_time(ends_at=datetime.datetime(2026, 6, 1), retention=datetime.timedelta(hours=1))  # noqa: DTZ001


def test_footage_is_kept_until_its_purge_time_and_deleted_exactly_then(camera):
    footage = clip(camera, ends_at=local(2026, 6, 1, 12, 0))
    name = footage.file.name
    assert default_storage.exists(name)

    result = footage_purge_due(now=local(2026, 6, 4, 11, 59, 59))
    assert result.deleted == []
    assert default_storage.exists(name)

    result = footage_purge_due(now=local(2026, 6, 4, 12, 0))
    assert result.deleted == [footage.pk]
    assert not default_storage.exists(name)
    footage.refresh_from_db()
    assert footage.purged_at is not None
    assert footage.file.name == ""
    assert footage.description == ""


@pytest.mark.parametrize(
    ("ends_at", "last_kept", "first_purged"),
    [
        # Spring forward (29 March 2026, 02:00 -> 03:00): 72 real hours end at 13:00 local, not
        # at 12:00 as counting on the wall clock would.
        (local(2026, 3, 28, 12, 0), local(2026, 3, 31, 12, 59), local(2026, 3, 31, 13, 0)),
        # Fall back (25 October 2026, 03:00 -> 02:00): they end at 11:00 local, not 12:00.
        (local(2026, 10, 24, 12, 0), local(2026, 10, 27, 10, 59), local(2026, 10, 27, 11, 0)),
    ],
)
def test_retention_counts_real_hours_across_daylight_saving(
    camera, ends_at, last_kept, first_purged
):
    footage = clip(camera, ends_at=ends_at)
    assert footage.purge_at - ends_at == datetime.timedelta(hours=72)

    assert footage_purge_due(now=last_kept).deleted == []
    assert footage_purge_due(now=first_purged).deleted == [footage.pk]


def test_a_legal_hold_stops_the_purge_until_released(camera, coordinator):
    footage = clip(camera, ends_at=local(2026, 6, 1, 12, 0))
    hold = legal_hold_set(
        footage=footage,
        reason="Polisen har begärt ut klippet",
        police_reference="K-1",
        by=coordinator,
    )
    late = local(2026, 6, 10, 12, 0)

    assert footage_purge_due(now=late).deleted == []
    assert default_storage.exists(footage.file.name)
    assert not Footage.objects.overdue(late).exists(), "held footage is not overdue"

    legal_hold_release(hold=hold, reason="Polisen har fått en kopia", by=coordinator)
    hold.refresh_from_db()
    assert hold.released_by == coordinator
    assert footage_purge_due(now=late).deleted == [footage.pk]


def test_running_twice_deletes_once_and_keeps_one_receipt(camera):
    footage = clip(camera, ends_at=local(2026, 6, 1, 12, 0))
    now = local(2026, 6, 5, 0, 0)
    assert footage_purge_due(now=now).deleted == [footage.pk]
    assert footage_purge_due(now=now).deleted == []
    assert DeletionReceipt.objects.filter(footage=footage).count() == 1


def test_the_receipt_holds_no_personal_data(camera):
    footage = clip(camera, ends_at=local(2026, 6, 1, 12, 0))
    footage_purge_due(now=local(2026, 6, 5, 0, 0))
    receipt = DeletionReceipt.objects.get(footage=footage)
    assert receipt.file_size == len(MP4_HEADER + b"frames")
    assert len(receipt.file_sha256) == 64
    values = [str(getattr(receipt, f.attname)) for f in DeletionReceipt._meta.fields]
    assert not any("röd jacka" in value or "clip" in value for value in values)
    assert receipt.purge_at == footage.purge_at


def test_a_file_already_gone_counts_as_deleted(camera):
    footage = clip(camera, ends_at=local(2026, 6, 1, 12, 0))
    default_storage.delete(footage.file.name)
    assert footage_purge_due(now=local(2026, 6, 5, 0, 0)).deleted == [footage.pk]
    assert DeletionReceipt.objects.get(footage=footage).file_size is None


def test_a_failed_deletion_is_kept_retried_and_raised_to_the_coordinator(
    camera, coordinator, client_for, monkeypatch
):
    footage = clip(camera, ends_at=local(2026, 6, 1, 12, 0))
    name = footage.file.name
    now = local(2026, 6, 5, 0, 0)

    def broken(self, name):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(type(storages["default"]), "delete", broken)
    result = footage_purge_due(now=now)
    assert result.failed == [footage.pk]
    footage.refresh_from_db()
    assert footage.purged_at is None
    assert footage.delete_attempts == 1
    assert "read-only" in footage.last_error
    assert default_storage.exists(footage.file.name)
    assert not DeletionReceipt.objects.exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [coordinator.email]
    assert camera.name in mail.outbox[0].body
    assert "röd jacka" not in mail.outbox[0].body

    # The dashboard shows it to the coordinator.
    page = client_for(coordinator).get("/cameras/purges/")
    assert "read-only file system" in page.content.decode()

    # The next run tries again, without another e-mail, and succeeds once storage works.
    footage_purge_due(now=now)
    footage.refresh_from_db()
    assert footage.delete_attempts == 2
    assert len(mail.outbox) == 1
    monkeypatch.undo()
    assert footage_purge_due(now=now).deleted == [footage.pk]
    footage.refresh_from_db()
    assert footage.last_error == ""
    assert not default_storage.exists(name)


def test_a_purge_does_nothing_while_another_holds_the_lock(camera):
    footage = clip(camera, ends_at=local(2026, 6, 1, 12, 0))
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("select pg_try_advisory_lock(%s)", [PURGE_LOCK_KEY])
            assert cursor.fetchone()[0]
        result = footage_purge_due(now=local(2026, 6, 5, 0, 0))
        assert not result.ran
        assert default_storage.exists(footage.file.name)
    finally:
        with other.cursor() as cursor:
            cursor.execute("select pg_advisory_unlock(%s)", [PURGE_LOCK_KEY])
        other.close()
    result = footage_purge_due(now=local(2026, 6, 5, 0, 0))
    assert result.ran
    assert result.deleted == [footage.pk], result


@pytest.mark.django_db(transaction=True)
def test_two_purges_at_once_delete_every_file_exactly_once(arboga, monkeypatch):
    camera = CameraFactory(municipality=arboga)
    clips = [FootageFactory(camera=camera) for _ in range(4)]
    now = max(footage.purge_at for footage in clips) + datetime.timedelta(minutes=1)
    deleted = []
    storage_class = type(storages["default"])
    real_delete = storage_class.delete

    def slow_delete(self, name):
        time.sleep(0.2)  # long enough for the runs to overlap
        deleted.append(name)
        real_delete(self, name)

    monkeypatch.setattr(storage_class, "delete", slow_delete)
    start = threading.Barrier(2)
    results = []

    def run():
        try:
            start.wait()
            results.append(footage_purge_due(now=now))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(deleted) == sorted(footage.file.name for footage in clips)
    assert sum(len(result.deleted) for result in results) == 4
    assert [result.ran for result in results].count(False) == 1
    assert DeletionReceipt.objects.count() == 4


def test_the_command_runs_the_purge(camera, capsys):
    footage = FootageFactory(
        camera=camera,
        recorded_until=local(2026, 1, 1, 12, 0),
        recorded_from=local(2026, 1, 1, 11, 0),
    )
    call_command("purge_footage")
    assert "1 deleted, 0 failed" in capsys.readouterr().out
    footage.refresh_from_db()
    assert footage.purged_at is not None


def test_the_beat_task_is_scheduled_and_runs(settings, camera):
    from cameras.tasks import purge_footage

    assert settings.CELERY_BEAT_SCHEDULE["cameras-purge"]["task"] == purge_footage.name
    assert settings.CELERY_BEAT_SCHEDULE["cameras-purge"]["schedule"] <= 600
    FootageFactory(
        camera=camera,
        recorded_until=local(2026, 1, 1, 12, 0),
        recorded_from=local(2026, 1, 1, 11, 0),
    )
    assert purge_footage.delay().get() == "1 deleted, 0 failed"


def test_the_dashboard_lists_overdue_and_next_purges(camera, coordinator, client_for):
    overdue = FootageFactory(
        camera=camera,
        recorded_until=local(2026, 1, 1, 12, 0),
        recorded_from=local(2026, 1, 1, 11, 0),
    )
    upcoming = FootageFactory(camera=camera)
    page = client_for(coordinator).get("/cameras/purges/")
    assert page.status_code == 200
    assert list(page.context["overdue"]) == [overdue]
    assert list(page.context["upcoming"]) == [upcoming]


def test_a_changed_retention_moves_kept_purge_times_by_real_hours_across_dst(camera, coordinator):
    from cameras.services import camera_update

    footage = clip(camera, ends_at=local(2026, 3, 27, 12, 0))
    camera_update(
        camera=camera,
        by=coordinator,
        retention_hours=7 * 24,
        retention_justification="Skadegörelse på skolan upptäcks ofta först efter helgen.",
    )
    footage.refresh_from_db()
    # The database adds "7 days" in UTC: 168 real hours, though the clocks moved on 29 March.
    assert footage.purge_at - footage.recorded_until == datetime.timedelta(hours=168)
    assert footage.purge_at == local(2026, 4, 3, 13, 0)

"""The purge task through a real Celery worker process, against the test database."""

import datetime

import pytest
from celery.result import EagerResult

from cameras.models import DeletionReceipt
from cameras.tasks import purge_footage
from tests.cameras.factories import CameraFactory, FootageFactory
from tests.worker import celery_worker


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_purge_task_runs_in_a_real_worker(arboga, media_storage):
    footage = FootageFactory(
        camera=CameraFactory(municipality=arboga),
        recorded_from=datetime.datetime(2026, 1, 1, 10, tzinfo=datetime.UTC),
        recorded_until=datetime.datetime(2026, 1, 1, 11, tzinfo=datetime.UTC),
    )
    name = footage.file.name
    assert media_storage.holds(name)
    # The worker reads where the test's footage is (a directory or a bucket) from its
    # environment, as a worker on another machine would.
    with celery_worker(env=media_storage.env):
        result = purge_footage.delay()
        assert not isinstance(result, EagerResult)
        assert result.get(timeout=60) == "1 deleted, 0 failed"
    assert DeletionReceipt.objects.filter(footage=footage).exists()
    assert not media_storage.holds(name)

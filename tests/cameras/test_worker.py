"""The purge task through a real Celery worker process, against the test database."""

import datetime

import pytest
from celery.result import EagerResult
from django.conf import settings
from django.core.files.storage import default_storage

from cameras.models import DeletionReceipt
from cameras.tasks import purge_footage
from tests.cameras.factories import CameraFactory, FootageFactory
from tests.worker import celery_worker


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_purge_task_runs_in_a_real_worker(arboga, monkeypatch):
    footage = FootageFactory(
        camera=CameraFactory(municipality=arboga),
        recorded_from=datetime.datetime(2026, 1, 1, 10, tzinfo=datetime.UTC),
        recorded_until=datetime.datetime(2026, 1, 1, 11, tzinfo=datetime.UTC),
    )
    assert default_storage.exists(footage.file.name)
    # The worker reads the test's footage directory from the environment it inherits.
    monkeypatch.setenv("MEDIA_ROOT", str(settings.MEDIA_ROOT))
    with celery_worker():
        result = purge_footage.delay()
        assert not isinstance(result, EagerResult)
        assert result.get(timeout=60) == "1 deleted, 0 failed"
    assert DeletionReceipt.objects.filter(footage=footage).exists()
    assert not default_storage.exists(footage.file.name)

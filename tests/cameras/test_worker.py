"""The purge task through a real Celery worker process, against the test database."""

import datetime
import os
import subprocess
import uuid

import pytest
from celery.result import EagerResult
from django.conf import settings
from django.db import connection

from cameras.models import DeletionReceipt
from cameras.tasks import purge_footage
from est.celery import app
from tests.cameras.factories import CameraFactory, FootageFactory


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_purge_task_runs_in_a_real_worker(arboga):
    footage = FootageFactory(
        camera=CameraFactory(municipality=arboga),
        recorded_from=datetime.datetime(2026, 1, 1, 10, tzinfo=datetime.UTC),
        recorded_until=datetime.datetime(2026, 1, 1, 11, tzinfo=datetime.UTC),
    )
    db = connection.settings_dict
    queue = f"test-{uuid.uuid4().hex[:8]}"  # no other worker takes our task
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "est.settings.test",
        "DATABASE_URL": (
            f"postgis://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        ),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    worker = subprocess.Popen(  # noqa: S603 - our own virtualenv's celery, fixed arguments
        [
            str(settings.BASE_DIR / ".venv" / "bin" / "celery"),
            "-A",
            "est",
            "worker",
            "--pool=solo",
            "--queues",
            queue,
            "--without-mingle",
            "--without-gossip",
            "--loglevel=WARNING",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        result = purge_footage.apply_async(queue=queue)
        assert not isinstance(result, EagerResult)
        assert result.get(timeout=60) == "1 deleted, 0 failed"
    finally:
        app.conf.task_always_eager = eager
        worker.terminate()
        worker.wait(timeout=20)
    assert DeletionReceipt.objects.filter(footage=footage).exists()

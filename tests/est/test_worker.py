"""Background work through a real Celery worker process and the real Redis broker."""

import time

import pytest
from django.core.cache import cache
from django.db import transaction

from est.health import HEARTBEAT_KEY, health_checks
from est.tasks import heartbeat
from tests.worker import celery_worker


def wait_for(condition, seconds=20):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.2)


@pytest.mark.worker
def test_task_queued_on_commit_runs_in_the_worker_and_health_sees_it(transactional_db):
    with celery_worker():
        with transaction.atomic():
            heartbeat.delay_on_commit()
            # Nothing is sent before the transaction commits.
            time.sleep(1)
            assert cache.get(HEARTBEAT_KEY) is None
        wait_for(lambda: cache.get(HEARTBEAT_KEY) is not None)
        checks = {check.name: check for check in health_checks()}
        assert checks["worker"].ok, checks["worker"].detail
        assert checks["beat"].ok

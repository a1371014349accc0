"""Exactly one beat: a second beat started beside the first sends nothing, and takes over
when the first stops. Two schedulers of the kind `celery beat` runs, on the test Redis, send
the heartbeat to the task queue (no worker reads it here), where the messages are counted."""

import time

import pytest
import redis
from django.conf import settings

import est.tasks  # noqa: F401 -- the heartbeat task registered, as in a running beat
from est.celery import app
from est.single_beat import SingleBeatScheduler

QUEUE = app.conf.task_default_queue


@pytest.fixture
def queue():
    """Redis, with the list of the messages sent to QUEUE emptied before and after the test
    (tests run tasks eagerly: nothing else waits there)."""
    client = redis.Redis.from_url(settings.REDIS_URL)
    client.delete(QUEUE)
    yield client
    client.delete(QUEUE)


@pytest.fixture
def every_tenth_of_a_second(monkeypatch):
    """Beat's schedule: the heartbeat, ten times a second, sent to Redis as a real beat sends
    it (the test settings would run it in this process instead)."""
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    monkeypatch.setitem(
        app.conf,
        "beat_schedule",
        {
            "heartbeat": {
                "task": "est.tasks.heartbeat",
                "schedule": 0.1,
            }
        },
    )


def beat(folder, name) -> SingleBeatScheduler:
    return SingleBeatScheduler(app=app, schedule_filename=str(folder / name))


def heartbeats_sent(scheduler: SingleBeatScheduler, queue) -> int:
    """Tick ``scheduler`` for half a second; return how many heartbeats it sent."""
    queue.delete(QUEUE)
    deadline = time.monotonic() + 0.5
    while time.monotonic() < deadline:
        time.sleep(max(0, min(scheduler.tick(), 0.05)))
    return queue.llen(QUEUE)


def test_a_second_beat_stands_by_and_takes_over_when_the_first_stops(
    every_tenth_of_a_second, queue, tmp_path
):
    first, second = beat(tmp_path, "first"), beat(tmp_path, "second")
    try:
        assert heartbeats_sent(first, queue) >= 3
        assert heartbeats_sent(second, queue) == 0
        assert heartbeats_sent(first, queue) >= 3
        first.close()
        assert heartbeats_sent(second, queue) >= 3
    finally:
        first.close()
        second.close()

"""A real Celery worker process, connected to the test database and the test Redis."""

import os
import subprocess
import sys
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import connection

from est.celery import app


def database_url() -> str:
    """Return the URL of the test database, for processes started by a test."""
    db = connection.settings_dict
    return f"postgis://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@contextmanager
def celery_worker(env: dict[str, str] | None = None):
    """Start ``celery worker`` as a separate process, with ``env`` added to its environment,
    wait until it answers, stop it after.

    While it runs, tasks are sent to Redis instead of running in the test's own process.
    """
    environment = {
        **os.environ,
        **(env or {}),
        "DJANGO_SETTINGS_MODULE": "est.settings.base",
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.REDIS_URL,
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "est",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
        ],
        cwd=settings.BASE_DIR,
        env=environment,
    )
    app.conf.task_always_eager = False
    try:
        # Generous: on a loaded 2-core machine a worker has taken over 30 s to start.
        deadline = time.monotonic() + 90
        while not app.control.inspect(timeout=0.5).ping():
            assert worker.poll() is None, "the Celery worker exited"
            assert time.monotonic() < deadline, "the Celery worker did not answer in 90 s"
        yield worker
    finally:
        app.conf.task_always_eager = True
        worker.terminate()
        worker.wait(timeout=30)

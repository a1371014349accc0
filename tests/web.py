"""EST's web app served by gunicorn in a process of its own, as on one machine of several,
connected to the test database and the test Redis."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings

from tests.worker import database_url


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def web_process(env: dict[str, str]) -> Iterator[str]:
    """Start gunicorn with EST on a free loopback port, with ``env`` added to the environment
    (where the uploaded files are), and yield its base URL; stop it after."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "est.wsgi", "--bind", f"127.0.0.1:{port}"],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            **env,
            "DJANGO_SETTINGS_MODULE": "est.settings.test",
            "DATABASE_URL": database_url(),
            "TEST_REDIS_URL": settings.REDIS_URL,
        },
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, "gunicorn exited"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not answer in 60 s"
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)

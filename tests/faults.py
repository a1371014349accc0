"""Stopping, starting and restarting the suite's real services in a test (bin/services)."""

import contextlib
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import redis
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def _redis() -> redis.Redis:
    return redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1)


def redis_answers() -> bool:
    """Return whether the suite's Redis answers a ping."""
    try:
        return _redis().ping()
    except redis.exceptions.ConnectionError:
        return False


def redis_stop() -> None:
    """Shut the suite's Redis down and wait until it no longer answers."""
    with contextlib.suppress(redis.exceptions.ConnectionError):
        # The server closes the connection as it goes: that is the answer.
        _redis().shutdown(nosave=True)
    for _ in range(50):
        if not redis_answers():
            return
        time.sleep(0.1)
    raise RuntimeError("Redis did not stop")


def redis_start() -> None:
    """Start the suite's Redis again (bin/services start; PostgreSQL is left as it is)."""
    subprocess.run([str(ROOT / "bin" / "services"), "start"], cwd=ROOT, check=True)


@contextmanager
def redis_stopped():
    """Stop the suite's Redis for the block and start it again after, whatever happens."""
    redis_stop()
    try:
        yield
    finally:
        redis_start()


def postgres_restart() -> None:
    """Restart the suite's PostgreSQL (fast: open connections are cut) and wait until it is up."""
    subprocess.run([str(ROOT / "bin" / "services"), "restart-postgres"], cwd=ROOT, check=True)

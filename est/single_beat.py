"""Exactly one beat, even when two are started: Celery beat's scheduler, sending scheduled tasks
only while it holds a lock in Redis.

Two beats would send every scheduled task twice. The tasks are safe to run twice, but mails and
PDFs are work: docker-compose runs one beat and is never scaled, and this lock makes a second
one (a redeploy's overlap, a beat started on a second machine by mistake) stand by. A standby
beat keeps following the schedule without sending anything, so that when the first one stops
(it lets go of the lock) or dies (the lock runs out) it takes over where the first left off,
instead of sending every task it would have sent meanwhile.
"""

import logging

import redis
from celery.beat import PersistentScheduler
from django.conf import settings
from redis.exceptions import LockError, RedisError

logger = logging.getLogger(__name__)

LOCK_KEY = "est:beat:lock"
#: A beat that dies without letting go keeps its lock this long: the most a standby beat waits.
LOCK_SECONDS = 60
#: How often beat looks at the lock at most, well within LOCK_SECONDS so that the one holding
#: it renews it in time.
RENEW_SECONDS = 15


class SingleBeatScheduler(PersistentScheduler):
    """Celery beat's own scheduler (last runs kept in the --schedule file), sending a due task
    only while this beat holds the Redis lock ``LOCK_KEY``."""

    max_interval = RENEW_SECONDS

    def __init__(self, *args, **kwargs):
        self._lock = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2
        ).lock(LOCK_KEY, timeout=LOCK_SECONDS, thread_local=False)
        self.sends = False
        super().__init__(*args, **kwargs)

    def _lock_hold(self) -> bool:
        """Take the lock or renew it; return whether this beat holds it now."""
        try:
            try:
                return self._lock.reacquire()
            except LockError:
                # Not taken yet, or run out and perhaps taken by another beat since.
                return self._lock.acquire(blocking=False)
        except RedisError as error:
            # Without Redis nothing can be sent anyway: Redis is the queue.
            logger.warning("beat: Redis cannot be reached for the lock: %s", error)
            return False

    def tick(self, *args, **kwargs):
        """Renew or take the lock, then run Celery's tick (which sends what is due only if
        this beat holds the lock); return the seconds until the next tick."""
        sends = self._lock_hold()
        if sends != self.sends:
            logger.info("beat: %s", "sending scheduled tasks" if sends else "standing by")
            self.sends = sends
        return super().tick(*args, **kwargs)

    def apply_entry(self, entry, producer=None):
        """Send ``entry``'s task when this beat holds the lock; a standby beat only lets the
        entry's time pass, as the beat that sends it does."""
        if self.sends:
            super().apply_entry(entry, producer=producer)
        else:
            logger.debug("beat: standing by, %s left to the beat holding the lock", entry.name)

    def close(self):
        """Close the schedule file and let go of the lock, so that a standby beat takes over
        at its next tick rather than when the lock runs out."""
        super().close()
        if self.sends:
            try:
                self._lock.release()
            except (LockError, RedisError) as error:
                logger.warning("beat: could not let go of the lock: %s", error)
            self.sends = False

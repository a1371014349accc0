"""The outside services EST depends on (PostgreSQL and Redis), and what to say when one is down."""

import logging

import django.db
import kombu.exceptions
import redis.exceptions
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

#: Exceptions that mean PostgreSQL or Redis could not be reached.
ServiceUnavailable = (
    django.db.OperationalError,
    django.db.InterfaceError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    kombu.exceptions.OperationalError,
)


def unavailable_service(error: BaseException) -> str:
    """Return "database" or "redis": which service the connection error came from."""
    if isinstance(error, django.db.OperationalError | django.db.InterfaceError):
        return "database"
    return "redis"


def explain_unavailable(error: BaseException) -> str:
    """Return one sentence that tells which service is down and what to do about it."""
    if unavailable_service(error) == "database":
        return _(
            "The database cannot be reached: check that PostgreSQL is running and that "
            "DATABASE_URL is right (bin/services start starts the local one)."
        )
    return _(
        "Redis cannot be reached: check that Redis is running and that REDIS_URL is right "
        "(bin/services start starts the local one)."
    )


def task_queue(task, *args) -> bool:
    """Queue ``task`` with ``args`` and return True, or return False when Redis (the queue)
    cannot be reached. Only for work whose state is kept in the database: what asked for it has
    been saved and stays saved, and a beat task queues the work again once Redis is back."""
    try:
        # No result is read from this work (its state is in the database); asking for none also
        # keeps Celery from subscribing to the result in Redis, which fails otherwise.
        task.apply_async(args, ignore_result=True)
    except ServiceUnavailable as error:
        logger.warning("%s%r not queued, Redis cannot be reached: %s", task.name, args, error)
        return False
    return True

"""The outside services EST depends on (PostgreSQL, Redis and, when configured, the object
storage), and what to say when one is down."""

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


def storage_unreachable(error: BaseException) -> bool:
    """Return whether ``error`` says that the object storage (an S3-compatible server) could not
    be reached or did not answer in time."""
    if not type(error).__module__.startswith("botocore"):
        # Only a process that stores files in a bucket has botocore loaded; others never need to.
        return False
    from botocore.exceptions import ConnectionError as BotoConnectionError
    from botocore.exceptions import HTTPClientError

    return isinstance(error, BotoConnectionError | HTTPClientError)


def unavailable_service(error: BaseException) -> str:
    """Return "database", "redis" or "storage": which service the connection error came from."""
    if isinstance(error, django.db.OperationalError | django.db.InterfaceError):
        return "database"
    if storage_unreachable(error):
        return "storage"
    return "redis"


def explain_unavailable(error: BaseException) -> str:
    """Return one sentence that tells which service is down and what to do about it."""
    service = unavailable_service(error)
    if service == "storage":
        return _(
            "The file storage cannot be reached: check that the object storage is running and "
            "that S3_ENDPOINT_URL is right."
        )
    if service == "database":
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

"""The outside services EST depends on (PostgreSQL and Redis), and what to say when one is down."""

import django.db
import kombu.exceptions
import redis.exceptions
from django.utils.translation import gettext as _

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

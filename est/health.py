"""Health of the parts EST runs on: database, PostGIS, Redis, the Celery worker and beat."""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils.translation import gettext as _

from .celery import app
from .services import ServiceUnavailable

HEARTBEAT_KEY = "est:heartbeat"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def _database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("select version()")
            version = cursor.fetchone()[0].split(" on ")[0]
    except ServiceUnavailable as error:
        return Check("database", False, str(error).strip().splitlines()[0])
    return Check("database", True, version)


def _postgis() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("select postgis_lib_version()")
            version = cursor.fetchone()[0]
    except Exception as error:  # noqa: BLE001 - any failure here means PostGIS is not usable
        return Check("postgis", False, str(error).strip().splitlines()[0])
    return Check("postgis", True, f"PostGIS {version}")


def _redis() -> Check:
    try:
        cache.set("est:health", "ok", 10)
        ok = cache.get("est:health") == "ok"
    except ServiceUnavailable as error:
        return Check("redis", False, str(error))
    return Check("redis", ok, _("answers") if ok else _("does not keep values"))


def _worker() -> Check:
    try:
        replies = app.control.inspect(timeout=1.0).ping() or {}
    except ServiceUnavailable as error:
        return Check("worker", False, str(error))
    if not replies:
        return Check("worker", False, _("no Celery worker answers"))
    return Check("worker", True, ", ".join(sorted(replies)))


def _beat() -> Check:
    try:
        last = cache.get(HEARTBEAT_KEY)
    except ServiceUnavailable as error:
        return Check("beat", False, str(error))
    if last is None:
        return Check("beat", False, _("no heartbeat yet: is celery beat running?"))
    age = time.time() - last
    ok = age <= settings.HEARTBEAT_MAX_AGE.total_seconds()
    return Check("beat", ok, _("last heartbeat %(seconds)d s ago") % {"seconds": age})


def health_checks() -> list[Check]:
    """Return the state of the database, PostGIS, Redis, the worker and beat, in that order."""
    return [_database(), _postgis(), _redis(), _worker(), _beat()]


def heartbeat_record() -> None:
    """Record that a beat-scheduled task reached a worker just now (read by the beat check)."""
    cache.set(HEARTBEAT_KEY, time.time(), timeout=None)

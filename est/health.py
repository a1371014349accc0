"""Health of the parts EST runs on: database, PostGIS, Redis, the file storage, the Celery worker
and beat; and,
as warnings that do not make EST unhealthy, how the scheduled polls of outside sources went."""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.utils.translation import gettext as _

from .celery import app
from .outages import ServiceUnavailable

HEARTBEAT_KEY = "est:heartbeat"
POLL_KEY = "est:poll:{name}"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    #: False for what EST works without (an outside source): failing, it is only a warning.
    required: bool = True


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


def _storage() -> Check:
    # Writing and deleting a small file is what uploads and the footage purge need; merely
    # asking for a name would not tell a missing bucket from a missing file.
    try:
        probe = default_storage.save("health/probe", ContentFile(b"ok"))
        default_storage.delete(probe)
    except Exception as error:  # noqa: BLE001 - whatever the storage says, the check reports it
        return Check("storage", False, f"{type(error).__name__}: {error}"[:300])
    bucket = settings.STORAGES["default"].get("OPTIONS", {}).get("bucket_name")
    where = _("bucket %(bucket)s") % {"bucket": bucket} if bucket else _("local files")
    return Check("storage", True, _("%(where)s: writes and deletes") % {"where": where})


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


def _ago(timestamp: float) -> str:
    return _("%(minutes)d min ago") % {"minutes": (time.time() - timestamp) // 60}


def _poll(name: str) -> Check:
    try:
        record = cache.get(POLL_KEY.format(name=name)) or {}
    except ServiceUnavailable as error:
        return Check(name, False, str(error), required=False)
    parts = []
    if "succeeded_at" in record:
        parts.append(
            _("last successful poll %(ago)s: %(detail)s")
            % {"ago": _ago(record["succeeded_at"]), "detail": record["detail"]}
        )
    else:
        parts.append(_("no successful poll yet"))
    failed = record.get("failed_at", 0) > record.get("succeeded_at", 0)
    if failed:
        parts.append(
            _("the last attempt failed %(ago)s: %(error)s")
            % {"ago": _ago(record["failed_at"]), "error": record["error"]}
        )
    return Check(name, "succeeded_at" in record and not failed, "; ".join(parts), required=False)


def health_checks() -> list[Check]:
    """Return the state of the database, PostGIS, Redis, the file storage, the worker and beat,
    in that order,
    then how each poll in ``settings.HEALTH_POLLS`` last went (not required)."""
    return [
        _database(),
        _postgis(),
        _redis(),
        _storage(),
        _worker(),
        _beat(),
        *(_poll(name) for name in settings.HEALTH_POLLS),
    ]


def poll_record(name: str, *, detail: str = "", error: str = "") -> None:
    """Record that the scheduled poll ``name`` just succeeded (saying ``detail``) or failed
    with ``error``; the health check shows when it last succeeded and whether it fails now."""
    key = POLL_KEY.format(name=name)
    record = cache.get(key) or {}
    if error:
        record.update(failed_at=time.time(), error=error)
    else:
        record.update(succeeded_at=time.time(), detail=detail)
    cache.set(key, record, timeout=None)


def heartbeat_record() -> None:
    """Record that a beat-scheduled task reached a worker just now (read by the beat check)."""
    cache.set(HEARTBEAT_KEY, time.time(), timeout=None)

"""Polling the Swedish Police's open events API (``POLICE_EVENTS_URL``) on beat's schedule.

The API's rules (polisen.se, "Regler för användning av polisens öppna data och API:er"): every
call names its application in the User-Agent and uses HTTPS; at least 10 seconds between calls,
at most 60 an hour and 1,440 a day; after a 404 the resource is gone for good and must not be
called again. Beat polls every 10 minutes: 144 calls a day.
"""

import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.core.cache import cache

from est.health import poll_record
from reports.incidents.police_events import (
    ImportResult,
    UnusableEvent,
    police_events_import,
    police_events_parse,
)

logger = logging.getLogger(__name__)

#: The name the poll's outcome is recorded under, shown by the health check.
POLL_NAME = "police-events"
#: The URL that answered 404: the API's rules forbid calling it again.
GONE_KEY = "reports:police-events:gone"
#: The API returns the latest 500 events, some 0.5 MB; far more is not the API.
MAX_BYTES = 20 * 1024 * 1024


class PoliceEventsGone(UnusableEvent):
    """The API answered 404: the resource is gone and must not be asked for again."""


def police_events_fetch(url: str, *, timeout: float) -> list[dict]:
    """Return the events the API at ``url`` gives now; raises UnusableEvent saying why not
    (PoliceEventsGone for a 404)."""
    request = urllib.request.Request(  # noqa: S310 - the URL is a setting, never user input
        url,
        headers={"User-Agent": settings.POLICE_EVENTS_USER_AGENT, "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            content = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        if error.code == 404:
            raise PoliceEventsGone(f"{url}: 404, the API says the resource is gone") from error
        raise UnusableEvent(f"{url}: HTTP {error.code}") from error
    except (urllib.error.URLError, OSError) as error:
        raise UnusableEvent(f"{url}: {getattr(error, 'reason', error)}") from error
    if len(content) > MAX_BYTES:
        raise UnusableEvent(f"{url}: the answer is larger than {MAX_BYTES} bytes")
    return police_events_parse(content, source=url)


def police_events_poll(*, url: str | None = None) -> ImportResult | None:
    """Fetch the API's latest events and import them as police_events_import does (by id: an
    event seen before is updated, never duplicated). Return what the import did, or None when
    the API could not be read: then a warning is logged, nothing is written, and the next tick
    tries again — unless the API answered 404, which stops the polling of that URL for good.
    The outcome is recorded for the health check."""
    url = url or settings.POLICE_EVENTS_URL
    if cache.get(GONE_KEY) == url:
        logger.error("Police events: %s answered 404 before; not polled again", url)
        return None
    try:
        events = police_events_fetch(url, timeout=settings.POLICE_EVENTS_TIMEOUT)
    except PoliceEventsGone as error:
        cache.set(GONE_KEY, url, timeout=None)
        logger.error("Police events: %s; polling stops until the URL is changed", error)
        poll_record(POLL_NAME, error=str(error))
        return None
    except UnusableEvent as error:
        logger.warning("Police events not fetched, trying again at the next tick: %s", error)
        poll_record(POLL_NAME, error=str(error))
        return None
    result = police_events_import(events=events)
    summary = f"{len(events)} events: {result}"
    logger.info("Police events polled: %s", summary)
    poll_record(POLL_NAME, detail=summary)
    return result

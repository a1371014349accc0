"""An optional Nominatim-compatible geocoder (settings.TIPS_GEOCODER_URL), asked server-side
when a tip's typed address is not in the local gazetteer. Never required: no URL, a timeout,
an error or an odd answer all mean "nothing found"."""

import json
import logging
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings

from est.models import Municipality

from .search import LONGEST, PlaceMatch

logger = logging.getLogger(__name__)

#: How many answers to ask for: enough that one inside the municipality is among them.
ASKED = 5


def _answers(url: str, text: str, extent) -> list:
    query = urllib.parse.urlencode(
        {
            "q": text[:LONGEST],
            "format": "jsonv2",
            "limit": ASKED,
            "countrycodes": "se",
            "viewbox": ",".join(f"{value:.5f}" for value in extent),
        }
    )
    request = urllib.request.Request(  # noqa: S310 - the URL is a setting, never user input
        f"{url.rstrip('/')}/search?{query}",
        headers={"User-Agent": settings.POLICE_EVENTS_USER_AGENT, "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(  # noqa: S310 - as above
            request, timeout=settings.TIPS_GEOCODER_TIMEOUT
        ) as response:
            answers = json.load(response)
    except (OSError, ValueError, urllib.error.URLError) as error:
        # The tip form goes on without it: the resident is told nothing was found.
        logger.warning("geocoder %s did not answer: %s", url, error)
        return []
    return answers if isinstance(answers, list) else []


def geocoder_search(municipality: Municipality, text: str) -> list[PlaceMatch]:
    """Return the configured geocoder's places for ``text`` (best first), each with the
    geocoder's name, or none when no geocoder is set or it fails. Places outside
    ``municipality`` are included: the caller tells the resident where they lie."""
    url = settings.TIPS_GEOCODER_URL
    if not url or not text.strip():
        return []
    extent = municipality.boundary.transform(settings.MAP_SRID, clone=True).extent
    found = []
    for answer in _answers(url, text, extent):
        try:
            latitude, longitude = float(answer["lat"]), float(answer["lon"])
            name = str(answer.get("display_name") or text)[:LONGEST]
        except (KeyError, TypeError, ValueError):
            continue
        if -90 <= latitude <= 90 and -180 <= longitude <= 180:
            found.append(PlaceMatch(name, "geocoder", latitude, longitude))
    return found

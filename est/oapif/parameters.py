"""The query parameters of OGC API – Features, parsed into what the items query needs.

Every malformed value raises ``ParameterInvalid`` with a message for the caller; the views
answer it with the standard's 400 and ``{"code", "description"}``.
"""

import datetime
from dataclasses import dataclass

from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from est.periods import local_midnight

#: WGS 84 longitude, latitude: the default of every response.
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
#: SWEREF 99 TM, in its axis order (northing, easting), as Part 2 asks of an EPSG CRS.
SWEREF99TM = "http://www.opengis.net/def/crs/EPSG/0/3006"
#: The CRSs offered, by URI: the SRID, whether the axes come northing first, and the decimals
#: that keep about a decimetre.
CRSS = {CRS84: (4326, False, 6), SWEREF99TM: (3006, True, 1)}

DEFAULT_LIMIT = 100
MAX_LIMIT = 10_000


class ParameterInvalid(ValueError):
    """A query parameter the request got wrong; the message says which and why."""


@dataclass(frozen=True)
class ItemsQuery:
    """What an items request asks for, parsed."""

    limit: int = DEFAULT_LIMIT
    #: (minx, miny, maxx, maxy) in ``bbox_srid``'s x/y order (easting, northing), or None
    bbox: tuple[float, float, float, float] | None = None
    bbox_srid: int = 4326
    #: the interval's first and last moment, either None for an open end; both None: no filter
    after: datetime.datetime | None = None
    before: datetime.datetime | None = None
    crs: str = CRS84
    #: the last feature id of the previous page, as text; None for the first page
    cursor: str | None = None


def crs_parse(value: str | None, name: str) -> str:
    """Return the CRS URI ``value`` names (CRS84 when absent)."""
    if not value:
        return CRS84
    uri = value.strip().strip("[]")
    if uri not in CRSS:
        raise ParameterInvalid(
            _("%(name)s: %(value)s is not offered; use %(offered)s.")
            % {"name": name, "value": value, "offered": " or ".join(CRSS)}
        )
    return uri


def limit_parse(value: str | None) -> int:
    """Return the page size ``value`` asks for, 1 to MAX_LIMIT (DEFAULT_LIMIT when absent)."""
    if value is None or value == "":
        return DEFAULT_LIMIT
    try:
        limit = int(value)
    except ValueError:
        limit = 0
    if not 1 <= limit <= MAX_LIMIT:
        raise ParameterInvalid(
            _("limit: %(value)s is not a whole number from 1 to %(max)s.")
            % {"value": value, "max": MAX_LIMIT}
        )
    return limit


def bbox_parse(value: str | None, crs: str) -> tuple[float, float, float, float] | None:
    """Return ``value`` (four numbers in ``crs``'s axis order) as (minx, miny, maxx, maxy) in
    easting/longitude-first order, or None when absent."""
    if not value:
        return None
    try:
        numbers = [float(part) for part in value.split(",")]
    except ValueError:
        numbers = []
    if len(numbers) == 6:  # with heights, which a flat map has no use for
        numbers = [numbers[0], numbers[1], numbers[3], numbers[4]]
    if len(numbers) != 4 or any(n != n or n in (float("inf"), float("-inf")) for n in numbers):
        raise ParameterInvalid(
            _("bbox: %(value)s is not four numbers separated by commas.") % {"value": value}
        )
    if CRSS[crs][1]:
        numbers = [numbers[1], numbers[0], numbers[3], numbers[2]]
    minx, miny, maxx, maxy = numbers
    if crs == CRS84 and not (-180 <= minx <= 180 and -180 <= maxx <= 180):
        raise ParameterInvalid(_("bbox: longitudes lie from -180 to 180."))
    if crs == CRS84 and not (-90 <= miny <= maxy <= 90):
        raise ParameterInvalid(_("bbox: latitudes lie from -90 to 90, the lower one first."))
    if minx > maxx or miny > maxy:
        raise ParameterInvalid(_("bbox: the lower corner comes first, then the upper corner."))
    return minx, miny, maxx, maxy


def _moment(text: str, *, end: bool) -> datetime.datetime | None:
    """Return the moment ``text`` names: an RFC 3339 date-time, or a date (its first moment, or
    with ``end`` its last, in local time); None for an open end ("..", or empty)."""
    if text in ("", ".."):
        return None
    moment = parse_datetime(text) if "T" in text.upper() else None
    if moment is not None:
        if moment.tzinfo is None:
            raise ParameterInvalid(
                _("datetime: %(value)s has no time zone; end it with Z or an offset.")
                % {"value": text}
            )
        return moment
    day = parse_date(text) if len(text) == 10 else None
    if day is None:
        raise ParameterInvalid(
            _("datetime: %(value)s is not an RFC 3339 date or date-time.") % {"value": text}
        )
    if end:
        return local_midnight(day + datetime.timedelta(days=1)) - datetime.timedelta(microseconds=1)
    return local_midnight(day)


def datetime_parse(value: str | None) -> tuple[datetime.datetime | None, datetime.datetime | None]:
    """Return ``value`` (an instant, or an interval ``start/end`` with ".." for an open end) as
    its first and last moment; (None, None) when absent."""
    if not value:
        return None, None
    try:
        if "/" in value:
            first, last = value.split("/")
            if first in ("", "..") and last in ("", ".."):
                raise ParameterInvalid(_("datetime: an interval needs at least one end."))
            after, before = _moment(first, end=False), _moment(last, end=True)
            if after and before and after > before:
                raise ParameterInvalid(_("datetime: the interval ends before it starts."))
            return after, before
        if value == "..":
            raise ParameterInvalid(_("datetime: an instant cannot be open."))
        return _moment(value, end=False), _moment(value, end=True)
    except ValueError as error:
        if isinstance(error, ParameterInvalid):
            raise
        raise ParameterInvalid(
            _("datetime: %(value)s is not an RFC 3339 date, date-time or interval.")
            % {"value": value}
        ) from error


def items_query(params) -> ItemsQuery:
    """Return the parsed ``params`` (a QueryDict) of an items request."""
    crs = crs_parse(params.get("crs"), "crs")
    bbox_crs = crs_parse(params.get("bbox-crs"), "bbox-crs")
    after, before = datetime_parse(params.get("datetime"))
    return ItemsQuery(
        limit=limit_parse(params.get("limit")),
        bbox=bbox_parse(params.get("bbox"), bbox_crs),
        bbox_srid=CRSS[bbox_crs][0],
        after=after,
        before=before,
        crs=crs,
        cursor=params.get("cursor") or None,
    )

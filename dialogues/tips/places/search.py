"""Finding a typed address or place name among the places a municipality already knows: the
imported named places, its named areas and the meeting places of its announced safety walks.
Searched in PostgreSQL with trigrams (pg_trgm), so "storg" finds Storgatan and a letter wrong
still matches."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.gis.geos import Point
from django.db import connection

from est.models import Area, Municipality

from ...walks.models import SafetyWalk
from .models import NamedPlace

#: Typed text shorter than this finds nothing: two letters match half the streets.
SHORTEST = 2
#: The typed text is cut to this length; no place name is longer.
LONGEST = 200
#: Area kinds drawn for one analysis, not names residents use.
UNNAMED_AREA_KINDS = (Area.Kind.INTERVENTION, Area.Kind.COMPARISON)


@dataclass(frozen=True)
class PlaceMatch:
    """A place found for typed text: its name, what it is, and where (WGS 84 degrees)."""

    name: str
    kind: str
    latitude: float
    longitude: float

    @property
    def point(self) -> Point:
        """Return the place as a WGS 84 point."""
        return Point(self.longitude, self.latitude, srid=settings.MAP_SRID)


def _sql() -> str:
    # One statement over the three sources; DISTINCT ON keeps one place per name (an area and
    # an imported street may share it: the imported point is the more precise, kinds sort so).
    # ``<%`` is pg_trgm's word similarity (the GIN index on named places answers it); a prefix
    # match ranks first, so that what one is typing comes before what merely resembles it.
    return f"""
        SELECT name, kind, ST_Y(point), ST_X(point) FROM (
          SELECT DISTINCT ON (lower(name)) name, kind,
                 ST_Transform(position, {settings.MAP_SRID}) AS point,
                 lower(name) LIKE lower(%(prefix)s) AS prefixed,
                 word_similarity(%(text)s, name) AS score
          FROM (
            SELECT p.name, 'place' AS kind, p.position FROM {NamedPlace._meta.db_table} p
             WHERE p.municipality_id = ANY(%(municipalities)s)
               AND (%(text)s <%% p.name OR lower(p.name) LIKE lower(%(prefix)s))
            UNION ALL
            SELECT a.name, 'zarea', ST_PointOnSurface(a.boundary) FROM {Area._meta.db_table} a
             WHERE a.municipality_id = ANY(%(municipalities)s)
               AND a.kind <> ALL(%(unnamed)s)
               AND (%(text)s <%% a.name OR lower(a.name) LIKE lower(%(prefix)s))
            UNION ALL
            SELECT w.meeting_place, 'walk', w.meeting_point FROM {SafetyWalk._meta.db_table} w
             WHERE w.municipality_id = ANY(%(municipalities)s) AND w.status = %(announced)s
               AND (%(text)s <%% w.meeting_place OR lower(w.meeting_place) LIKE lower(%(prefix)s))
          ) AS candidates
          ORDER BY lower(name), kind
        ) AS found
        ORDER BY prefixed DESC, score DESC, name
        LIMIT %(limit)s
    """  # noqa: S608 - only table names and a setting go in; what is typed is a parameter


def _like_prefix(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def places_matching(municipalities, text: str, *, limit: int = 8) -> list[PlaceMatch]:
    """Return at most ``limit`` places of ``municipalities`` (Municipality objects or ids)
    whose names match ``text``, the best first; none for text under SHORTEST letters."""
    text = " ".join(text.split())[:LONGEST]
    if len(text) < SHORTEST:
        return []
    ids = [getattr(m, "pk", m) for m in municipalities]
    with connection.cursor() as cursor:
        cursor.execute(
            _sql(),
            {
                "text": text,
                "prefix": _like_prefix(text),
                "municipalities": ids,
                "unnamed": list(UNNAMED_AREA_KINDS),
                "announced": SafetyWalk.Status.PUBLISHED,
                "limit": limit,
            },
        )
        rows = cursor.fetchall()
    kinds = {"zarea": "area"}
    return [PlaceMatch(name, kinds.get(kind, kind), lat, lon) for name, kind, lat, lon in rows]


def place_elsewhere(municipality: Municipality, text: str) -> Municipality | None:
    """Return the one other municipality where places named like ``text`` lie (the resident
    is on the wrong municipality's form), or None when there are none or they lie in several
    (a Storgatan is in many towns: then nothing can be said)."""
    others = Municipality.objects.exclude(pk=municipality.pk).values_list("pk", flat=True)
    found = places_matching(list(others), text, limit=5)
    where = {
        pk
        for match in found
        for pk in Municipality.objects.containing(match.point).values_list("pk", flat=True)
    }
    if len(where) != 1:
        return None
    return Municipality.objects.defer("boundary").get(pk=where.pop())

"""A safety walk as the tests need one: announced, five days ahead, in the municipality."""

import datetime

from django.contrib.gis.geos import LineString, Point
from django.utils import timezone

from dialogues.walks.services import safety_walk_create, safety_walk_publish


def announced_walk(municipality, by, **fields):
    """Plan and announce a walk in ``municipality`` starting at its centre; ``fields`` change
    what is planned. Return the walk."""
    centre = municipality.boundary.centroid
    start = timezone.now() + datetime.timedelta(days=5)
    planned = {
        "title": "Trygghetsvandring i centrum",
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=2),
        "meeting_place": "Vid fontänen",
        "meeting_point": Point(centre.x, centre.y, srid=centre.srid),
        "route": LineString(
            (centre.x, centre.y), (centre.x + 400, centre.y + 300), srid=centre.srid
        ),
        "announcement": "Vi går runt i centrum.",
        "accessibility": "1,5 km på asfalt.",
        **fields,
    }
    walk = safety_walk_create(municipality=municipality, by=by, **planned)
    return safety_walk_publish(walk=walk, by=by)


def walk_under_way(municipality, by, **fields):
    """Return an announced walk in ``municipality`` that started an hour ago: announced while it
    was coming, as walks are, then the clock moved on."""
    walk = announced_walk(municipality, by, **fields)
    now = timezone.now()
    type(walk).objects.filter(pk=walk.pk).update(
        starts_at=now - datetime.timedelta(hours=1), ends_at=now + datetime.timedelta(hours=1)
    )
    walk.refresh_from_db()
    return walk


def inside(municipality, dx=0, dy=0) -> Point:
    """Return a point ``dx``, ``dy`` metres from ``municipality``'s centre (SWEREF 99 TM)."""
    centre = municipality.boundary.centroid
    return Point(centre.x + dx, centre.y + dy, srid=centre.srid)

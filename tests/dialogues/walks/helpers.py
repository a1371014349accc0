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

"""Other sources of a situation picture than incidents, such as the findings of safety walks.

An app registers a ``SituationSource`` from its AppConfig.ready(). When a picture is compiled,
``gather`` returns what the source says about the municipality's period as JSON-able data, which
the picture keeps in its snapshot:

    {"count": int,           # how many the period brought (shown as a group of its own,
                             # never added to the incidents)
     "points": [[x, y], …],  # the open ones, in SWEREF 99 TM metres: a layer on the map
     "places": [{"name": str, "count": int}, …]}  # areas with many open ones, most first

The picture never imports the app, and this module never imports an app.
"""

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SituationSource:
    """A source of a situation picture besides the incidents, contributed by an app."""

    #: the key of its data in the picture's snapshot
    key: str
    #: what one of them is called in the picture, plural (a lazy translation)
    title: str
    #: what an open one is called on the map and in the hot-spot discussion (lazy)
    open_label: str
    #: (municipality, first day, end: the first day after) -> JSON-able data as above
    gather: Callable[[Any, datetime.date, datetime.date], dict]
    order: int = 100


SOURCES: list[SituationSource] = []


def source_data(municipality, count: int, positions: list, *, many_open: int) -> dict:
    """Return a source's data as ``gather`` returns it: ``count``, the open ones'
    ``positions`` (points in SWEREF 99 TM) as points, and the municipality's areas holding at
    least ``many_open`` of them, most first."""
    from .models import Area

    areas = list(Area.objects.for_municipality(municipality).only("name", "boundary"))
    by_area = Counter(
        area.name for point in positions for area in areas if area.boundary.intersects(point)
    )
    return {
        "count": count,
        "points": [[round(point.x, 1), round(point.y, 1)] for point in positions],
        "places": [
            {"name": name, "count": open_count}
            for name, open_count in by_area.most_common()
            if open_count >= many_open
        ],
    }


def register(source: SituationSource) -> None:
    """Add ``source`` to every situation picture, kept in its ``order``; a key is registered
    once."""
    if any(existing.key == source.key for existing in SOURCES):
        raise ValueError(f"a situation source {source.key!r} is already registered")
    SOURCES.append(source)
    SOURCES.sort(key=lambda each: each.order)


def sources_gather(municipality, start: datetime.date, end: datetime.date) -> dict[str, dict]:
    """Return every registered source's data on ``municipality`` in [start, end), by key."""
    return {source.key: source.gather(municipality, start, end) for source in SOURCES}


def sources_present(stored: dict[str, dict]) -> list[dict]:
    """Return the sources a snapshot holds, in order, each with its ``title``, ``open_label``
    and stored data; sources it holds nothing of (an older snapshot) are left out."""
    return [
        {"key": source.key, "title": source.title, "open_label": source.open_label, **stored[key]}
        for source in SOURCES
        if (key := source.key) in stored
    ]

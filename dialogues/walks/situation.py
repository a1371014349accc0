"""The safety walks as a source of the situation picture (``est.situation_sources``): the
findings of the period as a group of their own, the open ones on the map, and the areas where
many are open for the hot-spot discussion."""

import datetime

from django.db.models import Q

from est.periods import local_span
from est.situation_sources import source_data

from ..measures.models import Measure
from .models import Finding

#: Open findings an area needs to be named in the hot-spot discussion.
MANY_OPEN = 3


def open_findings(municipality, until: datetime.datetime):
    """Return the findings of ``municipality`` recorded before ``until`` that no measure has
    dealt with yet: without a measure, or with one still open."""
    return (
        Finding.objects.filter(walk__municipality=municipality, recorded_at__lt=until)
        .filter(Q(measures=None) | ~Q(measures__status__in=Measure.CLOSED_STATUSES))
        .distinct()
    )


def walks_situation_gather(municipality, start: datetime.date, end: datetime.date) -> dict:
    """Return the findings recorded in [start, end) as a count, the open ones at its end as
    points, and the areas with at least MANY_OPEN open findings (see est.situation_sources)."""
    since, until = local_span(start, end)
    count = Finding.objects.filter(
        walk__municipality=municipality, recorded_at__gte=since, recorded_at__lt=until
    ).count()
    positions = [
        finding.position for finding in open_findings(municipality, until).only("position")
    ]
    return source_data(municipality, count, positions, many_open=MANY_OPEN)

"""The residents' tips as a source of the situation picture (``est.situation_sources``): the
tips received in the period as a group of their own, and the open ones (not yet decided, or
passed on as a measure still open) on the map. Tips recorded as incidents count as incidents."""

import datetime

from est.periods import local_span
from est.situation_sources import source_data

from .models import Tip

#: Open tips an area needs to be named in the hot-spot discussion.
MANY_OPEN = 3


def tips_situation_gather(municipality, start: datetime.date, end: datetime.date) -> dict:
    """Return the tips received in [start, end) as a count, the open ones at its end as points,
    and the areas with at least MANY_OPEN open tips (see est.situation_sources)."""
    since, until = local_span(start, end)
    tips = Tip.objects.filter(municipality=municipality)
    count = tips.filter(created_at__gte=since, created_at__lt=until).count()
    open_tips = (
        tips.filter(created_at__lt=until)
        .unsettled()
        .exclude(status=Tip.Status.RECORDED)
        .only("position")
    )
    return source_data(
        municipality, count, [tip.position for tip in open_tips], many_open=MANY_OPEN
    )

"""The measures' indicator for the action plan's goals: the share of the measures due in each
tertial that were done by their due date. Rejected measures are left out: rejecting one with a
reason is an answer, not a delay."""

from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from est.indicators import IndicatorKind, Measurement
from est.periods import local_zone

from .models import Measure

NONE_DUE = gettext_noop("No measure was due in this tertial.")


def done_on_time_measure(municipality, tertials: list, options: dict) -> list[Measurement]:
    """Return, for each of ``tertials``, the percentage of ``municipality``'s measures due in
    it (up to today) that were done on or before their due date."""
    if not tertials:
        return []
    today = timezone.localdate()
    on_time = Q(status=Measure.Status.DONE, done_day__lte=F("due_on"))
    totals = {}
    for tertial in tertials:
        due = Q(due_on__gte=tertial.first_day, due_on__lt=min(tertial.end, today))
        totals[f"due_{tertial}"] = Count("pk", filter=due)
        totals[f"on_time_{tertial}"] = Count("pk", filter=due & on_time)
    counts = (
        Measure.objects.filter(municipality=municipality)
        .exclude(status=Measure.Status.REJECTED)
        .annotate(done_day=TruncDate("done_at", tzinfo=local_zone()))
        .aggregate(**totals)
    )
    measurements = []
    for tertial in tertials:
        due = counts[f"due_{tertial}"]
        if not due:
            measurements.append(Measurement(None, NONE_DUE))
        else:
            measurements.append(Measurement(round(100 * counts[f"on_time_{tertial}"] / due, 1)))
    return measurements


DONE_ON_TIME = IndicatorKind(
    key="measures_on_time",
    title=_("Share of measures done by their due date"),
    unit="percent",
    measure=done_on_time_measure,
    order=30,
)

"""The reports app's indicator for the action plan's goals: the incidents of some categories
(and, optionally, in some areas) that began in each tertial.

Without areas it adds up the kept day counts (IncidentDayCount), a few hundred rows a tertial;
with areas it counts the precisely placed incidents inside them, as the day counts know no
place. Either way all tertials of a term come from one query."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from est.indicators import IndicatorKind, Measurement
from est.models import Area
from est.periods import local_span
from reports.incidents.models import Incident, IncidentDayCount, begun_in

NO_CATEGORY = gettext_noop("No category is chosen for this goal.")


def _by_day_counts(municipality, tertials, categories) -> dict:
    totals = {
        str(tertial): Sum(
            "count", filter=Q(day__gte=tertial.first_day, day__lt=tertial.end), default=0
        )
        for tertial in tertials
    }
    return IncidentDayCount.objects.filter(
        municipality=municipality,
        category__in=categories,
        day__gte=tertials[0].first_day,
        day__lt=tertials[-1].end,
    ).aggregate(**totals)


def _by_areas(municipality, tertials, categories, areas) -> dict:
    inside = Q(pk__in=[])
    for area in Area.objects.filter(municipality=municipality, pk__in=areas):
        inside |= Q(position__intersects=area.boundary)
    totals = {
        str(tertial): Count("pk", filter=begun_in(*local_span(tertial.first_day, tertial.end)))
        for tertial in tertials
    }
    first, end = local_span(tertials[0].first_day, tertials[-1].end)
    return (
        Incident.objects.for_municipality(municipality)
        .counted()
        .filter(begun_in(first, end), category__in=categories)
        .filter(inside)
        .aggregate(**totals)
    )


def incidents_measure(municipality, tertials: list, options: dict) -> list[Measurement]:
    """Return the number of counted incidents of the goal's categories (and areas, if any)
    of ``municipality`` that began in each of ``tertials``."""
    categories = options.get("categories") or []
    if not categories:
        return [Measurement(None, NO_CATEGORY) for _tertial in tertials]
    if not tertials:
        return []
    areas = options.get("areas") or []
    if areas:
        totals = _by_areas(municipality, tertials, categories, areas)
    else:
        totals = _by_day_counts(municipality, tertials, categories)
    return [Measurement(float(totals[str(tertial)] or 0)) for tertial in tertials]


INCIDENTS = IndicatorKind(
    key="incidents",
    title=_("Incidents of chosen categories per tertial"),
    unit="count",
    measure=incidents_measure,
    higher_is_better=False,
    options=("categories", "areas"),
    order=10,
)

"""Measurable indicators of focus areas, from incident data: counts per tertial, aggregated over
the focus area's categories and areas. Residents see these, so nothing finer is ever given: no
single incident, no place smaller than an area."""

from dataclasses import dataclass

from django.contrib.gis.db.models import Union
from django.db.models import Count
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _

from est.charts import bars
from est.periods import Tertial, tertial_containing, tertial_of_month, tertials_up_to
from reports.incidents.models import Incident

from .models import FocusArea

#: How many tertials an indicator shows: three years.
TERTIALS = 9


@dataclass(frozen=True)
class Indicator:
    categories: list[str]
    area_names: list[str]
    #: (tertial, incidents), oldest first, the current tertial last (still running)
    counts: list[tuple[Tertial, int]]

    @property
    def chart(self) -> str:
        return bars(
            [count for _tertial, count in self.counts],
            [str(tertial) for tertial, _count in self.counts],
            title=_("Incidents per tertial"),
            width=560,  # narrower than the default: few bars, read on phones
        )


def _incidents(focus_area: FocusArea):
    """Return the incidents that count for ``focus_area``: reported to the municipality (police
    events are counted by the police), in its categories and, when it has areas, inside them."""
    incidents = (
        Incident.objects.for_municipality(focus_area.pledge.municipality)
        .counted()
        .filter(category__in=focus_area.categories.all())
    )
    areas = focus_area.areas.all()
    if areas:
        incidents = incidents.within(areas.aggregate(union=Union("boundary"))["union"])
    return incidents


def focus_area_indicator(focus_area: FocusArea, *, today=None) -> Indicator | None:
    """Return the incidents per tertial for ``focus_area`` over the last three years, or None
    when the focus area names no incident category."""
    categories = [category.name for category in focus_area.categories.all()]
    if not categories:
        return None
    today = today or timezone.localdate()
    tertials = tertials_up_to(tertial_containing(today), TERTIALS)
    rows = (
        _incidents(focus_area)
        .filter(occurred_from__date__gte=tertials[0].first_day, occurred_from__date__lte=today)
        .annotate(year=ExtractYear("occurred_from"), month=ExtractMonth("occurred_from"))
        .values("year", "month")
        .annotate(count=Count("pk"))
        .values_list("year", "month", "count")
    )
    per_tertial = dict.fromkeys(tertials, 0)
    for year, month, count in rows:
        per_tertial[tertial_of_month(year, month)] += count
    return Indicator(
        categories=categories,
        area_names=[area.name for area in focus_area.areas.all()],
        counts=list(per_tertial.items()),
    )

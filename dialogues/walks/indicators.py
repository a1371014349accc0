"""The safety walks' indicator for the action plan's goals: the walks held in each tertial
(announced, not cancelled, and over)."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from est.indicators import IndicatorKind, Measurement
from est.periods import local_span

from .models import SafetyWalk


def walks_held_measure(municipality, tertials: list, options: dict) -> list[Measurement]:
    """Return the number of ``municipality``'s safety walks held in each of ``tertials``."""
    if not tertials:
        return []
    totals = {
        str(tertial): Count(
            "pk", filter=Q(starts_at__range=local_span(tertial.first_day, tertial.end))
        )
        for tertial in tertials
    }
    counts = (
        SafetyWalk.objects.for_municipality(municipality).held(timezone.now()).aggregate(**totals)
    )
    return [Measurement(float(counts[str(tertial)])) for tertial in tertials]


WALKS_HELD = IndicatorKind(
    key="walks_held",
    title=_("Safety walks held per tertial"),
    unit="count",
    measure=walks_held_measure,
    order=40,
)

"""Whether a change in a count is larger than chance would explain.

Incident counts are modelled as Poisson. Given the total of two counts, the first is binomial
with the share its exposure (the length of its period) has of the whole; an exact two-sided
binomial test then says how likely a split at least this uneven is if the rate did not change
(the conditional test of Przyborowski and Wilenski, exact even for small counts).
"""

from dataclasses import dataclass

from scipy.stats import binomtest

#: Changes with a p-value below this are marked as larger than chance.
SIGNIFICANCE = 0.05


@dataclass(frozen=True)
class Change:
    current: int
    baseline: int
    #: current − baseline, after scaling the baseline to the current period's length
    difference: float
    #: relative change in per cent, None when the baseline is zero
    percent: float | None
    p_value: float

    @property
    def significant(self) -> bool:
        """Return whether the change is larger than chance would explain."""
        return self.p_value < SIGNIFICANCE


def count_change(current: int, baseline: int, *, exposure_ratio: float = 1.0) -> Change:
    """Return how ``current`` compares with ``baseline``.

    ``exposure_ratio`` is the length of the current period over the baseline's (1 for two
    fortnights; 1/3 for a fortnight against the mean of six weeks, say).
    """
    expected = baseline * exposure_ratio
    total = current + baseline
    if total == 0:
        p_value = 1.0
    else:
        share = exposure_ratio / (1 + exposure_ratio)
        p_value = binomtest(current, total, share).pvalue
    percent = None if expected == 0 else (current - expected) / expected * 100
    return Change(current, baseline, current - expected, percent, float(p_value))

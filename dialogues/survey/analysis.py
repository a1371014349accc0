"""The survey's statistics, pure: counts in, shares with their intervals and the comparison of
two waves out. No ORM here; ``results`` does the counting in SQL and hands the counts over.

Every figure rests on a group of respondents and a count within it; a group or a count smaller
than the minimum (settings.SURVEY_MIN_RESPONSES, passed in as ``minimum``) is hidden, so that no
resident can be picked out.
"""

import math
from dataclasses import dataclass

#: z for a two-sided 95 % interval.
Z_95 = 1.959964
#: A change between waves is reported only when chance would explain it less often than this.
SIGNIFICANCE = 0.05


def wilson_interval(count: int, total: int, z: float = Z_95) -> tuple[float, float]:
    """Return the Wilson score interval (low, high) of the share ``count``/``total``; (0, 0)
    when there is nobody to count. Unlike the plain normal interval it stays within 0–1 and
    behaves with small shares."""
    if total <= 0:
        return (0.0, 0.0)
    share = count / total
    denominator = 1 + z * z / total
    centre = (share + z * z / (2 * total)) / denominator
    half = z * math.sqrt(share * (1 - share) / total + z * z / (4 * total * total)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


def two_proportion_p(count_a: int, total_a: int, count_b: int, total_b: int) -> float | None:
    """Return the two-sided p-value of the pooled z test that two shares are equal, or None
    when either wave has nobody to count or the pooled share is 0 or 1 (nothing can differ)."""
    if total_a <= 0 or total_b <= 0:
        return None
    pooled = (count_a + count_b) / (total_a + total_b)
    if pooled in (0.0, 1.0):
        return None
    error = math.sqrt(pooled * (1 - pooled) * (1 / total_a + 1 / total_b))
    z = (count_a / total_a - count_b / total_b) / error
    return math.erfc(abs(z) / math.sqrt(2))


def shown(count: int, minimum: int) -> bool:
    """Return whether a count may be shown: none at all (0) or at least ``minimum``."""
    return count == 0 or count >= minimum


@dataclass(frozen=True)
class Share:
    """One answer's share of a group, or hidden (``share`` None) when too few gave it."""

    option: str
    count: int | None
    share: float | None
    low: float | None
    high: float | None
    change: float | None = None
    p_value: float | None = None

    @property
    def percent(self) -> float | None:
        """Return the share in per cent (None when hidden)."""
        return None if self.share is None else self.share * 100

    @property
    def low_percent(self) -> float | None:
        return None if self.low is None else self.low * 100

    @property
    def high_percent(self) -> float | None:
        return None if self.high is None else self.high * 100

    @property
    def change_points(self) -> float | None:
        """Return the change from the previous wave in percentage points (None if none)."""
        return None if self.change is None else self.change * 100

    @property
    def significant(self) -> bool:
        """Return whether the change from the previous wave is larger than chance."""
        return self.p_value is not None and self.p_value < SIGNIFICANCE


def shares(
    counts: dict[str, int],
    total: int,
    options,
    minimum: int,
    previous: tuple[dict[str, int], int] | None = None,
) -> list[Share] | None:
    """Return each option's share of the ``total`` respondents of a group, with its Wilson
    interval and, given the previous wave's ``(counts, total)``, the change and its p-value.

    Returns None when the group itself is smaller than ``minimum``; an option given by fewer
    than ``minimum`` (but some) is a Share without figures. A comparison is made only when the
    previous wave's figure could itself be shown."""
    if total < minimum:
        return None
    result = []
    for option in options:
        count = counts.get(option, 0)
        if not shown(count, minimum):
            result.append(Share(option, None, None, None, None))
            continue
        low, high = wilson_interval(count, total)
        change = p_value = None
        if previous is not None:
            before_counts, before_total = previous
            before = before_counts.get(option, 0)
            if before_total >= minimum and shown(before, minimum):
                change = count / total - before / before_total
                p_value = two_proportion_p(count, total, before, before_total)
        result.append(Share(option, count, count / total, low, high, change, p_value))
    return result

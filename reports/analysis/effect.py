"""The effect of an intervention: difference-in-differences on incident counts.

The counts in the intervention's target area before and after it started are compared with the
same counts in a comparison area that got no intervention, so that what changed everywhere (the
season, a new way of reporting) is not taken for an effect. The ratio of the two areas' ratios,

    R = (target after / target before) / (comparison after / comparison before),

is below 1 when the target area improved more than the comparison. Its logarithm has a standard
error of sqrt(1/a + 1/b + 1/c + 1/d) for Poisson counts a, b, c, d (Woolf); half an incident is
added to every count when one of them is zero. A ring around the target area (the buffer) is
tested the same way against the comparison: more there means crime may have moved
(displacement), less means the benefit spread (diffusion).
"""

import math
from dataclasses import dataclass
from enum import StrEnum

from scipy.stats import norm

#: Fewer incidents than this in the target area, before and after together, tell nothing.
MINIMUM_INCIDENTS = 10
CONFIDENCE = 0.95


class Verdict(StrEnum):
    EFFECT = "effect"
    INCREASE = "increase"
    NO_DETECTABLE_EFFECT = "no_detectable_effect"
    TOO_LITTLE_DATA = "too_little_data"


class Spillover(StrEnum):
    DISPLACEMENT = "displacement"
    DIFFUSION = "diffusion"
    NONE = "none"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class RatioOfRatios:
    ratio: float
    low: float
    high: float
    p_value: float

    @property
    def below_one(self) -> bool:
        return self.high < 1

    @property
    def above_one(self) -> bool:
        return self.low > 1


@dataclass(frozen=True)
class Counts:
    before: int
    after: int


@dataclass(frozen=True)
class Effect:
    verdict: Verdict
    spillover: Spillover
    #: target against comparison; None when there were too few incidents to compute it
    target: RatioOfRatios | None
    #: buffer against comparison; None without a buffer or with too few incidents there
    buffer: RatioOfRatios | None

    @property
    def change_percent(self) -> float | None:
        """Return the change the intervention is credited with, in per cent (−30 = 30 % fewer)."""
        return None if self.target is None else (self.target.ratio - 1) * 100


def ratio_of_ratios(treated: Counts, comparison: Counts) -> RatioOfRatios:
    """Return the difference-in-differences rate ratio of ``treated`` against ``comparison``,
    with its confidence interval and two-sided p-value."""
    a, b, c, d = treated.after, treated.before, comparison.after, comparison.before
    if 0 in (a, b, c, d):
        a, b, c, d = a + 0.5, b + 0.5, c + 0.5, d + 0.5
    log_ratio = math.log((a / b) / (c / d))
    error = math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
    z = norm.ppf(1 - (1 - CONFIDENCE) / 2)
    return RatioOfRatios(
        ratio=math.exp(log_ratio),
        low=math.exp(log_ratio - z * error),
        high=math.exp(log_ratio + z * error),
        p_value=float(2 * norm.sf(abs(log_ratio / error))),
    )


def intervention_effect(
    *, target: Counts, comparison: Counts, buffer: Counts | None = None
) -> Effect:
    """Return the verdict on an intervention from the incident counts before and after it."""
    if target.before + target.after < MINIMUM_INCIDENTS or (
        comparison.before + comparison.after < MINIMUM_INCIDENTS
    ):
        return Effect(Verdict.TOO_LITTLE_DATA, Spillover.UNKNOWN, None, None)
    in_target = ratio_of_ratios(target, comparison)
    if in_target.below_one:
        verdict = Verdict.EFFECT
    elif in_target.above_one:
        verdict = Verdict.INCREASE
    else:
        verdict = Verdict.NO_DETECTABLE_EFFECT
    if buffer is None or buffer.before + buffer.after < MINIMUM_INCIDENTS:
        return Effect(verdict, Spillover.UNKNOWN, in_target, None)
    in_buffer = ratio_of_ratios(buffer, comparison)
    if in_buffer.above_one:
        spillover = Spillover.DISPLACEMENT
    elif in_buffer.below_one:
        spillover = Spillover.DIFFUSION
    else:
        spillover = Spillover.NONE
    return Effect(verdict, spillover, in_target, in_buffer)

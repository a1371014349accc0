"""The effect evaluation on constructed counts where the right answer is known."""

import pytest

from reports.analysis.effect import Counts, Spillover, Verdict, intervention_effect


def test_a_real_drop_against_a_steady_comparison_is_an_effect():
    effect = intervention_effect(
        target=Counts(before=60, after=25),
        comparison=Counts(before=80, after=78),
        buffer=Counts(before=40, after=41),
    )
    assert effect.verdict == Verdict.EFFECT
    assert effect.change_percent == pytest.approx(-57.3, abs=0.1)
    assert effect.spillover == Spillover.NONE


def test_a_drop_that_happened_everywhere_is_no_effect():
    effect = intervention_effect(
        target=Counts(before=60, after=30), comparison=Counts(before=120, after=62)
    )
    assert effect.verdict == Verdict.NO_DETECTABLE_EFFECT
    assert effect.target.low < 1 < effect.target.high


def test_no_change_anywhere_is_no_detectable_effect():
    effect = intervention_effect(
        target=Counts(before=40, after=38), comparison=Counts(before=50, after=52)
    )
    assert effect.verdict == Verdict.NO_DETECTABLE_EFFECT


def test_crime_moving_into_the_surroundings_is_displacement():
    effect = intervention_effect(
        target=Counts(before=60, after=20),
        comparison=Counts(before=80, after=80),
        buffer=Counts(before=20, after=55),
    )
    assert effect.verdict == Verdict.EFFECT
    assert effect.spillover == Spillover.DISPLACEMENT


def test_too_few_incidents_to_tell():
    effect = intervention_effect(
        target=Counts(before=4, after=1), comparison=Counts(before=30, after=31)
    )
    assert effect.verdict == Verdict.TOO_LITTLE_DATA
    assert effect.target is None
    assert effect.change_percent is None


def test_zero_after_is_handled_without_dividing_by_zero():
    effect = intervention_effect(
        target=Counts(before=25, after=0), comparison=Counts(before=30, after=30)
    )
    assert effect.verdict == Verdict.EFFECT

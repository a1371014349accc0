import pytest

from reports.analysis.change import count_change


def test_no_incidents_either_time_is_no_change():
    change = count_change(0, 0)
    assert (change.difference, change.percent, change.significant) == (0, None, False)


def test_a_small_wobble_is_chance():
    change = count_change(12, 9)
    assert change.percent == pytest.approx(33.3, abs=0.1)
    assert not change.significant


def test_a_doubling_of_a_real_volume_is_not_chance():
    change = count_change(60, 30)
    assert change.percent == 100
    assert change.significant
    assert change.p_value < 0.01


def test_from_nothing_to_something_has_no_percentage():
    change = count_change(7, 0)
    assert change.percent is None
    assert change.significant  # 7 against 0 in equal periods: p ≈ 0.016


def test_exposure_scales_the_baseline():
    # 10 this fortnight against 30 in the previous six weeks is the same rate.
    change = count_change(10, 30, exposure_ratio=1 / 3)
    assert change.difference == pytest.approx(0)
    assert not change.significant

"""The survey's statistics, without a database: Wilson intervals, the two-wave test, and what
is hidden under the minimum."""

import pytest

from dialogues.survey.analysis import shares, two_proportion_p, wilson_interval


def test_the_wilson_interval_of_half_of_ten():
    low, high = wilson_interval(5, 10)
    assert low == pytest.approx(0.2366, abs=1e-4)
    assert high == pytest.approx(0.7634, abs=1e-4)


def test_the_wilson_interval_stays_within_zero_and_one():
    assert wilson_interval(0, 10) == (0.0, pytest.approx(0.2775, abs=1e-4))
    assert wilson_interval(10, 10)[1] == pytest.approx(1.0)
    assert wilson_interval(0, 0) == (0.0, 0.0)


def test_a_change_from_40_to_60_of_100_is_larger_than_chance():
    assert two_proportion_p(60, 100, 40, 100) == pytest.approx(0.00468, abs=1e-4)
    assert two_proportion_p(50, 100, 50, 100) == pytest.approx(1.0)
    assert two_proportion_p(0, 100, 0, 100) is None


def test_a_group_under_the_minimum_is_hidden_whole():
    assert shares({"yes": 9}, 9, ["yes", "no"], 10) is None


def test_an_answer_given_by_fewer_than_the_minimum_is_hidden_but_none_is_shown():
    found = shares({"yes": 12, "no": 3}, 15, ["yes", "no", "maybe"], 10)
    assert [share.share for share in found] == [0.8, None, 0.0]


def test_the_change_is_only_given_when_the_previous_figure_could_be_shown():
    found = shares({"yes": 60}, 100, ["yes"], 10, previous=({"yes": 40}, 100))
    assert found[0].change == pytest.approx(0.2)
    assert found[0].significant
    found = shares({"yes": 60}, 100, ["yes"], 10, previous=({"yes": 5}, 100))
    assert found[0].change is None
    found = shares({"yes": 60}, 100, ["yes"], 10, previous=({"yes": 5}, 9))
    assert found[0].change is None

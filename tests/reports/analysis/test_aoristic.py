"""Aoristic spreading of incidents over the hours they may have happened in."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from reports.analysis.aoristic import hourly_weights, weekday_hour_matrix

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(*args):
    return datetime(*args, tzinfo=STOCKHOLM)


def test_a_known_moment_counts_once_in_its_hour():
    matrix = weekday_hour_matrix([at(2026, 11, 20, 17, 59)], [at(2026, 11, 20, 17, 59)])
    assert matrix.loc[4, 17] == 1  # Friday 17:00–18:00
    assert matrix.to_numpy().sum() == 1


def test_last_night_spreads_over_the_night_and_across_midnight():
    # Friday 22:00 to Saturday 06:00: eight hours, one eighth each.
    matrix = weekday_hour_matrix([at(2026, 11, 20, 22)], [at(2026, 11, 21, 6)])
    assert matrix.loc[4, 22] == matrix.loc[4, 23] == pytest.approx(1 / 8)
    assert [matrix.loc[5, hour] for hour in range(6)] == [pytest.approx(1 / 8)] * 6
    assert matrix.loc[5, 6] == 0
    assert matrix.to_numpy().sum() == pytest.approx(1)


def test_partial_hours_get_their_share():
    # 21:30–23:00: half an hour of 21 and a whole hour of 22, out of 1.5 hours.
    weights = hourly_weights([at(2026, 1, 5, 21, 30)], [at(2026, 1, 5, 23)])
    assert list(weights["hour"]) == [21, 22]
    assert list(weights["weight"]) == [pytest.approx(1 / 3), pytest.approx(2 / 3)]


def test_the_night_summer_time_starts_has_no_two_oclock():
    # 29 March 2026: clocks go from 02:00 to 03:00. 00:00–06:00 local is five real hours.
    weights = hourly_weights([at(2026, 3, 29, 0)], [at(2026, 3, 29, 6)])
    assert list(weights["hour"]) == [0, 1, 3, 4, 5]
    assert list(weights["weight"]) == [pytest.approx(1 / 5)] * 5


def test_the_night_summer_time_ends_has_two_two_oclocks():
    # 25 October 2026: clocks go back from 03:00 to 02:00. 00:00–06:00 local is seven hours.
    weights = hourly_weights([at(2026, 10, 25, 0)], [at(2026, 10, 25, 6)])
    assert list(weights["hour"]) == [0, 1, 2, 2, 3, 4, 5]
    assert weights["weight"].sum() == pytest.approx(1)
    assert weekday_hour_matrix([at(2026, 10, 25, 0)], [at(2026, 10, 25, 6)]).loc[6, 2] == (
        pytest.approx(2 / 7)
    )


def test_many_incidents_sum_to_their_number_and_utc_input_is_fine():
    utc = ZoneInfo("UTC")
    starts = [datetime(2026, 6, d, 20, tzinfo=utc) for d in range(1, 29)]
    ends = [datetime(2026, 6, d + 1, 4, 15, tzinfo=utc) for d in range(1, 29)]
    matrix = weekday_hour_matrix(starts, ends)
    assert matrix.shape == (7, 24)
    assert matrix.to_numpy().sum() == pytest.approx(28)
    # 20:00 UTC is 22:00 in Swedish summer time.
    assert matrix[22].sum() == pytest.approx(28 / 8.25)


def test_an_end_before_the_start_is_refused():
    with pytest.raises(ValueError, match="ends before it starts"):
        hourly_weights([at(2026, 1, 2)], [at(2026, 1, 1)])

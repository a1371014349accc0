"""Quick choices of time as periods (pure functions, no database)."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from est.periods import When, quick_period

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(day, hour, minute=0):
    return datetime.datetime(2026, 3, day, hour, minute, tzinfo=STOCKHOLM)


# 2026-03-11 is a Wednesday; 2026-03-13 a Friday; 2026-03-15 a Sunday.
@pytest.mark.parametrize(
    ("when", "now", "expected"),
    [
        (When.NOW, at(11, 14, 37), (at(11, 14, 37), at(11, 14, 37))),
        (When.THIS_MORNING, at(11, 14), (at(11, 6), at(11, 12))),
        (When.THIS_MORNING, at(11, 9, 30), (at(11, 6), at(11, 9, 30))),
        (When.THIS_MORNING, at(11, 4), (at(11, 0), at(11, 4))),
        (When.LAST_NIGHT, at(11, 8), (at(10, 22), at(11, 6))),
        (When.LAST_NIGHT, at(11, 3), (at(10, 22), at(11, 3))),
        (When.LAST_WEEKEND, at(11, 8), (at(6, 18), at(9, 6))),
        (When.LAST_WEEKEND, at(13, 10), (at(6, 18), at(9, 6))),
        (When.LAST_WEEKEND, at(15, 20), (at(13, 18), at(15, 20))),
    ],
)
def test_quick_periods(when, now, expected):
    assert quick_period(when, now) == expected


def test_no_period_ends_in_the_future():
    now = at(14, 1)
    for when in (When.NOW, When.THIS_MORNING, When.LAST_NIGHT, When.LAST_WEEKEND):
        start, end = quick_period(when, now)
        assert start <= end <= now


def test_exact_is_not_a_quick_period():
    with pytest.raises(ValueError, match="no quick period"):
        quick_period(When.EXACT, at(11, 12))

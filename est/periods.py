"""The periods EST reports by, and the one place dates are turned into local moments: tertials
(T1 January–April, T2 May–August, T3 September–December), the situation picture's fortnights
counted from a Monday, and local midnights in the time zone of the settings."""

import calendar
import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy


@dataclass(frozen=True, order=True)
class Tertial:
    year: int
    number: int  # 1, 2 or 3

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, 4 * (self.number - 1) + 1, 1)

    @property
    def end(self) -> datetime.date:
        """Return the day after the tertial's last day."""
        return self.next().first_day

    def next(self) -> "Tertial":
        return (
            Tertial(self.year + 1, 1) if self.number == 3 else Tertial(self.year, self.number + 1)
        )

    def previous(self) -> "Tertial":
        return (
            Tertial(self.year - 1, 3) if self.number == 1 else Tertial(self.year, self.number - 1)
        )

    def __str__(self):
        return f"{self.year}-T{self.number}"


def tertial_containing(day: datetime.date) -> Tertial:
    """Return the tertial ``day`` falls in."""
    return Tertial(day.year, (day.month - 1) // 4 + 1)


def tertial_of_month(year: int, month: int) -> Tertial:
    return Tertial(year, (month - 1) // 4 + 1)


def tertials_up_to(last: Tertial, count: int) -> list[Tertial]:
    """Return the ``count`` tertials ending with ``last``, oldest first."""
    tertials = [last]
    while len(tertials) < count:
        tertials.append(tertials[-1].previous())
    return tertials[::-1]


PERIOD_DAYS = 14


def months_after(day: datetime.date, months: int) -> datetime.date:
    """Return the same date ``months`` later (earlier when negative), the month's last day
    standing in for a date the month lacks (31 January + 1 month is 28 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def local_zone() -> ZoneInfo:
    """Return the time zone local days and midnights are counted in (setting TIME_ZONE)."""
    return ZoneInfo(settings.TIME_ZONE)


def period_anchor() -> datetime.date:
    """Return the Monday every 14-day period is counted from (setting SITUATION_PERIOD_ANCHOR)."""
    anchor = settings.SITUATION_PERIOD_ANCHOR
    if anchor.weekday() != 0:
        raise ValueError("SITUATION_PERIOD_ANCHOR must be a Monday")
    return anchor


def fortnight_containing(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Return the period (first day, first day after) that ``day`` falls in."""
    anchor = period_anchor()
    start = anchor + datetime.timedelta(days=(day - anchor).days // PERIOD_DAYS * PERIOD_DAYS)
    return start, start + datetime.timedelta(days=PERIOD_DAYS)


def last_ended_period(now: datetime.datetime | None = None) -> tuple[datetime.date, datetime.date]:
    """Return the latest period that has ended at ``now`` (local midnight ends a period)."""
    today = timezone.localdate(now or timezone.now())
    start, _end = fortnight_containing(today)
    return start - datetime.timedelta(days=PERIOD_DAYS), start


def local_midnight(day: datetime.date) -> datetime.datetime:
    """Return the start of ``day`` in Swedish local time (aware)."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=local_zone())


def local_span(
    start: datetime.date, end: datetime.date
) -> tuple[datetime.datetime, datetime.datetime]:
    """Return the local midnights that begin ``start`` and ``end``: the moments of [start, end)."""
    return local_midnight(start), local_midnight(end)


WEEKDAYS = [
    gettext_lazy("Mon"),
    gettext_lazy("Tue"),
    gettext_lazy("Wed"),
    gettext_lazy("Thu"),
    gettext_lazy("Fri"),
    gettext_lazy("Sat"),
    gettext_lazy("Sun"),
]
WEEKDAY_NAMES = [
    gettext_lazy("Monday"),
    gettext_lazy("Tuesday"),
    gettext_lazy("Wednesday"),
    gettext_lazy("Thursday"),
    gettext_lazy("Friday"),
    gettext_lazy("Saturday"),
    gettext_lazy("Sunday"),
]


def parse_tertial(text: str) -> Tertial:
    """Return the tertial written as ``2025-T2``; ValueError if it is not one."""
    year, _sep, number = text.upper().partition("-T")
    if not (year.isdigit() and number in {"1", "2", "3"}):
        raise ValueError(f"{text!r} is not a tertial such as 2025-T2")
    return Tertial(int(year), int(number))


def last_ended_tertial(now: datetime.datetime | None = None) -> Tertial:
    """Return the latest tertial that has ended at ``now`` (local midnight ends it)."""
    return tertial_containing(timezone.localdate(now or timezone.now())).previous()


# --- quick choices of when something happened, as periods --------------------------------------

MORNING_START, MORNING_END = datetime.time(6), datetime.time(12)
NIGHT_START, NIGHT_END = datetime.time(22), datetime.time(6)
#: A weekend runs from Friday evening to Monday morning.
WEEKEND_START, WEEKEND_LENGTH = datetime.time(18), datetime.timedelta(days=2, hours=12)
FRIDAY = 4


class When(models.TextChoices):
    NOW = "now", gettext_lazy("Just now")
    THIS_MORNING = "this_morning", gettext_lazy("This morning")
    LAST_NIGHT = "last_night", gettext_lazy("Last night")
    LAST_WEEKEND = "last_weekend", gettext_lazy("Last weekend")
    EXACT = "exact", gettext_lazy("Other time")


def _at(day: datetime.date, time: datetime.time, tz) -> datetime.datetime:
    return datetime.datetime.combine(day, time, tzinfo=tz)


def quick_period(when: str, now: datetime.datetime) -> tuple[datetime.datetime, datetime.datetime]:
    """Return (start, end) of ``when`` as seen at ``now`` (aware, in local time).

    No period ends after ``now``. "This morning" before six is the night so far.
    """
    now = now.replace(second=0, microsecond=0)
    tz, today = now.tzinfo, now.date()
    if when == When.NOW:
        return now, now
    if when == When.THIS_MORNING:
        start = _at(today, MORNING_START, tz)
        if now < start:
            start = _at(today, datetime.time(0), tz)
        return start, min(now, _at(today, MORNING_END, tz))
    if when == When.LAST_NIGHT:
        start = _at(today - datetime.timedelta(days=1), NIGHT_START, tz)
        return start, min(now, _at(today, NIGHT_END, tz))
    if when == When.LAST_WEEKEND:
        friday = today - datetime.timedelta(days=(today.weekday() - FRIDAY) % 7)
        start = _at(friday, WEEKEND_START, tz)
        if start > now:
            start -= datetime.timedelta(days=7)
        return start, min(now, start + WEEKEND_LENGTH)
    raise ValueError(f"no quick period {when!r}")

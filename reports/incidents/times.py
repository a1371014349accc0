"""Quick choices of when something happened, as periods (pure: no database)."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

MORNING_START, MORNING_END = datetime.time(6), datetime.time(12)
NIGHT_START, NIGHT_END = datetime.time(22), datetime.time(6)
#: A weekend runs from Friday evening to Monday morning.
WEEKEND_START, WEEKEND_LENGTH = datetime.time(18), datetime.timedelta(days=2, hours=12)
FRIDAY = 4


class When(models.TextChoices):
    NOW = "now", _("Just now")
    THIS_MORNING = "this_morning", _("This morning")
    LAST_NIGHT = "last_night", _("Last night")
    LAST_WEEKEND = "last_weekend", _("Last weekend")
    EXACT = "exact", _("Other time")


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

"""Patrol guidance: where and when guard rounds or police presence should go next period."""

import numpy as np
import pandas as pd

from .weeks import HOURS_IN_WEEK


def _best_windows(week: np.ndarray, window: int, count: int) -> list[tuple[int, float]]:
    """Return up to ``count`` non-overlapping windows of ``window`` hours with the most weight,
    as (first hour of the week, weight); the week wraps from Sunday night into Monday."""
    week = week.copy()
    found = []
    for _ in range(count):
        sums = np.array(
            [week[np.arange(h, h + window) % HOURS_IN_WEEK].sum() for h in range(HOURS_IN_WEEK)]
        )
        first = int(sums.argmax())
        if sums[first] <= 0:
            break
        found.append((first, float(sums[first])))
        week[np.arange(first, first + window) % HOURS_IN_WEEK] = 0
    return found


def patrol_guidance(
    incident_hours: pd.DataFrame, *, places: int = 8, window: int = 3, per_place: int = 2
) -> pd.DataFrame:
    """Return the places and times that most need presence, most needed first.

    ``incident_hours`` has aoristic weights per place: columns ``place`` (a hot spot or area
    label), ``weekday`` (0 = Monday), ``hour`` and ``weight``. For each of the ``places`` places
    with the most weight, the ``per_place`` busiest windows of ``window`` consecutive hours are
    given: ``place``, ``weekday``, ``start_hour``, ``end_hour`` (exclusive, may pass midnight
    into the next weekday), ``expected`` (incidents in the window over the analysed period) and
    ``share`` (of the place's incidents).
    """
    columns = ["place", "weekday", "start_hour", "end_hour", "expected", "share"]
    if incident_hours.empty:
        return pd.DataFrame(columns=columns)
    totals = incident_hours.groupby("place")["weight"].sum().nlargest(places)
    rows = []
    for place, total in totals.items():
        hours = incident_hours[incident_hours["place"] == place]
        week = np.zeros(HOURS_IN_WEEK)
        np.add.at(
            week, hours["weekday"].to_numpy() * 24 + hours["hour"].to_numpy(), hours["weight"]
        )
        for first, weight in _best_windows(week, window, per_place):
            rows.append(
                {
                    "place": place,
                    "weekday": first // 24,
                    "start_hour": first % 24,
                    "end_hour": (first + window) % 24,
                    "expected": weight,
                    "share": weight / total,
                }
            )
    guidance = pd.DataFrame(rows, columns=columns)
    return guidance.sort_values("expected", ascending=False, kind="stable").reset_index(drop=True)

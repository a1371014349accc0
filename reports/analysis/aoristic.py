"""Aoristic time profiles: when incidents happened, for incidents known only to a time span.

An incident known to have happened "between 22:00 and 06:00" is not counted at 22:00: its
weight of 1 is spread over the hours it may have happened in, in proportion to how much of the
span each hour covers (Ratcliffe's aoristic method). Hours are local wall-clock hours in
Europe/Stockholm, so the day daylight saving starts has 23 hours and the day it ends has 25:
the span is cut at whole UTC hours, which are also local hour boundaries in Sweden.
"""

import numpy as np
import pandas as pd

TIME_ZONE = "Europe/Stockholm"
HOUR = np.timedelta64(3600, "s")


def _utc_seconds(moments) -> np.ndarray:
    """Return aware datetimes as naive UTC numpy datetime64[s] values."""
    index = pd.DatetimeIndex(pd.to_datetime(moments, utc=True))
    return index.tz_convert(None).as_unit("s").to_numpy()


def hourly_weights(starts, ends) -> pd.DataFrame:
    """Return each incident's weight per local hour it may have happened in.

    ``starts`` and ``ends`` are sequences of timezone-aware datetimes (any zone), one pair per
    incident; an end equal to the start is a known moment. The result has one row per
    (incident, hour) with columns ``incident`` (position in the input), ``hour_start`` (the local
    hour, tz-aware), ``weekday`` (0 = Monday), ``hour`` (0–23) and ``weight``; each incident's
    weights add up to 1.
    """
    start = _utc_seconds(starts)
    end = _utc_seconds(ends)
    if (end < start).any():
        raise ValueError("an incident ends before it starts")
    first_hour = start.astype("datetime64[h]").astype("datetime64[s]")
    # Hours the span touches: a moment touches one hour, a span ending on the hour not the next.
    last_hour = np.maximum((end - np.timedelta64(1, "s")).astype("datetime64[h]"), first_hour)
    hours = ((last_hour.astype("datetime64[s]") - first_hour) // HOUR).astype(np.int64) + 1

    incident = np.repeat(np.arange(len(start)), hours)
    offset = np.arange(hours.sum()) - np.repeat(np.cumsum(hours) - hours, hours)
    bin_start = np.repeat(first_hour, hours) + offset * HOUR
    bin_end = bin_start + HOUR
    span = (end - start)[incident]
    overlap = np.minimum(bin_end, end[incident]) - np.maximum(bin_start, start[incident])
    with np.errstate(invalid="ignore", divide="ignore"):
        weight = np.where(span > np.timedelta64(0, "s"), overlap / span, 1.0)

    local = pd.DatetimeIndex(bin_start, tz="UTC").tz_convert(TIME_ZONE)
    return pd.DataFrame(
        {
            "incident": incident,
            "hour_start": local,
            "weekday": local.day_of_week,
            "hour": local.hour,
            "weight": weight,
        }
    )


def weekday_hour_matrix(starts, ends) -> pd.DataFrame:
    """Return a 7 × 24 DataFrame of aoristic counts: rows weekday 0–6 (Monday first), columns
    hour 0–23. The matrix sums to the number of incidents."""
    weights = hourly_weights(starts, ends)
    matrix = weights.pivot_table(
        index="weekday", columns="hour", values="weight", aggfunc="sum", fill_value=0.0
    )
    return matrix.reindex(index=range(7), columns=range(24), fill_value=0.0)

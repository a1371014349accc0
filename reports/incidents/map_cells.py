"""The map's counts per cell of the whole country read from the kept cells
(reports.incidents.models.cells) instead of counting the incidents.

The cells answer a view when its cells are at least STORED_SIZES[0] wide (zoom 9 and out) and
the map shows every municipality's incidents, filtered at most by period: a superuser's view
of the country. Any other filter, and every user who sees only some municipalities, narrows the
incidents to tens of thousands at most, which the map counts itself
(``map_data.live_cell_sums``) through the indexes.

The period's whole months come from month rows, its other days from day rows (in cells kept
only by month, counted live in the view); incidents that began before the first day and lasted
into it are counted live (few, found through the period index). A coarser cell is the exact
sum of the stored cells it is made of, since floor(floor(x / s) / k) = floor(x / (s·k)).
"""

import datetime
from dataclasses import dataclass

from django.db import connection

from est.periods import local_midnight

#: The cell sides kept in the table, in metres: zoom 9, 8 and 6 (see MapView.cell_size). The
#: function that fills them (reports/migrations/sql/kept_counts.sql) lists the same sizes.
STORED_SIZES = (8000, 16000, 64000)
#: The smallest side kept by day as well as by month: smaller cells' days would take nearly a
#: row per incident. Their views are small enough to count the days outside whole months.
DAYS_FROM = 16000

#: The filter fields the cells can answer: nothing but the period.
PERIOD_FIELDS = {"start", "end"}


@dataclass(frozen=True)
class CellPeriod:
    """The days whose incidents a map of the whole country counts; None means "unbounded"."""

    first_day: datetime.date | None
    last_day: datetime.date | None


def cell_period(filterset, user) -> CellPeriod | None:
    """Return the period ``filterset`` (a bound IncidentFilter of ``user``) selects when the
    kept cells can answer it: every incident of the country in it; else None."""
    if not user.is_superuser or not filterset.is_valid():
        return None
    data = filterset.form.cleaned_data
    if any(value for name, value in data.items() if name not in PERIOD_FIELDS):
        return None
    return CellPeriod(first_day=data.get("start"), last_day=data.get("end"))


def stored_size_for(size: int) -> int | None:
    """Return the largest kept cell side that ``size`` is a multiple of, or None if none is."""
    fitting = [s for s in STORED_SIZES if s <= size and size % s == 0]
    return max(fitting, default=None)


def _month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def _whole_months(period: CellPeriod) -> tuple[datetime.date | None, datetime.date | None] | None:
    """Return the first day of the first whole month in ``period`` and of the month after the
    last (None: unbounded), or None when the period holds no whole month."""
    first, last = period.first_day, period.last_day
    months_from = None if first is None else (_next_month(first) if first.day > 1 else first)
    months_to = None if last is None else _month_start(last + datetime.timedelta(days=1))
    if months_from is not None and months_to is not None and months_from >= months_to:
        return None
    return months_from, months_to


def _partial_days(period: CellPeriod) -> list[tuple[datetime.date, datetime.date]]:
    """Return the days of ``period`` outside its whole months, as (first, last) ranges."""
    months = _whole_months(period)
    if months is None:
        return [(period.first_day, period.last_day)]
    months_from, months_to = months
    ranges = []
    if months_from is not None and period.first_day < months_from:
        ranges.append((period.first_day, months_from - datetime.timedelta(days=1)))
    if months_to is not None and months_to <= period.last_day:
        ranges.append((months_to, period.last_day))
    return ranges


def _buckets_sql(period: CellPeriod, with_days: bool) -> tuple[str, list]:
    """Return the SQL condition (and its parameters) picking the buckets of ``period``: its
    whole months from month rows and, ``with_days``, its other days from day rows."""
    conditions, params = ["false"], []
    months = _whole_months(period)
    if months is not None:
        month = "month"
        for bound, operator in zip(months, (">=", "<"), strict=True):
            if bound is not None:
                month += f" AND start {operator} %s"
                params.append(bound)
        conditions.append(f"({month})")
    if with_days:
        for first, last in _partial_days(period):
            day = "NOT month"
            for bound, operator in ((first, ">="), (last, "<=")):
                if bound is not None:
                    day += f" AND start {operator} %s"
                    params.append(bound)
            conditions.append(f"({day})")
    return "(" + " OR ".join(conditions) + ")", params


def kept_cell_sums(period: CellPeriod, size: int, grid, live_queryset, live_sums) -> dict:
    """Return {(column, row): [count, sum of x, sum of y]} for the cells of side ``size`` in
    ``grid`` (first column, first row, last column, last row), read from the kept cells, with
    the incidents of ``live_queryset`` that began before the period's first day and lasted into
    it, and for sizes kept only by month the incidents begun on the period's other days, added
    by ``live_sums`` (map_data.live_cell_sums)."""
    stored = stored_size_for(size)
    factor = size // stored
    x0, y0, x1, y1 = grid
    with_days = stored >= DAYS_FROM
    buckets, bucket_params = _buckets_sql(period, with_days)
    # Our own conditions; every value is a parameter.
    sql = (
        "SELECT floor(x / %s::float8)::integer, floor(y / %s::float8)::integer, "  # noqa: S608
        "sum(count), sum(sum_x), sum(sum_y) FROM reports_incidentcell "
        "WHERE size = %s AND x BETWEEN %s AND %s AND y BETWEEN %s AND %s "
        f"AND {buckets} GROUP BY 1, 2 HAVING sum(count) > 0"
    )
    params = [factor, factor, stored, x0 * factor, (x1 + 1) * factor - 1]
    params += [y0 * factor, (y1 + 1) * factor - 1, *bucket_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        sums = {(x, y): [count, sx, sy] for x, y, count, sx, sy in cursor.fetchall()}
    live = []
    if period.first_day is not None:
        live.append(live_queryset.spanning(local_midnight(period.first_day)))
    if not with_days:
        for first, last in _partial_days(period):
            after_last = local_midnight(last + datetime.timedelta(days=1))
            live.append(live_queryset.begun(local_midnight(first), after_last))
    for queryset in live:
        for key, (count, sx, sy) in live_sums(queryset, size, grid).items():
            kept = sums.setdefault(key, [0, 0.0, 0.0])
            kept[0] += count
            kept[1] += sx
            kept[2] += sy
    return sums

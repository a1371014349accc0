"""The map's counts per cell read from the kept cells (reports.incidents.models.cells) instead
of counting the incidents.

Two tables keep them. The country's cells (IncidentCell, at least STORED_SIZES[0] wide: zoom 9
and out) answer a view of every municipality's incidents filtered at most by period: a
superuser's view of the country. The municipalities' cells (IncidentMunicipalityCell, by
category, zoom 13 and out) answer a view of some municipalities (a coordinator's, or one picked
in the filter) filtered at most by period and category: a city's 250,000 incidents are then a
few thousand kept rows (bench/README.md, "big city"). Any other filter narrows the incidents
enough for the map to count them itself (``map_data.live_cell_sums``) through the indexes.

The period's whole months come from month rows, its other days from day rows (only in the
country's cells of 16 km and more; elsewhere counted live in the view); incidents that began
before the first day and lasted into it are counted live (few, found through the period index).
A coarser cell is the exact sum of the stored cells it is made of, since
floor(floor(x / s) / k) = floor(x / (s·k)).
"""

import datetime
from dataclasses import dataclass

from django.db import connection

from est.models import Municipality
from est.periods import local_midnight
from est.roles import has_permission
from reports.incidents.models import Category
from reports.permissions import INCIDENT_VIEW

#: The cell sides kept in the country's table, in metres: zoom 9, 8 and 6 (see
#: MapView.cell_size). The function that fills them (reports/migrations/sql/kept_counts.sql)
#: lists the same sizes.
STORED_SIZES = (8000, 16000, 64000)
#: The smallest side kept by day as well as by month: smaller cells' days would take nearly a
#: row per incident. Their views are small enough to count the days outside whole months.
DAYS_FROM = 16000
#: The cell sides kept per municipality: zoom 13 to 9, each its own, so that a view reads no
#: more rows than it has cells per month (reports/migrations/sql/municipality_cells.sql lists
#: the same sizes). Kept by month only.
MUNICIPAL_SIZES = (500, 1000, 2000, 4000, 8000)

#: The filter fields the country's cells can answer: nothing but the period.
PERIOD_FIELDS = {"start", "end"}
#: The filter fields the municipalities' cells can answer.
MUNICIPAL_FIELDS = PERIOD_FIELDS | {"municipality", "category"}


@dataclass(frozen=True)
class CellSelection:
    """What of the kept cells a map counts: the days (None means "unbounded") and, for the
    municipalities' cells, whose (ids) and which categories (ids; None means all)."""

    first_day: datetime.date | None
    last_day: datetime.date | None
    #: None: the country's cells, every municipality's incidents.
    municipalities: tuple[int, ...] | None = None
    categories: tuple[int, ...] | None = None

    @property
    def sizes(self) -> tuple[int, ...]:
        """Return the cell sides kept in the table this selection reads."""
        return STORED_SIZES if self.municipalities is None else MUNICIPAL_SIZES


def cell_selection(filterset, user) -> CellSelection | None:
    """Return what of the kept cells answers ``filterset`` (a bound IncidentFilter of ``user``),
    or None when they cannot: another filter, or a user who reads only their own incidents."""
    if not filterset.is_valid() or not has_permission(user, INCIDENT_VIEW):
        return None
    data = filterset.form.cleaned_data
    used = {name for name, value in data.items() if value}
    if not used <= MUNICIPAL_FIELDS:
        return None
    first_day, last_day = data.get("start"), data.get("end")
    municipality = data.get("municipality")
    if user.is_superuser and municipality is None:
        if used <= PERIOD_FIELDS:
            return CellSelection(first_day, last_day)
        # A category over the whole country: the municipalities' cells have no index for it.
        return None
    if municipality is not None:
        municipalities = (municipality.pk,)
    else:
        # The municipalities IncidentQuerySet.for_user scopes the incidents to.
        municipalities = tuple(
            Municipality.objects.for_user(user).order_by("pk").values_list("pk", flat=True)
        )
    categories = None
    if data.get("category"):
        categories = tuple(
            Category.objects.filter(
                municipality__in=municipalities, name__in=data["category"]
            ).values_list("pk", flat=True)
        )
    return CellSelection(first_day, last_day, municipalities, categories)


def stored_size_for(size: int, sizes=STORED_SIZES) -> int | None:
    """Return the largest of the kept cell ``sizes`` that ``size`` is a multiple of, or None if
    none is."""
    fitting = [s for s in sizes if s <= size and size % s == 0]
    return max(fitting, default=None)


def _month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def _whole_months(
    period: CellSelection,
) -> tuple[datetime.date | None, datetime.date | None] | None:
    """Return the first day of the first whole month in ``period`` and of the month after the
    last (None: unbounded), or None when the period holds no whole month."""
    first, last = period.first_day, period.last_day
    months_from = None if first is None else (_next_month(first) if first.day > 1 else first)
    months_to = None if last is None else _month_start(last + datetime.timedelta(days=1))
    if months_from is not None and months_to is not None and months_from >= months_to:
        return None
    return months_from, months_to


def _partial_days(period: CellSelection) -> list[tuple[datetime.date, datetime.date]]:
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


def _buckets_sql(period: CellSelection, with_days: bool) -> tuple[str, list]:
    """Return the SQL condition (and its parameters) picking the buckets of ``period``: its
    whole months from month rows and, ``with_days``, its other days from day rows."""
    conditions, params = ["false"], []
    months = _whole_months(period)
    # The country's cells mark month rows and name their first day "start"; the
    # municipalities' have only months, named "month".
    month, start = ("month", "start") if period.municipalities is None else ("true", "month")
    if months is not None:
        for bound, operator in zip(months, (">=", "<"), strict=True):
            if bound is not None:
                month += f" AND {start} {operator} %s"
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


def _table_sql(selection: CellSelection) -> tuple[str, str, list]:
    """Return the table of kept cells ``selection`` reads, the SQL condition picking its rows
    of the selected municipalities and categories, and the condition's parameters."""
    if selection.municipalities is None:
        return "reports_incidentcell", "true", []
    if selection.categories is None:
        return (
            "reports_incidentmunicipalitycell",
            "municipality_id = ANY(%s) AND category_id IS NULL",
            [list(selection.municipalities)],
        )
    return (
        "reports_incidentmunicipalitycell",
        "municipality_id = ANY(%s) AND category_id = ANY(%s)",
        [list(selection.municipalities), list(selection.categories)],
    )


def kept_cell_sums(selection: CellSelection, size: int, grid, live_queryset, live_sums) -> dict:
    """Return {(column, row): [count, sum of x, sum of y]} for the cells of side ``size`` in
    ``grid`` (first column, first row, last column, last row), read from the kept cells of
    ``selection``, with the incidents of ``live_queryset`` that began before the period's first
    day and lasted into it, and for sizes kept only by month the incidents begun on the period's
    other days, added by ``live_sums`` (map_data.live_cell_sums)."""
    stored = stored_size_for(size, selection.sizes)
    factor = size // stored
    x0, y0, x1, y1 = grid
    with_days = selection.municipalities is None and stored >= DAYS_FROM
    buckets, bucket_params = _buckets_sql(selection, with_days)
    table, whose, whose_params = _table_sql(selection)
    # Our own table names and conditions; every value is a parameter.
    sql = (
        "SELECT floor(x / %s::float8)::integer, floor(y / %s::float8)::integer, "  # noqa: S608
        f"sum(count), sum(sum_x), sum(sum_y) FROM {table} "
        f"WHERE {whose} AND size = %s AND x BETWEEN %s AND %s AND y BETWEEN %s AND %s "
        f"AND {buckets} GROUP BY 1, 2 HAVING sum(count) > 0"
    )
    params = [factor, factor, *whose_params, stored, x0 * factor, (x1 + 1) * factor - 1]
    params += [y0 * factor, (y1 + 1) * factor - 1, *bucket_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        sums = {(x, y): [count, sx, sy] for x, y, count, sx, sy in cursor.fetchall()}
    live = []
    if selection.first_day is not None:
        live.append((live_queryset.spanning(local_midnight(selection.first_day)), True))
    if not with_days:
        # Up to a month of some municipalities' incidents: found by municipality and time, not
        # by the view (a city centre's box of 9,757 over three years took 148 ms of a 262 ms
        # plan; its 28 days of 6,369 by municipality and time a few ms).
        by_box = selection.municipalities is None
        for first, last in _partial_days(selection):
            after_last = local_midnight(last + datetime.timedelta(days=1))
            live.append((live_queryset.begun(local_midnight(first), after_last), by_box))
    for queryset, by_box in live:
        for key, (count, sx, sy) in live_sums(queryset, size, grid, by_box=by_box).items():
            kept = sums.setdefault(key, [0, 0.0, 0.0])
            kept[0] += count
            kept[1] += sx
            kept[2] += sy
    return sums

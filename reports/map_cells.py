"""The map's counts per cell read from the kept cells (reports.map_cell_models) instead of
counting the incidents, for the filters the cells can answer exactly.

The cells answer a view when its cells are at least STORED_SIZES[0] wide and the filter is
made only of period, municipality, category, status and source. Text, area and organisation
are not kept in the cells: with them the map counts the incidents themselves
(``map_data.live_cell_sums``), which is fast when they narrow the selection, as they do.

The period's days come from day rows, its whole months from month rows where the country
level keeps them; incidents that began before the first day and lasted into it are counted live
(few, found through the period index). A coarser cell is the exact sum of the stored cells it is
made of, since floor(floor(x / s) / k) = floor(x / (s·k)).
"""

import datetime
from dataclasses import dataclass

from django.db import connection

from est.models import Municipality

from .filters import start_of
from .map_cell_models import EVERY
from .models import Category, Incident

#: The cell sides kept in the table, in metres: zoom 12, 10, 8 and 6 (see MapView.cell_size).
#: The function that fills them (migration 0008) lists the same sizes.
STORED_SIZES = (1000, 4000, 16000, 64000)


@dataclass(frozen=True)
class CellSelection:
    """The incidents a map counts, in the cells' terms; None means "any"."""

    municipalities: tuple[int, ...] | None
    categories: tuple[int, ...] | None
    statuses: tuple[str, ...] | None
    sources: tuple[str, ...] | None
    first_day: datetime.date | None
    last_day: datetime.date | None

    @property
    def whole_country(self) -> bool:
        """Return whether the country level's rows answer this selection."""
        return (self.municipalities, self.categories, self.statuses, self.sources) == (None,) * 4


def _narrowed(chosen, choices) -> tuple | None:
    """Return ``chosen`` as a sorted tuple, or None when nothing or everything is chosen."""
    chosen = set(chosen or ())
    return tuple(sorted(chosen)) if chosen and chosen != set(choices) else None


def cell_selection(filterset, user) -> CellSelection | None:
    """Return what ``filterset`` (a bound, validated IncidentFilter of ``user``) selects, as the
    cells can count it; None when the filter asks for what the cells do not keep."""
    if not filterset.is_valid():
        return None
    data = filterset.form.cleaned_data
    if data.get("area") or data.get("organisation") or (data.get("q") or "").strip():
        return None
    scope = Municipality.objects.for_user(user)
    if data.get("municipality"):
        municipalities = (data["municipality"].pk,)
    elif user.is_superuser:
        municipalities = None
    else:
        municipalities = tuple(scope.order_by("pk").values_list("pk", flat=True))
    categories = None
    if data.get("category"):
        chosen = Category.objects.filter(name__in=data["category"], municipality__in=scope)
        if municipalities is not None:
            chosen = chosen.filter(municipality__in=municipalities)
        # An empty tuple, when no chosen category is in the municipality, selects nothing.
        categories = tuple(chosen.order_by("pk").values_list("pk", flat=True))
    return CellSelection(
        municipalities=municipalities,
        categories=categories,
        statuses=_narrowed(data.get("status"), Incident.Status.values),
        sources=_narrowed(data.get("source"), Incident.Source.values),
        first_day=data.get("start"),
        last_day=data.get("end"),
    )


def stored_size_for(size: int) -> int | None:
    """Return the largest kept cell side that ``size`` is a multiple of, or None if none is."""
    fitting = [s for s in STORED_SIZES if s <= size and size % s == 0]
    return max(fitting, default=None)


def _month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def _period_sql(selection: CellSelection) -> tuple[str, list]:
    """Return the SQL condition (and its parameters) picking the buckets of the period: the
    whole months from month rows where the level keeps them, every other day from day rows."""
    first, last = selection.first_day, selection.last_day
    days = ["NOT month"]
    params = []
    if first is not None:
        days.append("start >= %s")
        params.append(first)
    if last is not None:
        days.append("start <= %s")
        params.append(last)
    if not selection.whole_country:
        return "(" + " AND ".join(days) + ")", params
    # Months [months_from, months_to) lie wholly inside the period.
    months_from = None if first is None else (_next_month(first) if first.day > 1 else first)
    months_to = None if last is None else _month_start(last + datetime.timedelta(days=1))
    if months_from is not None and months_to is not None and months_from >= months_to:
        return "(" + " AND ".join(days) + ")", params
    months, month_params, outside = ["month"], [], []
    if months_from is not None:
        months.append("start >= %s")
        month_params.append(months_from)
        outside.append("start < %s")
    if months_to is not None:
        months.append("start < %s")
        month_params.append(months_to)
        outside.append("start >= %s")
    day_sql = " AND ".join(days)
    if outside:
        day_sql += " AND (" + " OR ".join(outside) + ")"
        params += [d for d in (months_from, months_to) if d is not None]
    else:
        day_sql += " AND false"  # no period at all: the months hold everything
    return f"(({' AND '.join(months)}) OR ({day_sql}))", month_params + params


def _level_sql(selection: CellSelection) -> tuple[str, list]:
    """Return the SQL condition (and its parameters) picking the level's rows of the selection."""
    if selection.whole_country:
        return "municipality_id = %s AND category_id = %s AND status = '' AND source = ''", [
            EVERY,
            EVERY,
        ]
    conditions, params = ["municipality_id <> %s"], [EVERY]
    for column, chosen in (
        ("municipality_id", selection.municipalities),
        ("category_id", selection.categories),
        ("status", selection.statuses),
        ("source", selection.sources),
    ):
        if chosen is not None:
            conditions.append(f"{column} = ANY(%s)")
            params.append(list(chosen))
    return " AND ".join(conditions), params


def kept_cell_sums(selection: CellSelection, size: int, grid, live_queryset, live_sums) -> dict:
    """Return {(column, row): [count, sum of x, sum of y]} for the cells of side ``size`` in
    ``grid`` (first column, first row, last column, last row), read from the kept cells, with
    the incidents of ``live_queryset`` that began before the period's first day and lasted into
    it added by ``live_sums`` (map_data.live_cell_sums)."""
    stored = stored_size_for(size)
    factor = size // stored
    x0, y0, x1, y1 = grid
    level, level_params = _level_sql(selection)
    period, period_params = _period_sql(selection)
    # Our own conditions; every value is a parameter.
    sql = (
        "SELECT floor(x / %s::float8)::integer, floor(y / %s::float8)::integer, "  # noqa: S608
        "sum(count), sum(sum_x), sum(sum_y) FROM reports_incidentcell "
        "WHERE size = %s AND x BETWEEN %s AND %s AND y BETWEEN %s AND %s "
        f"AND {level} AND {period} GROUP BY 1, 2 HAVING sum(count) > 0"
    )
    params = [factor, factor, stored, x0 * factor, (x1 + 1) * factor - 1]
    params += [y0 * factor, (y1 + 1) * factor - 1, *level_params, *period_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        sums = {(x, y): [count, sx, sy] for x, y, count, sx, sy in cursor.fetchall()}
    if selection.first_day is not None:
        spanning = live_queryset.spanning(start_of(selection.first_day))
        for key, (count, sx, sy) in live_sums(spanning, size, grid).items():
            kept = sums.setdefault(key, [0, 0.0, 0.0])
            kept[0] += count
            kept[1] += sx
            kept[2] += sy
    return sums

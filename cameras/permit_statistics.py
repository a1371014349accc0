"""The incident compilation IMY asks for with a permit application for camera surveillance:
the incidents in and around the filmed area, by category, weekday and hour, over a period."""

import datetime
from dataclasses import dataclass
from io import BytesIO

import pandas as pd
from django.db.models import Count
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from est.periods import local_span
from est.spreadsheets import safe_cell
from reports.analysis.aoristic import weekday_hour_matrix
from reports.incidents.models import Incident

from .models import Camera

DEFAULT_BUFFER = 100
MAX_BUFFER = 2000


@dataclass(frozen=True)
class PermitStatistics:
    camera: Camera
    start: datetime.date
    end: datetime.date
    buffer: int
    total: int
    #: (category name, count), most first
    categories: list[tuple[str, int]]
    #: 7 × 24 aoristic counts, rows Monday–Sunday, columns hour 0–23
    weekday_hour: pd.DataFrame
    #: incidents left out because their position is only approximate (police events)
    approximate: int

    @property
    def per_weekday(self) -> list[float]:
        return self.weekday_hour.sum(axis=1).tolist()

    @property
    def per_hour(self) -> list[float]:
        return self.weekday_hour.sum(axis=0).tolist()

    @property
    def weekday_rows(self) -> list[tuple[str, list[float], float]]:
        """Return (weekday name, counts per hour, total) for Monday to Sunday."""
        rows = self.weekday_hour.to_numpy().tolist()
        return [(name, row, sum(row)) for name, row in zip(weekday_names(), rows, strict=True)]


def _incidents(camera: Camera, start: datetime.date, end: datetime.date, buffer: int):
    """Return the incidents of the camera's municipality within ``buffer`` metres of the filmed
    area that may have happened from ``start`` to ``end`` (whole local days, both included)."""
    area = camera.filmed_area.buffer(buffer)
    since, until = local_span(start, end + datetime.timedelta(days=1))
    return Incident.objects.for_municipality(camera.municipality).between(since, until).within(area)


def permit_statistics(
    *, camera: Camera, start: datetime.date, end: datetime.date, buffer: int = DEFAULT_BUFFER
) -> PermitStatistics:
    """Return the compilation for ``camera``'s filmed area plus ``buffer`` metres.

    Incidents are spread over the hours they may have happened in (aoristically), so the
    weekday and hour tables hold fractions. Police events are left out and counted apart: their
    position is the municipality's centre, not a place near the camera.
    """
    incidents = _incidents(camera, start, end, buffer)
    precise = incidents.filter(position_precise=True)
    categories = list(
        precise.values_list("category__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "category__name")
    )
    periods = list(precise.values_list("occurred_from", "occurred_to"))
    return PermitStatistics(
        camera=camera,
        start=start,
        end=end,
        buffer=buffer,
        total=len(periods),
        categories=categories,
        weekday_hour=weekday_hour_matrix(
            [period[0] for period in periods], [period[1] for period in periods]
        ),
        approximate=incidents.filter(position_precise=False).count(),
    )


def weekday_names() -> list[str]:
    """Return the names of the weekdays, Monday first, in the active language."""
    return [str(WEEKDAYS[day]) for day in range(7)]


def permit_statistics_workbook(statistics: PermitStatistics) -> bytes:
    """Return the compilation as an Excel workbook: categories, and weekday × hour."""
    workbook = Workbook()
    summary = workbook.active
    summary.title = _("Categories")[:31]
    bold = Font(bold=True)
    # The camera's and the categories' names are typed by people: no cell may be a formula.
    camera = f"{statistics.camera.name}, {statistics.camera.premises}"
    summary.append([_("Camera"), safe_cell(camera)])
    summary.append([_("Period"), f"{statistics.start} – {statistics.end}"])
    summary.append([_("Filmed area plus metres"), statistics.buffer])
    summary.append([_("Incidents"), statistics.total])
    summary.append([_("Police events left out (approximate position)"), statistics.approximate])
    summary.append([])
    summary.append([_("Category"), _("Incidents")])
    for cell in summary[summary.max_row]:
        cell.font = bold
    for name, count in statistics.categories:
        summary.append([safe_cell(name), count])
    summary.column_dimensions["A"].width = 44
    summary.column_dimensions["B"].width = 30

    hours = workbook.create_sheet(_("Weekday and hour")[:31])
    hours.append([_("Weekday"), *[f"{hour:02d}" for hour in range(24)], _("Total")])
    for cell in hours[1]:
        cell.font = bold
    for name, row in zip(
        weekday_names(), statistics.weekday_hour.itertuples(index=False), strict=True
    ):
        values = [round(value, 2) for value in row]
        hours.append([name, *values, round(sum(values), 2)])
    hours.append([_("Total"), *[round(v, 2) for v in statistics.per_hour], statistics.total])
    hours.column_dimensions["A"].width = 12
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()

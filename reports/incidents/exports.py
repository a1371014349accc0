"""The filtered incidents as Excel (CSV and GeoJSON: reports.incidents.export_copy): one set of
columns for all three formats, the same columns the importer reads back. Rows come from the
database in chunks, so that an export of a million incidents never sits in memory at once."""

import datetime
import tempfile
from collections.abc import Iterator

from django.conf import settings
from django.contrib.gis.db.models.functions import Transform
from django.db.models import FloatField, Func
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from est.spreadsheets import safe_cell
from reports.incidents.models import Incident

#: Rows fetched from the database at a time.
CHUNK_SIZE = 2000

#: (key, header): the key names GeoJSON properties, the header heads CSV and Excel columns.
COLUMNS = [
    ("id", gettext_lazy("id")),
    ("municipality", gettext_lazy("municipality")),
    ("category", gettext_lazy("category")),
    ("from", gettext_lazy("from")),
    ("until", gettext_lazy("until")),
    ("latitude", gettext_lazy("latitude")),
    ("longitude", gettext_lazy("longitude")),
    ("precise_position", gettext_lazy("precise position")),
    ("place", gettext_lazy("place")),
    ("description", gettext_lazy("description")),
    ("status", gettext_lazy("status")),
    ("source", gettext_lazy("source")),
    ("organisation", gettext_lazy("organisation")),
    ("police_informed", gettext_lazy("police informed")),
    ("police_reference", gettext_lazy("police reference number")),
]
LAT_LON = ("latitude", "longitude")
#: Incidents per Excel sheet.
EXCEL_SHEET_ROWS = 1_000_000
#: Excel column widths in characters, in the order of COLUMNS.
EXCEL_WIDTHS = [8, 14, 22, 17, 17, 11, 11, 10, 28, 60, 16, 16, 24, 10, 20]


def coordinate(function: str) -> Func:
    """Return the incident's latitude (``ST_Y``) or longitude (``ST_X``) in WGS 84."""
    return Func(
        Transform("position", settings.MAP_SRID), function=function, output_field=FloatField()
    )


def export_rows(queryset) -> Iterator[dict]:
    """Yield each incident of ``queryset`` as a dict keyed as COLUMNS, oldest first.

    Times are aware datetimes in local time, yes/no answers booleans, status and source their
    labels in the active language; nothing names the reporter.
    """
    statuses = {value: str(label) for value, label in Incident.Status.choices}
    sources = {value: str(label) for value, label in Incident.Source.choices}
    rows = (
        queryset.order_by("occurred_from", "pk")
        .annotate(latitude=coordinate("ST_Y"), longitude=coordinate("ST_X"))
        .values_list(
            "pk",
            "municipality__name",
            "category__name",
            "occurred_from",
            "occurred_to",
            "latitude",
            "longitude",
            "position_precise",
            "place_name",
            "description",
            "status",
            "source",
            "organisation__name",
            "police_informed",
            "police_reference",
        )
    )
    tz = timezone.get_current_timezone()
    for row in rows.iterator(chunk_size=CHUNK_SIZE):
        yield {
            "id": row[0],
            "municipality": row[1],
            "category": row[2],
            "from": row[3].astimezone(tz),
            "until": row[4].astimezone(tz),
            "latitude": round(row[5], 6),
            "longitude": round(row[6], 6),
            "precise_position": row[7],
            "place": row[8],
            "description": row[9],
            "status": statuses[row[10]],
            "source": sources[row[11]],
            "organisation": row[12] or "",
            "police_informed": row[13],
            "police_reference": row[14],
        }


def _excel_sheet(workbook, number: int):
    """Add a sheet with the bold header row, kept in view, and the column widths."""
    title = _("Incidents") if number == 1 else f"{_('Incidents')} {number}"
    sheet = workbook.create_sheet(title)
    sheet.freeze_panes = "A2"
    for index, width in enumerate(EXCEL_WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    bold = Font(bold=True)
    header = []
    for _key, title in COLUMNS:
        cell = WriteOnlyCell(sheet, value=str(title))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    return sheet


def excel_write(queryset, output, *, progress=None) -> int:
    """Write the Excel workbook of ``queryset`` to the binary file ``output``; return the
    number of incidents. ``progress(rows)`` is called every CHUNK_SIZE rows.

    Times are real Excel datetimes in local time (Excel knows no time zones). The workbook is
    written row by row (openpyxl's write-only mode) to disk, not built in memory; beyond
    EXCEL_SHEET_ROWS incidents (Excel's limit is 1,048,576 rows) a further sheet is begun.
    """
    workbook = Workbook(write_only=True)
    sheets, rows_in_sheet, rows = 1, 0, 0
    sheet = _excel_sheet(workbook, sheets)
    for row in export_rows(queryset):
        if rows_in_sheet == EXCEL_SHEET_ROWS:
            sheets, rows_in_sheet = sheets + 1, 0
            sheet = _excel_sheet(workbook, sheets)
        sheet.append([_excel_cell(sheet, row[key]) for key, _header in COLUMNS])
        rows_in_sheet += 1
        rows += 1
        if progress and rows % CHUNK_SIZE == 0:
            progress(rows)
    workbook.save(output)
    return rows


def _excel_cell(sheet, value) -> WriteOnlyCell:
    if isinstance(value, datetime.datetime):
        cell = WriteOnlyCell(sheet, value=value.replace(tzinfo=None))
        cell.number_format = "yyyy-mm-dd hh:mm"
        return cell
    if isinstance(value, bool):
        return WriteOnlyCell(sheet, value=_("yes") if value else _("no"))
    if isinstance(value, str):
        return WriteOnlyCell(sheet, value=safe_cell(value))
    return WriteOnlyCell(sheet, value=value)


def excel_file(queryset):
    """Return a temporary file holding the Excel workbook of ``queryset``, rewound."""
    output = tempfile.TemporaryFile()  # noqa: SIM115 -- the response closes it once sent
    excel_write(queryset, output)
    output.seek(0)
    return output

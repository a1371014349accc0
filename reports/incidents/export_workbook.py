"""The incidents as an Excel workbook, written by PostgreSQL as the CSV is
(reports.incidents.export_copy): ``COPY (SELECT …) TO STDOUT`` sends each row of the sheet as
its XML, and Python only zips the rows as they come. Building each cell in Python (openpyxl's
write-only mode) ran at under 700 rows a second: a million incidents took half an hour.

The workbook is the least Excel and LibreOffice read: one sheet per EXCEL_SHEET_ROWS
incidents, each with the bold header row kept in view and the column widths; times are real
Excel dates in local time (Excel knows no time zones), numbers are numbers, every other cell is
an inline string (a shared strings table would have to be held in memory until the end).
"""

import itertools
import tempfile
import zipfile
from xml.sax.saxutils import escape, quoteattr

from django.core.exceptions import EmptyResultSet
from django.utils.translation import gettext as _

from reports.incidents.export_copy import (
    BLOCK_BYTES,
    ROWS_ORDER,
    VERBATIM_OPTIONS,
    copy_rows,
    label_sql,
    rows_sql,
    safe_sql,
    yes_no_sql,
)
from reports.incidents.exports import COLUMNS
from reports.incidents.models import Incident

#: Incidents per sheet (Excel's limit is 1,048,576 rows).
EXCEL_SHEET_ROWS = 1_000_000
#: Column widths in characters, in the order of COLUMNS.
EXCEL_WIDTHS = [8, 14, 22, 17, 17, 11, 11, 10, 28, 60, 16, 16, 24, 10, 20]
#: zlib's fastest level: the sheet's XML is so repetitive that it still shrinks about tenfold,
#: and the default level took several times longer than PostgreSQL takes to write it.
COMPRESS_LEVEL = 1
#: Characters XML 1.0 does not allow (line breaks and tabs are allowed): PostgreSQL's text may
#: hold them, a workbook may not, so they are dropped.
NOT_IN_XML = "".join(map(chr, [*range(1, 9), 11, 12, *range(14, 32)])) + "\ufffe\uffff"
#: Stands for the row's number in the XML PostgreSQL writes; Python puts the number in. One of
#: NOT_IN_XML, so no text holds it. (Numbered by PostgreSQL, with row_number(), the rows were
#: sorted anew on disk instead of read in the order of an index: seconds before the first row.)
ROW_NUMBER = "\x03"

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_R = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
#: Cell styles: 0 plain, 1 a date and time, 2 bold (the header).
_STYLES = (
    f'{_XML}<styleSheet {_NS}><numFmts count="1"><numFmt numFmtId="164" '
    'formatCode="yyyy-mm-dd hh:mm"/></numFmts><fonts count="2"><font><sz val="11"/>'
    '<name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill>'
    '<patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/>'
    '<right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _xml_text(column: str, params: list) -> str:
    """Return SQL giving ``column``'s text as XML character data, on one line."""
    params.append(NOT_IN_XML)
    text = f"translate({column}, %s, '')"
    for character, reference in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        text = f"replace({text}, '{character}', '{reference}')"
    # A line break would make COPY quote the row; as a reference it is the same text.
    return f"replace(replace({text}, E'\\n', '&#10;'), E'\\r', '&#13;')"


def _cell(letter: str, value_sql: str, kind: str) -> str:
    """Return SQL giving the XML of the cell in column ``letter`` for ``value_sql`` (already
    XML-safe), of ``kind`` "text", "number" or "date"; nothing where the value is NULL."""
    start = f'\'<c r="{letter}{ROW_NUMBER}"'
    if kind == "text":
        text = '<is><t xml:space="preserve">'
        cell = f"""{start} t="inlineStr">{text}' || {value_sql} || '</t></is></c>'"""
    else:
        style = ' s="1"' if kind == "date" else ""
        cell = f"{start}{style}><v>' || {value_sql} || '</v></c>'"
    return f"coalesce({cell}, '')"


def _excel_date(column: str) -> str:
    """Return SQL giving the timestamp ``column`` in the session's time zone as Excel's serial
    number: days since 30 December 1899 (25,569 before 1970), the time as the fraction."""
    return f"round(extract(epoch FROM {column}::timestamp) / 86400 + 25569, 10)"


def _rows_select(queryset) -> tuple[str, list]:
    """Return the SELECT of one ``<row>`` of XML per incident of ``queryset``, oldest first,
    with ROW_NUMBER for its number."""
    sql, inner = rows_sql(queryset, ordered=False)
    params: list = []
    # Built in the columns' order, so that the parameters come in the order of the SQL.
    texts = {
        "municipality": lambda p: safe_sql("x.x_municipality", p),
        "category": lambda p: safe_sql("x.x_category", p),
        "precise_position": lambda p: yes_no_sql("x.x_precise", p),
        "place": lambda p: safe_sql("x.x_place", p),
        "description": lambda p: safe_sql("x.x_description", p),
        "status": lambda p: label_sql("x.x_status", Incident.Status.choices, p),
        "source": lambda p: label_sql("x.x_source", Incident.Source.choices, p),
        "organisation": lambda p: safe_sql("x.x_organisation", p),
        "police_informed": lambda p: yes_no_sql("x.x_police_informed", p),
        "police_reference": lambda p: safe_sql("x.x_police_reference", p),
    }
    values = {
        "id": ("x.x_id", "number"),
        "from": (_excel_date("x.x_from"), "date"),
        "until": (_excel_date("x.x_until"), "date"),
        "latitude": ("round(x.x_latitude::numeric, 6)", "number"),
        "longitude": ("round(x.x_longitude::numeric, 6)", "number"),
    }
    cells = []
    for letter, (key, _header) in zip(_LETTERS, COLUMNS, strict=False):
        if key in texts:
            cells.append(_cell(letter, _xml_text(texts[key](params), params), "text"))
        else:
            cells.append(_cell(letter, *values[key]))
    row = f"""'<row r="{ROW_NUMBER}">' || {" || ".join(cells)} || '</row>'"""
    # The cells' parameters come first in the SQL, the queryset's after them. Ordered outside
    # the queryset's SELECT, so that PostgreSQL merges the two into one: its parallel workers
    # then write the rows' XML too, instead of the one process that sends them.
    select = f"SELECT {row} FROM ({sql}) AS x ORDER BY {ROWS_ORDER}"  # noqa: S608 -- as above
    return select, params + inner


def _sheet_head() -> bytes:
    """Return the XML of a sheet up to its first incident: the view, the widths, the header."""
    widths = "".join(
        f'<col min="{n}" max="{n}" width="{width}" customWidth="1"/>'
        for n, width in enumerate(EXCEL_WIDTHS, start=1)
    )
    header = "".join(
        f'<c r="{letter}1" t="inlineStr" s="2"><is><t>{escape(str(title))}</t></is></c>'
        for letter, (_key, title) in zip(_LETTERS, COLUMNS, strict=False)
    )
    return (
        f'{_XML}<worksheet {_NS} xmlns:r="{_R}"><sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        f'</sheetView></sheetViews><cols>{widths}</cols><sheetData><row r="1">{header}</row>\n'
    ).encode()


_SHEET_TAIL = b"</sheetData></worksheet>"


def _package(archive: zipfile.ZipFile, sheets: int) -> None:
    """Write the workbook's parts other than the sheets, for ``sheets`` sheets."""
    titles = [_("Incidents") if n == 1 else f"{_('Incidents')} {n}" for n in range(1, sheets + 1)]
    numbers = range(1, sheets + 1)
    sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    main = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{sheet_type}"/>'
        for n in numbers
    )
    parts = {
        "[Content_Types].xml": f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/'
        '2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        'openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
        f'ContentType="{main}.sheet.main+xml"/><Override PartName="/xl/styles.xml" '
        f'ContentType="{main}.styles+xml"/>{overrides}</Types>',
        "_rels/.rels": f'{_XML}<Relationships xmlns="{_PACKAGE_R}"><Relationship Id="rId1" '
        f'Type="{_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'{_XML}<workbook {_NS} xmlns:r="{_R}"><sheets>'
        + "".join(
            f'<sheet name={quoteattr(title)} sheetId="{n}" r:id="rId{n}"/>'
            for n, title in zip(numbers, titles, strict=True)
        )
        + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": f'{_XML}<Relationships xmlns="{_PACKAGE_R}">'
        + "".join(
            f'<Relationship Id="rId{n}" Type="{_R}/worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in numbers
        )
        + f'<Relationship Id="rId{sheets + 1}" Type="{_R}/styles" Target="styles.xml"/>'
        "</Relationships>",
        "xl/styles.xml": _STYLES,
    }
    for name, text in parts.items():
        archive.writestr(name, text)


def _rows(queryset):
    """Yield the XML of each incident's row (nothing for a filter that selects nothing)."""
    try:
        select, params = _rows_select(queryset)
    except EmptyResultSet:
        return
    yield from copy_rows(select, params, VERBATIM_OPTIONS)


def _sheet_write(sheet, rows, written: int, progress) -> int:
    """Write a sheet with ``rows`` (their XML) to the zip entry ``sheet``; return the rows
    written so far, ``written`` before it."""
    sheet.write(_sheet_head())
    block = bytearray()
    mark = ROW_NUMBER.encode()
    # The header is row 1.
    for number, row in enumerate(rows, start=2):
        block += bytes(row).replace(mark, b"%d" % number)
        written += 1
        if len(block) >= BLOCK_BYTES:
            sheet.write(block)
            block.clear()
            if progress:
                progress(written)
    sheet.write(block + _SHEET_TAIL)
    return written


def excel_write(queryset, output, *, progress=None) -> int:
    """Write the Excel workbook of ``queryset`` to the binary file ``output`` (seekable);
    return the number of incidents. ``progress(rows)`` is called after each block written.

    Memory stays that of one block whatever the number of incidents: the sheets are zipped as
    PostgreSQL sends their rows, and a further sheet is begun only for a further row.
    """
    sheet_rows = EXCEL_SHEET_ROWS
    rows = _rows(queryset)
    written, sheets = 0, 0
    with zipfile.ZipFile(
        output, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL
    ) as archive:
        first = next(rows, None)
        while sheets == 0 or first is not None:
            sheets += 1
            in_sheet = itertools.islice(itertools.chain([first], rows), sheet_rows)
            if first is None:
                in_sheet = iter(())
            with archive.open(f"xl/worksheets/sheet{sheets}.xml", "w") as sheet:
                written = _sheet_write(sheet, in_sheet, written, progress)
            first = next(rows, None)
        _package(archive, sheets)
    return written


def excel_file(queryset):
    """Return a temporary file holding the Excel workbook of ``queryset``, rewound."""
    output = tempfile.TemporaryFile()  # noqa: SIM115 -- the response closes it once sent
    excel_write(queryset, output)
    output.seek(0)
    return output

"""Reading a file of incidents (CSV, Excel or GeoJSON) into rows keyed by the export's column
names: the first step of an import. Nothing here touches the database."""

import csv
import gc
import io
import json
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from reports.incidents.exports import COLUMNS

#: Other names people give the columns (lower case).
ALIASES = {"lat": "latitude", "lon": "longitude", "lng": "longitude", "kod": "category"}


#: The most rows one file may hold: twice what the benchmark imports (bench/import_rate.py).
MAX_ROWS = 200_000
#: An .xlsx is a ZIP: a few hundred kilobytes can unpack to gigabytes (a "zip bomb"). What the
#: archive says its parts unpack to is checked before anything is unpacked; Python's zipfile
#: never unpacks more than that, so a lying archive only fails its checksum.
MAX_XLSX_UNPACKED_BYTES = 300 * 1024 * 1024
#: Cells further right than this are not read: the export has fewer than 30 columns, and a
#: stray cell in column XFD must not make every row 16,384 cells long.
MAX_XLSX_COLUMNS = 100


class ImportFileError(ValueError):
    """A file that cannot be read as incidents at all; the message says why, for the user."""


def _column_names() -> dict[str, str]:
    """Return every accepted column name (lower case) -> its key: the key itself and the
    export's header in English and Swedish, so that an export can be imported again."""
    names = dict(ALIASES)
    for key, header in COLUMNS:
        if key in IMPORTED:
            names[key] = key
            for language in ("en", "sv"):
                with translation.override(language):
                    names[str(header).lower()] = key
    return names


def _keyed(header: list, rows) -> list[dict]:
    names = _column_names()
    keys = [names.get(str(cell or "").strip().lower()) for cell in header]
    missing = [key for key in ("category", "from") if key not in keys]
    if missing:
        raise ImportFileError(
            _("The file has no column %(columns)s. The first row must name the columns.")
            % {"columns": ", ".join(f"“{name}”" for name in _missing_names(missing))}
        )
    keyed = []
    for row in rows:
        if not any(cell not in (None, "") for cell in row):
            continue
        keyed.append({key: cell for key, cell in zip(keys, row, strict=False) if key})
    return keyed


def _missing_names(keys) -> list[str]:
    headers = dict(COLUMNS)
    return [str(headers[key]) for key in keys]


def _read_csv(content: bytes) -> list[dict]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's "CSV (semicolon separated)" on Swedish Windows is Windows-1252.
        text = content.decode("cp1252", errors="replace")
    if "\0" in text:
        raise ImportFileError(_("The file is not a CSV file (it holds binary data)."))
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not rows:
        raise ImportFileError(_("The file is empty."))
    return _keyed(rows[0], rows[1:])


def _too_many_rows() -> ImportFileError:
    return ImportFileError(
        _("The file has more than %(count)s rows. Split it into files of at most %(count)s rows.")
        % {"count": f"{MAX_ROWS:,}".replace(",", "\u00a0")}
    )


def _unpacked_size(content: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return sum(part.file_size for part in archive.infolist())


def _read_excel(content: bytes) -> list[dict]:
    try:
        unpacked = _unpacked_size(content)
    except zipfile.BadZipFile as error:
        raise ImportFileError(
            _("The file could not be read as an Excel workbook (.xlsx).")
        ) from error
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise ImportFileError(
            _(
                "The workbook unpacks to more than %(size)d MB. Save it as CSV or split it into "
                "smaller files."
            )
            % {"size": MAX_XLSX_UNPACKED_BYTES // (1024 * 1024)}
        )
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        rows = []
        # Counted while reading (read_only streams the sheet): the header and MAX_ROWS rows.
        for row in workbook.worksheets[0].iter_rows(values_only=True, max_col=MAX_XLSX_COLUMNS):
            if len(rows) > MAX_ROWS:
                raise _too_many_rows()
            rows.append(row)
    except ImportFileError:
        raise
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ImportFileError(
            _("The file could not be read as an Excel workbook (.xlsx).")
        ) from error
    if not rows:
        raise ImportFileError(_("The file is empty."))
    return _keyed(list(rows[0]), rows[1:])


def _read_geojson(content: bytes) -> list[dict]:
    try:
        collection = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportFileError(_("The file could not be read as GeoJSON.")) from error
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise ImportFileError(_("The GeoJSON file must be a FeatureCollection of points."))
    names = _column_names()
    rows = []
    for feature in collection.get("features") or []:
        properties = feature.get("properties") if isinstance(feature, dict) else None
        row = {
            names[name.lower()]: value
            for name, value in (properties or {}).items()
            if isinstance(name, str) and name.lower() in names
        }
        row["geometry"] = feature.get("geometry") if isinstance(feature, dict) else None
        rows.append(row)
    return rows


READERS = {".csv": _read_csv, ".txt": _read_csv, ".xlsx": _read_excel}
READERS.update({".geojson": _read_geojson, ".json": _read_geojson})


@contextmanager
def collector_paused():
    """Pause Python's cyclic garbage collector while a file's rows are built and written.

    Every row lives until the import ends, so the collector's repeated passes over the growing
    list free nothing; they took 1.1 s of the 3.0 s that reading and checking 100,000 rows
    took (gc.callbacks, bench/README.md). Collection resumes afterwards as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@collector_paused()
def import_rows_read(content: bytes, name: str) -> list[dict]:
    """Return the rows of a file of incidents, each a dict keyed as IMPORTED (GeoJSON rows also
    have ``geometry``). Which reader is chosen by the file name's ending.

    Raises ImportFileError, with a message for the user, for a file of another kind, an empty
    or broken file, one without the necessary columns, one of more than MAX_ROWS rows, and a
    workbook that would unpack to more than MAX_XLSX_UNPACKED_BYTES.
    """
    reader = READERS.get(Path(name).suffix.lower())
    if reader is None:
        raise ImportFileError(_("Choose a CSV, Excel (.xlsx) or GeoJSON file."))
    if not content.strip():
        raise ImportFileError(_("The file is empty."))
    rows = reader(content)
    if not rows:
        raise ImportFileError(_("The file has no incidents, only a header."))
    if len(rows) > MAX_ROWS:
        raise _too_many_rows()
    return rows


#: The columns an import reads, keyed as the export's; the export's other columns are ignored.
IMPORTED = (
    "category",
    "from",
    "until",
    "latitude",
    "longitude",
    "place",
    "description",
    "police_informed",
    "police_reference",
)


@dataclass
class ImportRow:
    """One row of a file: its number as the user sees it, its cells, and what is wrong."""

    number: int
    values: dict
    errors: list[str] = field(default_factory=list)
    #: The incident's field values, for a row without errors.
    fields: dict | None = None
    #: (x, y) in the storage SRID.
    position: tuple[float, float] | None = None

"""Reading a file of incidents (CSV, Excel or GeoJSON) into rows keyed by the export's column
names: the first step of an import. Nothing here touches the database."""

import codecs
import csv
import gc
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import ijson
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from reports.incidents.exports import COLUMNS

#: Other names people give the columns (lower case).
ALIASES = {"lat": "latitude", "lon": "longitude", "lng": "longitude", "kod": "category"}


#: Bytes scanned at a time to tell a CSV file's encoding before it is read.
SCAN_BYTES = 1024 * 1024
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


def _keyed(header: list, rows: Iterator) -> Iterator[dict]:
    """Yield each non-empty row of ``rows`` as a dict keyed by ``header``'s column names."""
    names = _column_names()
    keys = [names.get(str(cell or "").strip().lower()) for cell in header]
    missing = [key for key in ("category", "from") if key not in keys]
    if missing:
        raise ImportFileError(
            _("The file has no column %(columns)s. The first row must name the columns.")
            % {"columns": ", ".join(f"“{name}”" for name in _missing_names(missing))}
        )
    for row in rows:
        if any(cell not in (None, "") for cell in row):
            yield {key: cell for key, cell in zip(keys, row, strict=False) if key}


def _missing_names(keys) -> list[str]:
    headers = dict(COLUMNS)
    return [str(headers[key]) for key in keys]


def _csv_encoding(stored) -> str:
    """Return the encoding of the CSV file ``stored``: UTF-8 when all of it decodes as such, else
    Windows-1252 (Excel's "CSV (semicolon separated)" on Swedish Windows). Scanned in blocks,
    not held whole; raises ImportFileError for a file holding binary data."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    encoding = "utf-8-sig"
    for block in iter(lambda: stored.read(SCAN_BYTES), b""):
        if b"\0" in block:
            raise ImportFileError(_("The file is not a CSV file (it holds binary data)."))
        if encoding == "utf-8-sig":
            try:
                decoder.decode(block)
            except UnicodeDecodeError:
                encoding = "cp1252"
    stored.seek(0)
    return encoding


def _read_csv(stored) -> Iterator[dict]:
    text = io.TextIOWrapper(stored, encoding=_csv_encoding(stored), errors="replace", newline="")
    first_line = text.readline()
    text.seek(0)
    delimiter = max(";,\t", key=first_line.count)
    rows = csv.reader(text, delimiter=delimiter)
    header = next(rows, None)
    if header is None:
        raise ImportFileError(_("The file is empty."))
    yield from _keyed(header, rows)


def _too_many_rows() -> ImportFileError:
    return ImportFileError(
        _("The file has more than %(count)s rows. Split it into files of at most %(count)s rows.")
        % {"count": f"{settings.IMPORT_MAX_ROWS:,}".replace(",", "\u00a0")}
    )


def _unpacked_size(stored) -> int:
    with zipfile.ZipFile(stored) as archive:
        return sum(part.file_size for part in archive.infolist())


def _unreadable_workbook() -> ImportFileError:
    return ImportFileError(_("The file could not be read as an Excel workbook (.xlsx)."))


def xlsx_unpacked_check(stored, name: str) -> None:
    """Raise ImportFileError when ``stored`` (named ``name``) is a workbook that is no ZIP or
    would unpack to more than IMPORT_XLSX_MAX_UNPACKED_BYTES; do nothing for other files.

    An .xlsx is a ZIP: a few hundred kilobytes can unpack to gigabytes (a "zip bomb"). What the
    archive says its parts unpack to is read from its directory before anything is unpacked;
    Python's zipfile never unpacks more than that, so a lying archive only fails its checksum.
    """
    if Path(name).suffix.lower() != ".xlsx":
        return
    try:
        unpacked = _unpacked_size(stored)
    except zipfile.BadZipFile as error:
        raise _unreadable_workbook() from error
    limit = settings.IMPORT_XLSX_MAX_UNPACKED_BYTES
    if unpacked > limit:
        raise ImportFileError(
            _(
                "The workbook unpacks to more than %(size)d MB. Save it as CSV or split it into "
                "smaller files."
            )
            % {"size": limit // (1024 * 1024)}
        )


def _read_excel(stored) -> Iterator[dict]:
    xlsx_unpacked_check(stored, ".xlsx")
    stored.seek(0)
    try:
        # Read-only: the sheet is streamed row by row, never held whole.
        workbook = load_workbook(stored, read_only=True, data_only=True)
        rows = workbook.worksheets[0].iter_rows(values_only=True, max_col=MAX_XLSX_COLUMNS)
        header = next(rows, None)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise _unreadable_workbook() from error
    if header is None:
        raise ImportFileError(_("The file is empty."))
    try:
        yield from _keyed(list(header), rows)
    except ImportFileError:
        raise
    except Exception as error:  # a part broken further in
        raise _unreadable_workbook() from error
    finally:
        workbook.close()


def _geojson_type(stored):
    """Return the top-level "type" of the GeoJSON file ``stored`` (None if it has none)."""
    try:
        for prefix, event, value in ijson.parse(stored):
            if prefix == "type" and event == "string":
                return value
            if prefix == "" and event == "end_map":
                return None
    except ijson.JSONError as error:
        raise ImportFileError(_("The file could not be read as GeoJSON.")) from error
    return None


def _read_geojson(stored) -> Iterator[dict]:
    if _geojson_type(stored) != "FeatureCollection":
        raise ImportFileError(_("The GeoJSON file must be a FeatureCollection of points."))
    stored.seek(0)
    names = _column_names()
    try:
        for feature in ijson.items(stored, "features.item", use_float=True):
            properties = feature.get("properties") if isinstance(feature, dict) else None
            row = {
                names[name.lower()]: value
                for name, value in (properties if isinstance(properties, dict) else {}).items()
                if isinstance(name, str) and name.lower() in names
            }
            row["geometry"] = feature.get("geometry") if isinstance(feature, dict) else None
            yield row
    except (ijson.JSONError, UnicodeDecodeError) as error:
        raise ImportFileError(_("The file could not be read as GeoJSON.")) from error


READERS = {".csv": _read_csv, ".txt": _read_csv, ".xlsx": _read_excel}
READERS.update({".geojson": _read_geojson, ".json": _read_geojson})


@contextmanager
def collector_paused():
    """Pause Python's cyclic garbage collector while a file's rows are built and written.

    A chunk's rows live until the chunk is written, so the collector's repeated passes over
    them free nothing; they took 1.1 s of the 3.0 s that reading and checking 100,000 rows
    took (gc.callbacks, bench/README.md). Collection resumes afterwards as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def import_chunks(stored, name: str) -> Iterator[list[dict]]:
    """Yield the rows of the file of incidents ``stored`` (a binary file open for reading) in
    lists of at most IMPORT_CHUNK_ROWS (a setting), each row a dict keyed as IMPORTED (GeoJSON
    rows also have ``geometry``). Which reader is chosen by the file name's ending; the file
    is streamed.

    Raises ImportFileError, with a message for the user, for a file of another kind, an empty
    or broken file, one without the necessary columns, one of more than IMPORT_MAX_ROWS rows,
    and a workbook that would unpack to more than IMPORT_XLSX_MAX_UNPACKED_BYTES.
    """
    reader = READERS.get(Path(name).suffix.lower())
    if reader is None:
        raise ImportFileError(_("Choose a CSV, Excel (.xlsx) or GeoJSON file."))
    if not stored.read(SCAN_BYTES).strip():
        raise ImportFileError(_("The file is empty."))
    stored.seek(0)
    count, chunk = 0, []
    for row in reader(stored):
        count += 1
        if count > settings.IMPORT_MAX_ROWS:
            raise _too_many_rows()
        chunk.append(row)
        if len(chunk) == settings.IMPORT_CHUNK_ROWS:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
    if not count:
        raise ImportFileError(_("The file has no incidents, only a header."))


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

"""The writing speed of the maintained xlsx writers, without a database: the upper bound of an
Excel export through each, against the export's target of 20,000 rows/s with flat memory.

    python -m venv /tmp/xlsx && /tmp/xlsx/bin/pip install xlsxwriter pyexcelerate
    /tmp/xlsx/bin/python bench/xlsx_writers.py xlsxwriter --rows 100000
    /tmp/xlsx/bin/python bench/xlsx_writers.py pyexcelerate --rows 100000

Neither library is a dependency of EST: this script is why (bench/README.md, "Export").
Each row is an incident as the export writes it (15 columns: numbers, texts, two times).
"""

import argparse
import datetime
import resource
import tempfile
import time
from pathlib import Path

ROW = [
    123456,
    "Arboga",
    "Skadegörelse",
    # Local times without a zone, as Excel keeps them.
    datetime.datetime(2026, 5, 3, 21, 15),  # noqa: DTZ001
    datetime.datetime(2026, 5, 3, 22, 0),  # noqa: DTZ001
    59.3941,
    15.8386,
    "ja",
    "Centrum",
    "Klotter på en vägg vid busshållplatsen",
    "Ny",
    "Rapportör",
    "Arboga kommun",
    "nej",
    "",
]


def write_xlsxwriter(path: str, rows: int) -> None:
    """Write ``rows`` rows with XlsxWriter's constant_memory mode (rows go to disk as written)."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = workbook.add_worksheet()
    for number in range(rows):
        sheet.write_row(number + 1, 0, [number, *ROW[1:]])
    workbook.close()


def write_pyexcelerate(path: str, rows: int) -> None:
    """Write ``rows`` rows with pyexcelerate, which takes the whole sheet in memory."""
    from pyexcelerate import Workbook

    workbook = Workbook()
    workbook.new_sheet("incidents", data=[[number, *ROW[1:]] for number in range(rows)])
    workbook.save(path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("writer", choices=["xlsxwriter", "pyexcelerate"])
    parser.add_argument("--rows", type=int, default=100_000)
    arguments = parser.parse_args()
    write = {"xlsxwriter": write_xlsxwriter, "pyexcelerate": write_pyexcelerate}
    with tempfile.TemporaryDirectory() as directory:
        began = time.perf_counter()
        write[arguments.writer](str(Path(directory) / "export.xlsx"), arguments.rows)
        seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    print(
        f"{arguments.writer}: {arguments.rows} rows in {seconds:.1f} s = "
        f"{arguments.rows / seconds:,.0f} rows/s, peak {peak:.0f} MB, load {load}"
    )


if __name__ == "__main__":
    main()

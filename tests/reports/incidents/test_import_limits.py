"""Limits on imported files: size, rows, what an .xlsx unpacks to; files left unconfirmed go."""

import datetime
import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook

from reports.incidents.models import IncidentImport
from reports.tasks import delete_unconfirmed_imports
from tests.reports.incidents.test_imports import csv_file, row, upload


def _workbook(rows: int) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["category", "from", "description"])
    for number in range(rows):
        sheet.append(["graffiti", "2026-03-05 22:00", f"Klotter {number} " + "x" * 200])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("lista.xlsx", buffer.getvalue())


def _refusal(client, municipality, file) -> str:
    page = upload(client, municipality, file).content.decode()
    assert not IncidentImport.objects.filter(status=IncidentImport.Status.IMPORTED).exists()
    return page


def test_a_workbook_that_unpacks_too_far_is_refused_before_it_is_read(
    client_for, coordinator, arboga, settings
):
    # 2,000 rows of repeated text: 100 KB packed, about 1 MB unpacked; the cap is lowered to
    # half a megabyte so the test stays quick (the real cap is a setting, 1 GB by default).
    settings.IMPORT_XLSX_MAX_UNPACKED_BYTES = 512 * 1024
    file = _workbook(2000)
    assert file.size < 200_000

    page = _refusal(client_for(coordinator), arboga, file)

    assert "Arbetsboken packas upp till mer än" in page
    assert "Spara den som CSV eller dela upp den i mindre filer." in page
    assert not IncidentImport.objects.exists()


@pytest.mark.parametrize("make", [lambda a: _workbook(6), lambda a: csv_file(*[row(a)] * 6)])
def test_a_file_of_too_many_rows_is_refused(client_for, coordinator, arboga, settings, make):
    settings.IMPORT_MAX_ROWS = 5

    page = _refusal(client_for(coordinator), arboga, make(arboga))

    assert "Filen har fler än 5 rader. Dela upp den i filer med högst 5 rader." in page


def test_a_file_over_the_size_limit_is_refused(client_for, coordinator, arboga, settings):
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    big = csv_file(*[row(arboga)] * 20_000)
    assert big.size > 1024 * 1024

    page = _refusal(client_for(coordinator), arboga, big)

    assert "Filen får vara högst 1 MB. Dela upp den i mindre filer." in page


@pytest.mark.usefixtures("media_storage")
def test_files_left_unconfirmed_for_a_week_are_deleted(client_for, coordinator, arboga):
    client = client_for(coordinator)
    for age in (8, 6):
        upload(client, arboga, csv_file(row(arboga)))
        IncidentImport.objects.filter(pk=IncidentImport.objects.latest("pk").pk).update(
            created_at=timezone.now() - datetime.timedelta(days=age)
        )
    stale, recent = IncidentImport.objects.order_by("created_at")
    assert default_storage.exists(stale.file.name)

    assert delete_unconfirmed_imports() == 1

    assert list(IncidentImport.objects.all()) == [recent]
    assert not default_storage.exists(stale.file.name)
    assert default_storage.exists(recent.file.name)

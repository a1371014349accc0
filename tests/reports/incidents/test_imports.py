"""Importing incidents from a file: preview with each row's errors, then all rows or none."""

import datetime
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from reports.incidents.models import Category, Incident, IncidentImport
from tests.reports.conftest import centre_of, lat_lon_of

HEADER = (
    "kategori;från;till;latitud;longitud;plats;beskrivning;polis informerad;polisens diarienummer"
)


def csv_file(*rows, header=HEADER, name="incidents.csv"):
    return SimpleUploadedFile(name, ("\n".join([header, *rows]) + "\n").encode("utf-8-sig"))


def row(municipality, *, category="Klotter", start="2026-03-05 22:00", end="", place="Torget"):
    lat, lon = lat_lon_of(centre_of(municipality))
    return f"{category};{start};{end};{lat:.6f};{lon:.6f};{place};Tags på väggen;nej;"


def upload(client, municipality, file):
    """Upload ``file``; the check queued when the upload is saved runs (the suite's Celery is
    eager) before the import page is shown."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("incident_import_upload", args=[municipality.code]), {"file": file}
        )
    return _followed(client, response)


def _followed(client, response):
    return client.get(response.url) if response.status_code == 302 else response


def confirm(client, incident_import):
    """Confirm ``incident_import``: its writing runs before the import page is shown."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("incident_import_confirm", args=[incident_import.pk]))
    return _followed(client, response)


def test_a_correct_file_is_previewed_and_written_only_on_confirmation(
    client_for, coordinator, arboga
):
    client = client_for(coordinator)
    response = upload(
        client,
        arboga,
        csv_file(row(arboga), row(arboga, category="fire", start="2026-03-06 01:00")),
    )

    assert "Importera 2 händelser" in response.content.decode()
    assert Incident.objects.count() == 0
    incident_import = IncidentImport.objects.get()

    confirm(client, incident_import)

    incidents = Incident.objects.order_by("occurred_from")
    assert incidents.count() == 2
    first = incidents[0]
    assert first.source == Incident.Source.IMPORT
    assert first.reporter is None
    assert first.incident_import == incident_import
    assert first.category.name == "Klotter"
    assert timezone.localtime(first.occurred_from).strftime("%Y-%m-%d %H:%M") == "2026-03-05 22:00"
    assert first.occurred_to == first.occurred_from
    assert first.history.get().history_user == coordinator
    # Confirming twice writes nothing more.
    confirm(client, incident_import)
    assert Incident.objects.count() == 2


def test_the_preview_shows_each_rows_errors_in_swedish_and_writes_nothing(
    client_for, coordinator, arboga, kungsor
):
    future = (timezone.localtime() + datetime.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    file = csv_file(
        row(arboga),
        row(arboga, category="Ballonger"),
        row(arboga, start="2026-03-05 22:00", end="2026-03-05 21:00"),
        row(arboga, start=future),
        row(kungsor),
        row(arboga, start="igår"),
        row(arboga, start="0001-01-01 00:00"),
    )
    html = upload(client_for(coordinator), arboga, file).content.decode()

    assert "6 rader har fel" in html
    assert "”Ballonger” är ingen kategori i Arboga" in html
    assert "Slutet är före början." in html
    assert "Början ligger i framtiden." in html
    assert "Positionen ligger i Kungsör, inte i Arboga." in html
    assert "”igår” i från är ingen tid" in html
    assert "Importera 6" not in html
    assert Incident.objects.count() == 0


def test_confirm_is_all_or_nothing(client_for, coordinator, arboga, settings):
    client = client_for(coordinator)
    upload(client, arboga, csv_file(row(arboga), row(arboga)))
    incident_import = IncidentImport.objects.get()
    # The category is retired between preview and confirmation: nothing is written.
    Category.objects.filter(municipality=arboga, name="Klotter").update(retired=True)

    response = confirm(client, incident_import)

    assert "2 rader har fel; inget importerades" in response.content.decode()
    assert "Inget importerades" in response.content.decode()
    assert Incident.objects.count() == 0


def excel_file(arboga):
    workbook = Workbook()
    sheet = workbook.active
    lat, lon = lat_lon_of(centre_of(arboga))
    sheet.append(["category", "from", "until", "latitude", "longitude"])
    sheet.append(["graffiti", datetime.datetime(2026, 3, 5, 22, 0), None, lat, lon])  # noqa: DTZ001 -- Excel knows no time zones
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("lista.xlsx", buffer.getvalue())


def geojson_file(arboga):
    lat, lon = lat_lon_of(centre_of(arboga))
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {"category": "Klotter", "from": "2026-03-05T22:00:00+01:00"},
            }
        ],
    }
    return SimpleUploadedFile("punkter.geojson", json.dumps(collection).encode())


@pytest.mark.parametrize("make", [excel_file, geojson_file])
def test_excel_and_geojson_files_import(client_for, coordinator, arboga, make):
    client = client_for(coordinator)
    upload(client, arboga, make(arboga))
    incident_import = IncidentImport.objects.get()
    assert incident_import.error_count == 0

    confirm(client, incident_import)

    incident = Incident.objects.get()
    assert timezone.localtime(incident.occurred_from).hour == 22
    assert incident.category.code == "graffiti"


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (
            SimpleUploadedFile("bild.png", b"\x89PNG\r\n"),
            "Välj en CSV-, Excel- (.xlsx) eller GeoJSON-fil.",
        ),
        (SimpleUploadedFile("tom.csv", b""), "filen var tom."),
        (
            SimpleUploadedFile("trasig.xlsx", b"not a zip"),
            "Filen kunde inte läsas som en Excel-arbetsbok",
        ),
    ],
)
def test_a_file_of_the_wrong_kind_is_refused_on_upload(
    client_for, coordinator, arboga, file, message
):
    response = upload(client_for(coordinator), arboga, file)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not IncidentImport.objects.exists()


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (SimpleUploadedFile("blank.csv", b"\n\n"), "Filen är tom."),
        (SimpleUploadedFile("trasig.geojson", b"{not json"), "Filen kunde inte läsas som GeoJSON."),
        (SimpleUploadedFile("fel.csv", b"a;b\n1;2\n"), "Filen har ingen kolumn"),
        (SimpleUploadedFile("bara.csv", HEADER.encode()), "Filen har inga händelser"),
        (SimpleUploadedFile("binar.csv", b"\x00\x01\x02kategori"), "binära data"),
    ],
)
def test_an_unreadable_file_gets_a_clear_message(client_for, coordinator, arboga, file, message):
    response = upload(client_for(coordinator), arboga, file)

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Inget importerades" in html
    assert IncidentImport.objects.get().status == IncidentImport.Status.FAILED


def test_the_outsider_cannot_import_into_arboga_nor_see_its_imports(
    client_for, coordinator, outsider, arboga
):
    upload(client_for(coordinator), arboga, csv_file(row(arboga)))
    incident_import = IncidentImport.objects.get()
    client = client_for(outsider)

    assert upload(client, arboga, csv_file(row(arboga))).status_code == 404
    assert (
        client.get(reverse("incident_import_preview", args=[incident_import.pk])).status_code == 404
    )
    assert confirm(client, incident_import).status_code == 404
    assert Incident.objects.count() == 0


def test_reporters_may_not_import(client_for, reporter, arboga):
    assert upload(client_for(reporter), arboga, csv_file(row(arboga))).status_code == 403


def test_the_command_imports_all_or_nothing(arboga, tmp_path):
    good = tmp_path / "bra.csv"
    good.write_text("\n".join([HEADER, row(arboga), row(arboga)]), encoding="utf-8")
    bad = tmp_path / "dålig.csv"
    bad.write_text(
        "\n".join([HEADER, row(arboga), row(arboga, category="Ballonger")]), encoding="utf-8"
    )
    out = io.StringIO()

    with pytest.raises(CommandError, match="1 of 2 rows have errors"):
        call_command("import_incidents", bad, municipality="1984", stdout=out)
    assert "row 3:" in out.getvalue()
    assert Incident.objects.count() == 0

    call_command("import_incidents", good, municipality="1984", stdout=out)
    assert Incident.objects.filter(source=Incident.Source.IMPORT).count() == 2


def test_an_export_imports_again(client_for, coordinator, arboga, file_incident, reporter):
    file_incident(reporter, arboga, description="Tags", place_name="Skolan")
    client = client_for(coordinator)
    exported = b"".join(client.get(reverse("incident_export")).streaming_content)

    upload(client, arboga, SimpleUploadedFile("export.csv", exported))

    assert IncidentImport.objects.get().error_count == 0


def test_times_in_the_night_clocks_go_forward_are_ordered_by_the_real_time(
    client_for, coordinator, arboga
):
    # 02:46 does not exist on 29 March 2026 (read as 01:46 UTC); 03:01 is 01:01 UTC.
    client = client_for(coordinator)
    upload(client, arboga, csv_file(row(arboga, start="2026-03-29 02:46", end="2026-03-29 03:01")))

    assert IncidentImport.objects.get().error_count == 1


def test_a_file_of_many_bad_rows_lists_the_first_thousand_and_counts_the_rest(
    client_for, coordinator, arboga, settings
):
    # Chunks of 500 rows: the bad rows are found across several chunks, and none is written.
    settings.IMPORT_CHUNK_ROWS = 500
    rows = [row(arboga)] * 300 + [row(arboga, start="2025-02-29 10:00")] * 1200 + [row(arboga)]
    client = client_for(coordinator)

    html = upload(client, arboga, csv_file(*rows)).content.decode()

    incident_import = IncidentImport.objects.get()
    assert incident_import.error_count == 1200
    assert len(incident_import.listed_rows) == 1000
    assert incident_import.listed_rows[0]["number"] == 302  # the header is row 1
    assert "1200 rader har fel" in html
    assert "200 till visas inte" in html
    # The date that does not exist, named with its row's value and its column.
    assert "”2025-02-29 10:00” i från är ingen tid" in html
    assert Incident.objects.count() == 0


def test_the_command_writes_in_chunks_all_or_nothing(arboga, tmp_path, settings):
    settings.IMPORT_CHUNK_ROWS = 2
    bad = tmp_path / "sent.csv"
    bad.write_text(
        "\n".join([HEADER, *[row(arboga)] * 5, row(arboga, start="2025-02-29 10:00")]),
        encoding="utf-8",
    )
    out = io.StringIO()

    with pytest.raises(CommandError, match="1 of 6 rows have errors"):
        call_command("import_incidents", bad, municipality="1984", stdout=out)

    assert "row 7: ”2025-02-29 10:00” i från är ingen tid" in out.getvalue()
    assert "6 rows checked, 4 written" in out.getvalue()
    assert Incident.objects.count() == 0
    assert not IncidentImport.objects.exists()

"""Large exports are written in the background: the list's export link offers the job, the
job's page gives the file to the one user who asked, the file holds only what that user may
read, the download is in the access log, and beat deletes the file after EXPORT_KEPT."""

import csv
import datetime
import io
import json
import time

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from est.access_log import AccessEntry, AccessKind
from reports.incidents.export_jobs import incident_exports_expired_delete
from reports.incidents.models import IncidentExport
from tests.worker import celery_worker

from . import test_list

incidents = test_list.incidents


@pytest.fixture
def small_limit(settings):
    """Every export of any incident goes to the background."""
    settings.EXPORT_BACKGROUND_ROWS = 0


def ask_for(client, capture, url_name, query=None):
    """Follow the list's export link to the offer and ask for the file; return the job's page."""
    offer = client.get(reverse(url_name), query or {})
    assert offer.status_code == 200
    assert "reports/incidents/exports/offer.html" in [t.name for t in offer.templates]
    form = offer.context
    with capture(execute=True):
        response = client.post(
            reverse("incident_export_start"), {"format": form["format"], "query": form["query"]}
        )
    assert response.status_code == 302
    return client.get(response["Location"])


def downloaded(client, export) -> bytes:
    response = client.get(reverse("incident_export_download", args=[export.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def csv_ids(content: bytes) -> set[int]:
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["id", "kommun", "kategori"]
    return {int(row[0]) for row in rows[1:]}


def test_a_large_export_is_written_in_the_background_for_its_asker_alone(
    client_for, coordinator, police, outsider, incidents, small_limit, media_storage,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    client = client_for(coordinator)
    page = ask_for(client, django_capture_on_commit_callbacks, "incident_export", {"q": "skola"})

    export = IncidentExport.objects.get()
    assert export.status == IncidentExport.Status.READY
    assert "Filen är klar" in page.content.decode()
    expected = {i.pk for i in incidents.values() if "skola" in i.description.lower()}
    assert expected
    assert csv_ids(downloaded(client, export)) == expected
    (entry,) = AccessEntry.objects.filter(kind=AccessKind.EXPORT)
    assert (entry.username, entry.target) == (coordinator.username, export.filename)

    # Nobody else gets the job's page, its progress or its file, not even a user of the same
    # municipalities.
    for other in (police, outsider):
        other_client = client_for(other)
        for name in ("detail", "progress", "download"):
            url = reverse(f"incident_export_{name}", args=[export.pk])
            assert other_client.get(url).status_code == 404


def test_the_outsiders_file_holds_none_of_arboga(
    client_for, outsider, incidents, small_limit, django_capture_on_commit_callbacks
):
    client = client_for(outsider)
    ask_for(client, django_capture_on_commit_callbacks, "incident_export_geojson")
    export = IncidentExport.objects.get()
    collection = json.loads(downloaded(client, export))

    assert export.row_count == 1
    assert [f["properties"]["id"] for f in collection["features"]] == [
        incidents["kungsor_graffiti"].pk
    ]


def test_an_excel_file_is_written_in_the_users_language(
    client_for, coordinator, incidents, small_limit, django_capture_on_commit_callbacks
):
    client = client_for(coordinator)
    client.cookies["django_language"] = "en"
    ask_for(client, django_capture_on_commit_callbacks, "incident_export_xlsx")
    export = IncidentExport.objects.get()
    sheet = load_workbook(io.BytesIO(downloaded(client, export))).active
    rows = list(sheet.iter_rows(values_only=True))

    assert rows[0][:3] == ("id", "municipality", "category")
    assert len(rows) == 1 + len(incidents) == 1 + export.row_count


@pytest.mark.parametrize(
    "posted", [{"format": "exe", "query": ""}, {"format": "csv", "query": "municipality=0000"}]
)
def test_a_bad_request_for_an_export_is_refused_with_a_message(
    client_for, coordinator, incidents, posted
):
    response = client_for(coordinator).post(reverse("incident_export_start"), posted, follow=True)

    assert response.status_code == 200
    assert not IncidentExport.objects.exists()
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert response.request["QUERY_STRING"] == posted["query"]


def test_a_small_export_still_streams_at_once(client_for, coordinator, incidents):
    response = client_for(coordinator).get(reverse("incident_export"))
    assert response.streaming
    assert csv_ids(b"".join(response.streaming_content)) == {i.pk for i in incidents.values()}


def test_beat_deletes_exports_and_their_files_after_the_retention(
    client_for, coordinator, incidents, small_limit, settings, media_storage,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    settings.EXPORT_KEPT = datetime.timedelta(hours=24)
    client = client_for(coordinator)
    ask_for(client, django_capture_on_commit_callbacks, "incident_export")
    export = IncidentExport.objects.get()
    storage, name = export.file.storage, export.file.name
    assert storage.exists(name)

    assert incident_exports_expired_delete(now=timezone.now() + datetime.timedelta(hours=23)) == 0
    assert incident_exports_expired_delete(now=timezone.now() + datetime.timedelta(hours=25)) == 1
    assert not storage.exists(name)
    assert client.get(reverse("incident_export_download", args=[export.pk])).status_code == 404
    assert incident_exports_expired_delete(now=timezone.now() + datetime.timedelta(hours=25)) == 0


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_writes_the_file(client_for, coordinator, incidents, small_limit, settings):
    with celery_worker({"MEDIA_ROOT": str(settings.MEDIA_ROOT)}):
        client = client_for(coordinator)
        offer = client.get(reverse("incident_export"))
        client.post(
            reverse("incident_export_start"),
            {"format": offer.context["format"], "query": offer.context["query"]},
        )
        export = IncidentExport.objects.get()
        deadline = timezone.now() + datetime.timedelta(seconds=120)
        while export.status in IncidentExport.RUNNING and timezone.now() < deadline:
            time.sleep(0.5)
            export.refresh_from_db()
    assert export.status == IncidentExport.Status.READY
    assert csv_ids(downloaded(client, export)) == {i.pk for i in incidents.values()}

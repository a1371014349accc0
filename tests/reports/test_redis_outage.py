"""With Redis (queue and cache) stopped, the work people do still gets done: filing (page and
API), triage, adopting a tertial analysis, publishing a situation picture and uploading an
import. The PDF that the adoption asks for is rendered, and the import checked, once Redis is
back, queued again by beat; the page that waits for it stops asking after a while instead of
polling forever."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from est.celery import app
from est.periods import Tertial
from reports.incidents.models import Incident, IncidentImport
from reports.situation.compile import situation_picture_compile, situation_picture_ensure
from reports.situation.models import SituationPicture
from reports.tasks import queue_waiting_imports, queue_waiting_renders
from reports.tertial.compile import tertial_analysis_compile, tertial_analysis_ensure
from reports.tertial.models import TertialAnalysis
from reports.tertial.workflow import tertial_analysis_submit
from tests.faults import redis_answers, redis_stopped
from tests.reports.helpers import PERIOD_START, known_incidents
from tests.reports.incidents.test_api import payload
from tests.reports.incidents.test_filing_page import URL, form_data
from tests.reports.incidents.test_imports import csv_file, row

pytestmark = pytest.mark.faults


@pytest.fixture
def tasks_sent_to_redis(monkeypatch):
    """Tasks sent to Redis as in production, not run in-process as elsewhere in the suite."""
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    # Celery retries sending for seconds by default; a request should not wait that long.
    monkeypatch.setitem(app.conf, "broker_connection_timeout", 1)
    monkeypatch.setitem(app.conf, "task_publish_retry", False)


@pytest.fixture
def redis_down(tasks_sent_to_redis):
    with redis_stopped():
        yield
    assert redis_answers()


def test_filing_and_triage_work_with_redis_down(
    client_for, reporter, coordinator, arboga, redis_down
):
    response = client_for(reporter).post(URL, form_data(arboga, description="Krossad ruta"))
    assert response.status_code == 302
    incident = Incident.objects.get(description="Krossad ruta")

    response = client_for(coordinator).post(
        reverse("incident_triage", args=[incident.pk]), {"status": "reviewed", "triage_note": ""}
    )

    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.status == Incident.Status.REVIEWED


def test_filing_through_the_api_works_with_redis_down(api_for, reporter, arboga, redis_down):
    # The API's throttle counts in Redis; without it, it lets requests through.
    response = api_for(reporter).post("/api/v1/incidents/", payload(arboga), format="json")

    assert response.status_code == 201
    assert Incident.objects.count() == 1


def test_a_tertial_adopted_with_redis_down_gets_its_pdf_when_redis_is_back(
    client_for,
    coordinator,
    arboga,
    tasks_sent_to_redis,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    analysis, _ = tertial_analysis_ensure(municipality=arboga, tertial=Tertial(2025, 1))
    tertial_analysis_compile(analysis_id=analysis.pk)
    tertial_analysis_submit(analysis=analysis, by=coordinator)
    client = client_for(coordinator)
    with redis_stopped():
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("tertial_adopt", args=[analysis.pk]),
                {"adopted_on": "2025-05-20", "decision": "Fokus på klotter i centrum."},
            )
        assert response.status_code == 302
        page = client.get(reverse("tertial_detail", args=[analysis.pk])).content.decode()
        status = client.get(reverse("tertial_pdf_status", args=[analysis.pk])).json()
    analysis.refresh_from_db()
    assert analysis.status == TertialAnalysis.Status.ADOPTED
    assert status["state"] == "queued"
    assert "ladda om sidan senare" in page
    # Redis is back; beat's next tick (five minutes on) queues the render again.
    TertialAnalysis.objects.filter(pk=analysis.pk).update(
        updated_at=analysis.updated_at - datetime.timedelta(minutes=6)
    )
    monkeypatch.setitem(app.conf, "task_always_eager", True)

    assert queue_waiting_renders() == 1

    analysis.refresh_from_db()
    assert analysis.render_state == TertialAnalysis.RenderState.DONE
    assert analysis.pdf.read().startswith(b"%PDF")


def test_a_situation_picture_is_published_with_redis_down(
    client_for, coordinator, police, arboga, kungsor, redis_down, django_capture_on_commit_callbacks
):
    known_incidents(arboga, kungsor)
    picture, _ = situation_picture_ensure(municipality=arboga, period_start=PERIOD_START)
    situation_picture_compile(picture_id=picture.pk)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(coordinator).post(reverse("situation_publish", args=[picture.pk]))

    assert response.status_code == 302
    picture.refresh_from_db()
    assert picture.status == SituationPicture.Status.PUBLISHED
    assert [message.to for message in mail.outbox] == [[police.email]]


def test_an_import_uploaded_with_redis_down_is_checked_once_it_is_back(
    client_for,
    coordinator,
    arboga,
    tasks_sent_to_redis,
    django_capture_on_commit_callbacks,
    monkeypatch,
):
    client = client_for(coordinator)
    with redis_stopped():
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("incident_import_upload", args=[arboga.code]),
                {"file": csv_file(row(arboga), row(arboga, category="fire"))},
            )
        assert response.status_code == 302
        page = client.get(response.url).content.decode()
    incident_import = IncidentImport.objects.get()
    assert incident_import.status == IncidentImport.Status.CHECKING
    assert "Varje rad i filen kontrolleras" in page
    # Redis is back; beat's next tick (five minutes on) queues the check again.
    IncidentImport.objects.filter(pk=incident_import.pk).update(
        created_at=incident_import.created_at - datetime.timedelta(minutes=6)
    )
    monkeypatch.setitem(app.conf, "task_always_eager", True)

    assert queue_waiting_imports() == 1

    incident_import.refresh_from_db()
    assert incident_import.status == IncidentImport.Status.PREVIEW
    assert "Importera 2 händelser" in client.get(response.url).content.decode()
    assert queue_waiting_imports() == 0

"""More than one machine: two web processes (gunicorn, as on two machines behind a load
balancer) and a Celery worker share nothing but PostgreSQL, Redis and an S3-compatible bucket.
A photo and a clip uploaded through one are served by the other to the same logged-in user, and
the footage purge, run by the worker, deletes the clip from the bucket."""

import datetime
import io

import pytest
import requests
from PIL import Image

from cameras.models import DeletionReceipt, Footage
from cameras.tasks import purge_footage
from reports.incidents.filing import incident_create
from reports.incidents.models import Category, IncidentPhoto
from tests.cameras.factories import MP4_HEADER, CameraFactory
from tests.conftest import PASSWORD
from tests.object_storage import s3_media
from tests.reports.conftest import jpeg_with_gps
from tests.second_factor import authenticator_app, second_factor_required, totp_code
from tests.web import web_process
from tests.worker import celery_worker

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _post(session, url, data, **extra):
    """POST a form the way a browser does, with the CSRF token of the session's cookie."""
    session.get(url)
    return session.post(
        url, data={**data, "csrfmiddlewaretoken": session.cookies["csrftoken"]}, **extra
    )


def log_in(base_url, user) -> requests.Session:
    """Log ``user`` in through the login form of the web process at ``base_url`` (and give the
    app's code when their role needs one); return the browser-like session."""
    session = requests.Session()
    required = second_factor_required(user)
    app = authenticator_app(user) if required else None
    answer = _post(
        session, f"{base_url}/accounts/login/", {"username": user.username, "password": PASSWORD}
    )
    if required:
        answer = _post(session, f"{base_url}/accounts/second-factor/", {"code": totp_code(app)})
    assert answer.url == f"{base_url}/", answer.text[:500]
    return session


@pytest.fixture
def bucket(settings, s3_server):
    """An empty bucket, the test's own storage for uploaded files; returns its MediaStorage."""
    media = s3_media(s3_server)
    settings.STORAGES = {**settings.STORAGES, "default": media.storage}
    return media


def test_a_photo_uploaded_through_one_web_process_is_shown_by_another(bucket, reporter, arboga):
    incident = incident_create(
        reporter=reporter,
        municipality=arboga,
        category=Category.objects.get(municipality=arboga, code="graffiti"),
        occurred_from=datetime.datetime(2026, 11, 30, 22, tzinfo=datetime.UTC),
        occurred_to=datetime.datetime(2026, 11, 30, 23, tzinfo=datetime.UTC),
        position=arboga.boundary.centroid,
        description="Krossad ruta",
    )
    with web_process(bucket.env) as first, web_process(bucket.env) as second:
        session = log_in(first, reporter)
        upload = session.post(
            f"{first}/api/v1/incidents/{incident.pk}/photos/",
            files={"photo": ("ruta.jpg", jpeg_with_gps(), "image/jpeg")},
            headers={"X-CSRFToken": session.cookies["csrftoken"]},
        )
        assert upload.status_code == 201, upload.text
        photo = IncidentPhoto.objects.get(incident=incident)
        assert bucket.holds(photo.image.name)

        # The same session, the other machine: it knows the user and has the photo.
        shown = session.get(f"{second}/reports/incidents/{incident.pk}/photos/{photo.pk}/image/")
    assert shown.status_code == 200
    assert shown.headers["Content-Type"] == "image/jpeg"
    assert Image.open(io.BytesIO(shown.content)).size == (640, 480)
    assert b"Test Camera X100" not in shown.content


def test_footage_uploaded_through_one_web_process_is_served_by_another_and_purged(
    bucket, coordinator, arboga
):
    camera = CameraFactory(municipality=arboga)
    clip = MP4_HEADER + b"frames of the entrance" * 1000
    with web_process(bucket.env) as first, web_process(bucket.env) as second:
        session = log_in(first, coordinator)
        url = f"{first}/cameras/{camera.pk}/footage/new/"
        session.get(url)
        saved = session.post(
            url,
            data={
                "csrfmiddlewaretoken": session.cookies["csrftoken"],
                "recorded_from": "2026-01-01T10:00",
                "recorded_until": "2026-01-01T10:05",
                "description": "Inbrott i förrådet",
            },
            files={"file": ("klipp.mp4", clip, "video/mp4")},
        )
        footage = Footage.objects.get(camera=camera)
        assert saved.url.endswith(f"/cameras/footage/{footage.pk}/"), saved.text[:500]
        name = footage.file.name
        assert bucket.holds(name)

        downloaded = session.get(f"{second}/cameras/footage/{footage.pk}/file/")
        assert downloaded.status_code == 200
        assert downloaded.content == clip

        # Its 72 hours ran out long ago: the worker, a third process, purges it.
        with celery_worker(env=bucket.env):
            assert purge_footage.delay().get(timeout=60) == "1 deleted, 0 failed"
        assert not bucket.holds(name)
        assert DeletionReceipt.objects.get(footage=footage).file_size == len(clip)
        gone = session.get(f"{first}/cameras/footage/{footage.pk}/file/")
    assert gone.status_code == 404

"""Footage downloads, the permit compilation's downloads and data subject requests each leave an
entry in the access log."""

import datetime

import pytest
from django.utils import timezone

from est.access_log import AccessEntry, AccessKind
from est.models import DataSubjectRequest
from tests.cameras.factories import CameraFactory, FootageFactory

pytestmark = pytest.mark.django_db


def entries(kind):
    return list(AccessEntry.objects.filter(kind=kind).select_related("municipality"))


def test_a_footage_download_is_logged(client_for, coordinator, outsider, arboga):
    footage = FootageFactory(camera=CameraFactory(municipality=arboga))
    assert client_for(outsider).get(f"/cameras/footage/{footage.pk}/file/").status_code == 404
    assert not AccessEntry.objects.exists()
    response = client_for(coordinator).get(f"/cameras/footage/{footage.pk}/file/")
    assert response.status_code == 200
    (entry,) = entries(AccessKind.FOOTAGE)
    assert (entry.username, entry.municipality, entry.client) == ("sara", arboga, "127.0.0.1")


@pytest.mark.parametrize("download", ["xlsx", "pdf"])
def test_the_permit_compilations_downloads_are_logged(client_for, coordinator, arboga, download):
    camera = CameraFactory(municipality=arboga, name="Torget")
    response = client_for(coordinator).get(
        f"/cameras/{camera.pk}/permit-statistics/",
        {"start": "2026-01-01", "end": "2026-06-30", "buffer": 100, "format": download},
    )
    assert response.status_code == 200
    (entry,) = entries(AccessKind.EXPORT)
    assert entry.municipality == arboga
    assert entry.target == f"imy-torget-2026-01-01-2026-06-30.{download}"


def test_data_subject_requests_are_logged_when_listed_and_opened(client_for, coordinator, arboga):
    request = DataSubjectRequest.objects.create(
        municipality=arboga,
        kind=DataSubjectRequest.Kind.EXTRACT,
        reference="KS 2026/311",
        received_on=timezone.localdate(),
        deadline=timezone.localdate() + datetime.timedelta(days=30),
    )
    client = client_for(coordinator)
    assert client.get("/data-subject-requests/").status_code == 200
    assert [e.municipality for e in entries(AccessKind.DATA_SUBJECT_REQUEST)] == [arboga]
    assert client.get(f"/data-subject-requests/{request.pk}/").status_code == 200
    opened = AccessEntry.objects.filter(kind=AccessKind.DATA_SUBJECT_REQUEST).order_by("at")
    assert opened.last().path == f"/data-subject-requests/{request.pk}/"

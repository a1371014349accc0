"""Opening an incident with its reporter and photos, a photo, and an export each leave an entry
in the access log: who, what, which municipality, when and from where."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from est.access_log import AccessEntry, AccessKind
from reports.incidents.filing import incident_photo_add
from tests.reports.conftest import jpeg_with_gps

pytestmark = pytest.mark.django_db


def the_entry(kind):
    (entry,) = AccessEntry.objects.filter(kind=kind)
    return entry


def test_opening_an_incident_is_logged(client_for, coordinator, reporter, arboga, file_incident):
    incident = file_incident(reporter, arboga)
    assert client_for(coordinator).get(f"/reports/incidents/{incident.pk}/").status_code == 200
    entry = the_entry(AccessKind.INCIDENT)
    assert (entry.user, entry.username, entry.municipality) == (coordinator, "sara", arboga)
    assert entry.target == f"händelse {incident.pk}"
    assert entry.client == "127.0.0.1"
    assert entry.path == f"/reports/incidents/{incident.pk}/"


def test_opening_an_incident_through_the_api_is_logged(
    api_for, coordinator, reporter, arboga, file_incident
):
    incident = file_incident(reporter, arboga)
    assert api_for(coordinator).get(f"/api/v1/incidents/{incident.pk}/").status_code == 200
    assert the_entry(AccessKind.INCIDENT).municipality == arboga


def test_another_municipalitys_incident_is_404_and_nothing_is_logged(
    client_for, outsider, reporter, arboga, file_incident
):
    incident = file_incident(reporter, arboga)
    assert client_for(outsider).get(f"/reports/incidents/{incident.pk}/").status_code == 404
    assert not AccessEntry.objects.exists()


def test_a_photo_is_logged_and_its_thumbnail_on_the_logged_page_is_not(
    client_for, coordinator, reporter, arboga, file_incident
):
    incident = file_incident(reporter, arboga)
    upload = SimpleUploadedFile("photo.jpg", jpeg_with_gps(), content_type="image/jpeg")
    photo = incident_photo_add(incident=incident, by=reporter, upload=upload)
    client = client_for(coordinator)
    url = f"/reports/incidents/{incident.pk}/photos/{photo.pk}/"
    assert client.get(url + "thumbnail/").status_code == 200
    assert not AccessEntry.objects.exists()
    assert client.get(url + "image/").status_code == 200
    assert the_entry(AccessKind.PHOTO).target == f"händelse {incident.pk}"


def test_an_export_is_logged_for_each_municipality_it_holds(
    client_for, coordinator, reporter, arboga, kungsor, file_incident
):
    file_incident(reporter, arboga)
    response = client_for(coordinator).get(reverse("incident_export"))
    assert response.status_code == 200
    b"".join(response.streaming_content)
    entry = the_entry(AccessKind.EXPORT)
    assert entry.municipality == arboga
    assert entry.target.startswith("incidents-")
    assert entry.target.endswith(".csv")

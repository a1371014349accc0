"""Who sees which incidents: a Kungsör coordinator sees nothing of Arboga, anywhere."""

import pytest
from django.urls import reverse

from reports.incidents.models import Incident


@pytest.fixture
def arboga_incident(reporter, arboga, file_incident):
    return file_incident(reporter, arboga, description="Arbogas händelse")


@pytest.fixture
def kungsor_incident(coordinator, kungsor, file_incident):
    return file_incident(coordinator, kungsor, description="Kungsörs händelse")


@pytest.mark.parametrize("url_name", ["incident_detail", "incident_correct", "incident_triage"])
def test_the_outsider_gets_404_for_an_arboga_incident(
    client_for, outsider, arboga_incident, url_name
):
    client = client_for(outsider)
    url = reverse(url_name, args=[arboga_incident.pk])

    response = (
        client.post(url, {"status": "closed"}) if url_name == "incident_triage" else client.get(url)
    )

    assert response.status_code == 404
    arboga_incident.refresh_from_db()
    assert arboga_incident.status == Incident.Status.NEW


def test_the_outsider_gets_404_from_the_api(client_for, outsider, arboga_incident):
    response = client_for(outsider).get(f"/api/v1/incidents/{arboga_incident.pk}/")

    assert response.status_code == 404


def test_the_outsider_sees_no_arboga_incident_anywhere(
    client_for, outsider, arboga_incident, kungsor_incident
):
    client = client_for(outsider)

    listed = client.get(reverse("incident_list")).context["object_list"]
    whole_country = {"bbox": "10,55,24.5,69.5", "zoom": "14"}
    mapped = client.get(reverse("incident_map_data"), whole_country).json()["incidents"]["features"]
    exported = b"".join(client.get(reverse("incident_export")).streaming_content).decode()
    api = client.get("/api/v1/incidents/").json()

    assert [i.pk for i in listed] == [kungsor_incident.pk]
    assert [f["properties"]["id"] for f in mapped] == [kungsor_incident.pk]
    assert "Kungsörs händelse" in exported
    assert "Arbogas händelse" not in exported
    assert [f["id"] for f in api["results"]["features"]] == [kungsor_incident.pk]


def test_the_outsider_cannot_filter_by_an_arboga_area(
    client_for, outsider, arboga, arboga_incident
):
    from tests.factories import AreaFactory

    area = AreaFactory(municipality=arboga)

    response = client_for(outsider).get(reverse("incident_list"), {"area": area.pk})

    assert list(response.context["object_list"]) == []


def test_a_reporter_reads_only_their_own(
    client_for, reporter, arboga_incident, coordinator, arboga, file_incident
):
    others = file_incident(coordinator, arboga)
    client = client_for(reporter)

    assert client.get(reverse("incident_detail", args=[arboga_incident.pk])).status_code == 200
    assert client.get(reverse("incident_detail", args=[others.pk])).status_code == 404
    assert client.get(reverse("incident_list")).status_code == 403
    assert client.get(reverse("incident_export")).status_code == 403
    api = client.get("/api/v1/incidents/").json()
    assert [f["id"] for f in api["results"]["features"]] == [arboga_incident.pk]


def test_police_read_every_incident_but_do_not_triage(client_for, police, arboga_incident):
    client = client_for(police)

    assert client.get(reverse("incident_detail", args=[arboga_incident.pk])).status_code == 200
    response = client.post(
        reverse("incident_triage", args=[arboga_incident.pk]), {"status": "closed"}
    )
    assert response.status_code == 403


def test_council_members_see_no_incidents(client_for, council_member, arboga_incident):
    client = client_for(council_member)

    assert client.get(reverse("incident_list")).status_code == 403
    assert client.get(reverse("incident_detail", args=[arboga_incident.pk])).status_code == 403
    assert client.get("/api/v1/incidents/").status_code == 403


def test_photos_are_served_only_within_scope(client_for, reporter, outsider, arboga, file_incident):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.reports.conftest import jpeg_with_gps

    incident = file_incident(
        reporter, arboga, photos=[SimpleUploadedFile("p.jpg", jpeg_with_gps(), "image/jpeg")]
    )
    photo = incident.photos.get()
    url = reverse("incident_photo", args=[incident.pk, photo.pk, "thumbnail"])

    assert client_for(outsider).get(url).status_code == 404
    response = client_for(reporter).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"

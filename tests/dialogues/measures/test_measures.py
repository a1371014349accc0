"""Measures: made from a walk's findings, moved through every status by the rules, seen by
their organisation's measure owner and nobody else's, never across municipalities."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from dialogues.measures.models import Measure
from dialogues.measures.services import measure_create, measure_status_set
from tests.dialogues.findings import (
    finding_on,
    held_walk,
    measure_owner,
    photo_of,
    street_department,
)
from tests.factories import OrganisationFactory
from tests.reports.conftest import jpeg_with_gps

pytestmark = pytest.mark.django_db


@pytest.fixture
def walk(arboga, coordinator):
    return held_walk(arboga, coordinator)


@pytest.fixture
def streets(arboga, kungsor):
    return street_department(arboga, kungsor)


@pytest.fixture
def owner(streets, arboga):
    return measure_owner(streets, arboga)


@pytest.fixture
def measure(walk, coordinator, streets):
    return measure_create(
        municipality=walk.municipality,
        by=coordinator,
        findings=[finding_on(walk)],
        title="Byt armaturerna",
        responsible=streets,
        due_on=timezone.localdate() + datetime.timedelta(days=20),
    )


def test_the_coordinator_turns_two_findings_into_one_measure(
    client_for, coordinator, walk, streets
):
    lamp = finding_on(walk)
    bush = finding_on(walk, category="Vegetation", description="Tätt buskage")
    response = client_for(coordinator).post(
        reverse("measure_create", args=[walk.pk]),
        {
            "title": "Klipp buskage och byt lampor",
            "responsible": streets.pk,
            "contact": "gata@example.se",
            "due_on": "2027-01-31",
            "findings": [lamp.pk, bush.pk],
        },
        follow=True,
    )
    measure = Measure.objects.get()
    assert set(measure.findings.all()) == {lamp, bush}
    assert measure.status == Measure.Status.PROPOSED
    assert "Klipp buskage och byt lampor" in response.content.decode()


def test_a_measure_without_what_or_who_keeps_what_was_typed(client_for, coordinator, walk):
    response = client_for(coordinator).post(
        reverse("measure_create", args=[walk.pk]), {"title": "", "contact": "Gustav, 0589-1234"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Gustav, 0589-1234" in page
    assert Measure.objects.count() == 0


def test_an_organisation_of_another_municipality_is_refused(coordinator, walk, kungsor):
    elsewhere = OrganisationFactory(name="Kungsörs fastigheter")
    elsewhere.municipalities.add(kungsor)
    with pytest.raises(ValidationError, match="verkar inte i Arboga"):
        measure_create(
            municipality=walk.municipality, by=coordinator, title="X", responsible=elsewhere
        )


@pytest.mark.usefixtures("media_storage")
def test_a_measure_goes_through_every_status(measure, owner):
    for status in ("decided", "in_progress"):
        measure = measure_status_set(measure=measure, by=owner, status=status)
        assert measure.status == status
    with pytest.raises(ValidationError, match="Ange vad som gjordes"):
        measure_status_set(measure=measure, by=owner, status="done")
    photo = SimpleUploadedFile("klart.jpg", jpeg_with_gps(), content_type="image/jpeg")
    measure = measure_status_set(
        measure=measure, by=owner, status="done", done_note="Sex lampor bytta.", done_photo=photo
    )
    assert measure.done_at is not None
    with measure.done_photo.open("rb") as file, Image.open(file) as stored:
        assert not stored.getexif()
    with pytest.raises(ValidationError, match="Ange varför"):
        measure_status_set(measure=measure, by=owner, status="rejected")
    measure = measure_status_set(
        measure=measure, by=owner, status="rejected", rejection_reason="Ingen budget."
    )
    assert (measure.status, measure.done_at, measure.done_note) == ("rejected", None, "")


def test_the_status_form_says_what_is_missing(client_for, owner, measure):
    response = client_for(owner).post(
        reverse("measure_status", args=[measure.pk]), {"status": "rejected"}
    )
    assert "Ange varför åtgärden avslås." in response.content.decode()
    measure.refresh_from_db()
    assert measure.status == "proposed"


def test_the_owner_sees_only_their_organisations_measures(
    client_for, owner, measure, walk, coordinator, arboga
):
    housing = OrganisationFactory(name="Arboga Bostäder")
    housing.municipalities.add(arboga)
    other = measure_create(
        municipality=arboga, by=coordinator, title="Sanera klotter", responsible=housing
    )
    client = client_for(owner)
    listing = client.get(reverse("measure_list")).content.decode()
    assert "Byt armaturerna" in listing
    assert "Sanera klotter" not in listing
    assert client.get(reverse("measure_detail", args=[other.pk])).status_code == 404
    assert client.get(reverse("measure_detail", args=[measure.pk])).status_code == 200
    response = client.post(
        reverse("measure_status", args=[measure.pk]), {"status": "in_progress"}, follow=True
    )
    assert response.status_code == 200
    measure.refresh_from_db()
    assert measure.status == "in_progress"


@pytest.mark.parametrize(
    "name",
    [
        "incident_list",
        "incident_mine",
        "incident_map_data",
        "incident_export",
        "incident_file",
        "situation_list",
        "tertial_list",
        "cameras:camera_list",
        "municipality_list",
        "walk_list",
        "pledge_list",
    ],
)
def test_the_owner_never_reaches_incidents_pictures_cameras_or_walks(client_for, owner, name):
    assert client_for(owner).get(reverse(name)).status_code in (403, 404)


def test_the_owner_gets_no_incidents_from_the_api(api_for, owner):
    assert api_for(owner).get("/api/v1/incidents/").status_code == 403


def test_the_owner_is_offered_only_the_measures(client_for, owner, measure, walk):
    client = client_for(owner)
    start = client.get("/").content.decode()
    assert reverse("measure_list") in start
    for name in ("incident_list", "walk_list", "municipality_list"):
        assert f'href="{reverse(name)}"' not in start
    assert client.get(reverse("measure_update", args=[measure.pk])).status_code == 403
    assert client.get(reverse("walk_report", args=[walk.pk])).status_code == 403
    photo = photo_of(finding_on(walk))
    photo_url = reverse("walk_finding_photo", args=[walk.pk, photo.pk, "image"])
    assert client.get(photo_url).status_code == 403


def test_the_list_filters_by_status_organisation_and_overdue(
    client_for, coordinator, measure, arboga
):
    late = measure_create(
        municipality=arboga,
        by=coordinator,
        title="Belys tunneln",
        responsible=measure.responsible,
        due_on=datetime.date(2025, 1, 1),
    )
    client = client_for(coordinator)
    overdue = client.get(reverse("measure_list"), {"overdue": "on"}).content.decode()
    assert late.title in overdue
    assert measure.title not in overdue
    done = client.get(reverse("measure_list"), {"status": "done"}).content.decode()
    assert late.title not in done
    assert measure.title not in done
    by_org = client.get(reverse("measure_list"), {"responsible": measure.responsible_id})
    assert late.title in by_org.content.decode()
    assert client.get(reverse("measure_list"), {"responsible": "nonsense"}).status_code == 200


def test_another_municipality_gets_404_for_every_measure_url(client_for, outsider, measure, walk):
    client = client_for(outsider)
    for name in ("measure_detail", "measure_update", "measure_status", "measure_photo"):
        assert client.get(reverse(name, args=[measure.pk])).status_code == 404, name
    assert client.get(reverse("measure_create", args=[walk.pk])).status_code == 404
    assert measure.title not in client.get(reverse("measure_list")).content.decode()


def test_the_api_lists_and_moves_the_owners_measures(api_for, owner, measure, outsider):
    api = api_for(owner)
    listing = api.get("/api/v1/measures/").json()
    assert [m["title"] for m in listing["results"]] == ["Byt armaturerna"]
    refused = api.post(f"/api/v1/measures/{measure.pk}/status/", {"status": "done"}, format="json")
    assert refused.status_code == 400
    assert "done_note" in refused.json()
    done = api.post(
        f"/api/v1/measures/{measure.pk}/status/",
        {"status": "done", "done_note": "Klart."},
        format="json",
    )
    assert done.json()["status"] == "done"
    assert api_for(outsider).get(f"/api/v1/measures/{measure.pk}/").status_code == 404

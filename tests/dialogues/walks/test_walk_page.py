"""The walk page without scripts: each form posts as usual and the page comes back with a
message, or with the form's messages and everything typed; the offline queue's requests get
JSON instead. Participants and reporters find the page; coordinators keep the categories."""

import uuid

from django.urls import reverse

from dialogues.walks.categories import finding_categories
from dialogues.walks.models import Finding, FindingCategory, ParticipantCount
from tests.reports.conftest import centre_of, lat_lon_of

QUEUE = {"HTTP_ACCEPT": "application/json"}


def finding_form(walk, key=None, **changes):
    lat, lon = lat_lon_of(centre_of(walk.municipality))
    return {
        "latitude": f"{lat:.6f}",
        "longitude": f"{lon:.6f}",
        "category": finding_categories(walk.municipality).get(code="vegetation").pk,
        "description": "Buskaget skymmer sikten",
        "unsafe": "3",
        "submission_key": str(key or uuid.uuid4()),
        **changes,
    }


def test_a_reporter_finds_the_walk_and_records_without_scripts(client_for, walk, reporter):
    client = client_for(reporter)
    assert (
        reverse("walk_record", args=[walk.pk]) in client.get(reverse("walk_list")).content.decode()
    )
    answer = client.post(
        reverse("walk_finding_create", args=[walk.pk]), finding_form(walk), follow=True
    )
    assert "Iakttagelsen är registrerad." in answer.content.decode()
    assert "Buskaget skymmer sikten" in answer.content.decode()
    assert Finding.objects.get().recorded_by == reporter


def test_a_refused_finding_keeps_what_was_typed(client_for, walk, coordinator):
    answer = client_for(coordinator).post(
        reverse("walk_finding_create", args=[walk.pk]),
        finding_form(walk, latitude="", description="Kvar efteråt"),
    )
    page = answer.content.decode()
    assert answer.status_code == 200
    assert "Markera platsen på kartan" in page
    assert "Kvar efteråt" in page
    assert Finding.objects.count() == 0


def test_the_queue_gets_json_and_a_resend_files_nothing_twice(client_for, walk, coordinator):
    client = client_for(coordinator)
    url = reverse("walk_finding_create", args=[walk.pk])
    key = uuid.uuid4()
    first = client.post(url, finding_form(walk, key), **QUEUE)
    again = client.post(url, finding_form(walk, key), **QUEUE)
    assert first.json() == again.json() == {"next": reverse("walk_record", args=[walk.pk])}
    assert Finding.objects.count() == 1
    refused = client.post(url, finding_form(walk, unsafe="9"), **QUEUE)
    assert refused.status_code == 400
    assert "unsafe" in refused.json()["errors"]


def test_participants_are_counted_by_group(client_for, walk, police):
    client_for(police).post(
        reverse("walk_participants", args=[walk.pk]), {"residents": "9", "schools": "1"}
    )
    assert dict(ParticipantCount.objects.values_list("group", "count")) == {
        "residents": 9,
        "schools": 1,
    }


def test_the_coordinator_renames_reorders_and_retires_categories(client_for, arboga, coordinator):
    lighting = finding_categories(arboga).get(code="lighting")
    prefix = f"category-{lighting.pk}"
    client_for(coordinator).post(
        reverse("finding_categories", args=[arboga.code]),
        {"category": lighting.pk, f"{prefix}-name": "Gatubelysning", f"{prefix}-position": "0"},
    )
    lighting.refresh_from_db()
    assert (lighting.name, lighting.position, lighting.active) == ("Gatubelysning", 0, False)
    assert finding_categories(arboga).first() == lighting


def test_reporters_do_not_keep_the_categories(client_for, arboga, reporter):
    assert (
        client_for(reporter).get(reverse("finding_categories", args=[arboga.code])).status_code
        == 403
    )
    assert FindingCategory.objects.count() == 0

"""Correcting an incident: its reporter for 48 hours, coordinators always; history keeps all."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from reports.incidents.filing import incident_triage, incident_update
from reports.incidents.models import Incident
from tests.reports.conftest import category_of, centre_of, lat_lon_of


@pytest.fixture
def incident(reporter, arboga, file_incident):
    return file_incident(reporter, arboga)


def test_the_reporter_corrects_within_48_hours(reporter, incident):
    later = incident.created_at + datetime.timedelta(hours=47)

    incident_update(incident=incident, by=reporter, now=later, description="Rättad text")

    incident.refresh_from_db()
    assert incident.description == "Rättad text"
    old, new = incident.history.order_by("history_date")
    assert old.description == "Klotter på gaveln"
    assert new.description == "Rättad text"
    assert new.history_user == reporter


def test_the_reporter_may_not_correct_after_48_hours(reporter, incident):
    later = incident.created_at + datetime.timedelta(hours=48, minutes=1)

    with pytest.raises(PermissionDenied):
        incident_update(incident=incident, by=reporter, now=later, description="För sent")

    incident.refresh_from_db()
    assert incident.description == "Klotter på gaveln"


def test_a_coordinator_corrects_at_any_time(coordinator, incident):
    much_later = incident.created_at + datetime.timedelta(days=300)

    incident_update(incident=incident, by=coordinator, now=much_later, place_name="Torget")

    incident.refresh_from_db()
    assert incident.place_name == "Torget"
    assert incident.history.first().history_user == coordinator


def test_another_reporter_may_not_correct(incident, arboga):
    from tests.factories import UserFactory

    colleague = UserFactory(municipalities=[arboga])

    with pytest.raises(PermissionDenied):
        incident_update(incident=incident, by=colleague, description="Inte min")


def test_a_question_from_the_coordinator_reopens_the_window(reporter, coordinator, incident):
    incident_triage(incident=incident, by=coordinator, status="needs_information", note="Var?")
    later = incident.created_at + datetime.timedelta(days=5)

    incident_update(incident=incident, by=reporter, now=later, place_name="Vid kyrkan")

    incident.refresh_from_db()
    assert incident.place_name == "Vid kyrkan"
    assert incident.status == Incident.Status.NEW


def test_a_correction_follows_the_rules_of_filing(reporter, kungsor, incident):
    with pytest.raises(ValidationError) as excinfo:
        incident_update(incident=incident, by=reporter, position=centre_of(kungsor))

    assert "position" in excinfo.value.message_dict


def test_a_retired_category_stays_until_it_is_changed(reporter, arboga, incident):
    from reports.incidents.categories import category_retire

    graffiti = incident.category
    category_retire(category=graffiti)

    incident_update(incident=incident, by=reporter, description="Ny text")
    assert incident.category == graffiti
    incident_update(incident=incident, by=reporter, category=category_of(arboga, "vandalism"))
    with pytest.raises(ValidationError):
        incident_update(incident=incident, by=reporter, category=graffiti)


def test_the_correction_page_shows_the_48_hour_rule(client_for, reporter, arboga, incident):
    url = reverse("incident_correct", args=[incident.pk])
    client = client_for(reporter)
    lat, lon = lat_lon_of(centre_of(arboga))

    response = client.post(
        url,
        {
            "latitude": lat,
            "longitude": lon,
            "place_name": "Gaveln",
            "when": "exact",
            "occurred_from": timezone.localtime(incident.occurred_from).strftime("%Y-%m-%dT%H:%M"),
            "occurred_to": "",
            "category": "Skadegörelse",
            "description": "Det var skadegörelse",
        },
    )

    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.category.name == "Skadegörelse"
    Incident.objects.filter(pk=incident.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=49)
    )
    assert client.get(url).status_code == 403
    detail = client.get(reverse("incident_detail", args=[incident.pk])).content.decode()
    assert url not in detail


def test_the_detail_page_says_who_changed_what(client_for, reporter, coordinator, incident):
    incident_update(incident=incident, by=reporter, description="Ny beskrivning")
    incident_triage(incident=incident, by=coordinator, status="reviewed")

    response = client_for(coordinator).get(reverse("incident_detail", args=[incident.pk]))

    history = response.context["history"]
    assert [row["changed"] for row in history] == [
        ["status"],
        ["vad som hände"],
        [],
    ]
    assert history[0]["record"].history_user == coordinator

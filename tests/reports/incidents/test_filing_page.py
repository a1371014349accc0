"""The filing page: what a reporter sees and sends, with errors next to the fields."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.incidents.models import Incident
from tests.reports.conftest import centre_of, lat_lon_of

URL = reverse("incident_file")


def form_data(municipality, **overrides):
    lat, lon = lat_lon_of(centre_of(municipality))
    data = {
        "latitude": f"{lat:.6f}",
        "longitude": f"{lon:.6f}",
        "place_name": "Gaveln vid Nybyskolan",
        "when": "now",
        "occurred_from": "",
        "occurred_to": "",
        "category": "Klotter",
        "description": "Nytt klotter",
        "police_reference": "",
        "idempotency_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def test_the_page_offers_the_categories_and_a_fresh_key(client_for, reporter):
    response = client_for(reporter).get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Otrygghetsskapande folksamling" in html
    assert 'name="idempotency_key"' in html
    assert 'name="latitude"' in html
    assert 'name="longitude"' in html
    assert response.context["form"].initial["idempotency_key"]


def test_filing_redirects_to_my_reports(client_for, reporter, arboga):
    response = client_for(reporter).post(URL, form_data(arboga))

    assert response.status_code == 302
    assert response.url == reverse("incident_mine")
    incident = Incident.objects.get()
    assert incident.reporter == reporter
    assert incident.category.name == "Klotter"
    assert incident.place_name == "Gaveln vid Nybyskolan"
    assert abs(incident.occurred_from - timezone.now()) < datetime.timedelta(minutes=2)


def test_resending_the_form_files_nothing_twice(client_for, reporter, arboga):
    data = form_data(arboga)
    client = client_for(reporter)

    client.post(URL, data)
    client.post(URL, data)

    assert Incident.objects.count() == 1


def test_errors_stand_next_to_the_field_and_nothing_is_lost(client_for, reporter, arboga, kungsor):
    data = form_data(kungsor, description="Det jag skrev")

    response = client_for(reporter).post(URL, data)

    assert response.status_code == 200
    html = response.content.decode()
    form = response.context["form"]
    assert form.errors["latitude"] == [
        "Positionen ligger i Kungsör, inte i Arboga. Kontrollera platsen."
    ]
    assert "Det jag skrev" in html
    assert "Inget av det du skrev har försvunnit." in html
    assert not Incident.objects.exists()


def test_a_missing_category_is_asked_for(client_for, reporter, arboga):
    response = client_for(reporter).post(URL, form_data(arboga, category=""))

    assert response.context["form"].errors["category"] == ["Välj vad som hände."]
    assert not Incident.objects.exists()


def test_an_exact_period_is_used_as_given(client_for, reporter, arboga):
    data = form_data(
        arboga, when="exact", occurred_from="2026-03-06T22:00", occurred_to="2026-03-07T02:30"
    )

    client_for(reporter).post(URL, data)

    incident = Incident.objects.get()
    assert timezone.localtime(incident.occurred_from).strftime("%Y-%m-%d %H:%M") == (
        "2026-03-06 22:00"
    )
    assert timezone.localtime(incident.occurred_to).strftime("%d %H:%M") == "07 02:30"


def test_an_end_before_the_start_is_shown_at_the_end(client_for, reporter, arboga):
    data = form_data(
        arboga, when="exact", occurred_from="2026-03-06T22:00", occurred_to="2026-03-06T21:00"
    )

    response = client_for(reporter).post(URL, data)

    assert response.context["form"].errors["occurred_to"] == ["Slutet är före början."]


def test_a_missing_position_is_asked_for(client_for, reporter, arboga):
    response = client_for(reporter).post(URL, form_data(arboga, latitude="", longitude=""))

    assert "latitude" in response.context["form"].errors


def test_send_and_report_another_keeps_place_and_time(client_for, reporter, arboga):
    data = form_data(arboga)
    response = client_for(reporter).post(URL, {**data, "another": "1"})

    assert response.status_code == 302
    # The position travels in the session, never in a URL (logs, history, Referer).
    assert response.url == URL
    follow_up = client_for(reporter).get(response.url)
    form = follow_up.context["form"]
    assert form.initial["place_name"] == "Gaveln vid Nybyskolan"
    assert form.initial["when"] == "exact"
    assert float(form.initial["latitude"]) == pytest.approx(float(data["latitude"]))
    # Once: the next filing page starts empty again.
    assert "place_name" not in client_for(reporter).get(URL).context["form"].initial


def test_an_untrained_reporter_is_told_about_the_training(client_for, untrained_reporter):
    response = client_for(untrained_reporter).get(URL)

    assert response.status_code == 200
    assert "utbildning" in response.content.decode()
    assert "form" not in response.context


@pytest.mark.parametrize("user", ["police", "council_member"])
def test_those_who_do_not_report_get_403(client_for, user, request):
    assert client_for(request.getfixturevalue(user)).get(URL).status_code == 403


def test_my_reports_lists_only_my_own(client_for, reporter, coordinator, arboga, file_incident):
    file_incident(reporter, arboga, description="Mitt eget")
    file_incident(coordinator, arboga, description="Samordnarens")

    response = client_for(reporter).get(reverse("incident_mine"))

    assert [i.description for i in response.context["object_list"]] == ["Mitt eget"]


def test_my_reports_shows_the_coordinators_question(
    client_for, reporter, coordinator, arboga, file_incident
):
    from reports.incidents.filing import incident_triage

    incident = file_incident(reporter, arboga)
    incident_triage(
        incident=incident, by=coordinator, status="needs_information", note="Vilken vägg?"
    )

    html = client_for(reporter).get(reverse("incident_mine")).content.decode()

    assert "Vilken vägg?" in html
    assert reverse("incident_correct", args=[incident.pk]) in html


def test_a_guard_of_two_municipalities_files_where_the_position_is(client_for, arboga, kungsor):
    from est.roles import Role
    from tests.factories import UserFactory

    guard = UserFactory(username="vilhelm", role=Role.REPORTER, municipalities=[arboga, kungsor])

    response = client_for(guard).post(URL, form_data(kungsor, category="Inbrott"))

    assert response.status_code == 302
    incident = Incident.objects.get()
    assert incident.municipality == kungsor
    assert incident.category.municipality == kungsor

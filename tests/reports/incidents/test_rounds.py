"""Round reports: several incidents in one submission, all or nothing, sent once."""

import datetime
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from reports.incidents.models import Incident
from reports.incidents.rounds import RoundInvalid, round_file
from tests.reports.conftest import category_of, centre_of, jpeg_with_gps, lat_lon_of

URL = reverse("round_file")


def incident_at(municipality, *, north=0.0, **overrides) -> dict:
    """Return one incident of the round form at ``municipality``'s centre (``north`` degrees up)."""
    lat, lon = lat_lon_of(centre_of(municipality))
    return {
        "latitude": f"{lat + north:.6f}",
        "longitude": f"{lon:.6f}",
        "place_name": "",
        "category": "Klotter",
        "description": "",
        "police_reference": "",
        **overrides,
    }


def round_data(*incidents, key=None, **round_fields) -> dict:
    """Return the round form's POST data: the round's time (last night) and ``incidents``."""
    data = {
        "when": "last_night",
        "occurred_from": "",
        "occurred_to": "",
        "idempotency_key": key or str(uuid.uuid4()),
        "incident-TOTAL_FORMS": str(len(incidents)),
        "incident-INITIAL_FORMS": "0",
        "incident-MIN_NUM_FORMS": "1",
        "incident-MAX_NUM_FORMS": "50",
        **round_fields,
    }
    for number, incident in enumerate(incidents):
        data.update({f"incident-{number}-{name}": value for name, value in incident.items()})
    return data


def test_a_round_with_two_incidents_files_both_with_the_rounds_time(client_for, reporter, arboga):
    data = round_data(
        incident_at(arboga, description="Klotter på gaveln"),
        incident_at(arboga, north=0.001, category="Skadegörelse", description="Krossad ruta"),
    )

    response = client_for(reporter).post(URL, data, follow=True)

    assert response.redirect_chain[-1][0] == reverse("incident_mine")
    html = response.content.decode()
    assert "Tack! Din rondrapport med 2 händelser är inskickad." in html
    graffiti, vandalism = Incident.objects.order_by("pk")
    assert [graffiti.category.name, vandalism.category.name] == ["Klotter", "Skadegörelse"]
    assert graffiti.position != vandalism.position
    assert graffiti.occurred_from == vandalism.occurred_from
    assert graffiti.occurred_to == vandalism.occurred_to
    assert graffiti.occurred_from < graffiti.occurred_to  # last night, 22–06
    assert vandalism.organisation == reporter.organisation
    assert "Krossad ruta" not in html  # my list names them by category
    assert html.count('class="incident-card"') == 2


def test_one_wrong_incident_saves_nothing_and_its_error_stands_in_it(
    client_for, reporter, arboga, kungsor
):
    data = round_data(
        incident_at(arboga, description="Det första jag skrev"),
        incident_at(kungsor, description="Det andra jag skrev"),
    )

    response = client_for(reporter).post(URL, data)

    assert response.status_code == 200
    assert Incident.objects.count() == 0
    first, second = response.context["formset"].forms
    assert first.errors == {}
    assert second.errors["latitude"] == [
        "Positionen ligger i Kungsör, inte i Arboga. Kontrollera platsen."
    ]
    html = response.content.decode()
    assert "Det första jag skrev" in html
    assert "Det andra jag skrev" in html
    assert 'href="#incident-1-position">Händelse 2: Position' in html


def test_errors_of_the_round_and_of_an_incident_stand_where_they_belong(
    client_for, reporter, arboga
):
    an_hour_ago = timezone.localtime() - datetime.timedelta(hours=1)
    data = round_data(
        incident_at(arboga, description="Behålls"),
        incident_at(arboga, category=""),
        when="exact",
        occurred_from=an_hour_ago.strftime("%Y-%m-%dT%H:%M"),
        occurred_to=(an_hour_ago - datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
    )

    response = client_for(reporter).post(URL, data)

    assert Incident.objects.count() == 0
    assert response.context["formset"].forms[1].errors["category"] == ["Välj vad som hände."]
    # As on the single form, the rules of filing are checked once the form itself is complete.
    data["incident-1-category"] = "Inbrott"
    response = client_for(reporter).post(URL, data)
    assert Incident.objects.count() == 0
    assert response.context["round_form"].errors["occurred_to"] == ["Slutet är före början."]
    assert response.context["formset"].forms[0].errors == {}
    assert "Behålls" in response.content.decode()


def test_an_incident_may_have_its_own_time_instead_of_the_rounds(client_for, reporter, arboga):
    at = (timezone.localtime() - datetime.timedelta(hours=3)).replace(second=0, microsecond=0)
    data = round_data(
        incident_at(arboga),
        incident_at(arboga, occurred_from=at.strftime("%Y-%m-%dT%H:%M"), occurred_to=""),
    )

    client_for(reporter).post(URL, data)

    rounds, own = Incident.objects.order_by("pk")
    assert rounds.occurred_from < rounds.occurred_to  # last night
    assert own.occurred_from == own.occurred_to == at


def test_an_incidents_own_time_in_the_future_is_its_error_not_the_rounds(
    client_for, reporter, arboga
):
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    data = round_data(
        incident_at(arboga),
        incident_at(arboga, occurred_from=tomorrow.strftime("%Y-%m-%dT%H:%M")),
    )

    response = client_for(reporter).post(URL, data)

    assert Incident.objects.count() == 0
    assert response.context["round_form"].errors == {}
    assert response.context["formset"].forms[1].errors["occurred_from"] == [
        "Början ligger i framtiden. Ange en tid som har varit."
    ]
    assert '<details class="section" open>' in response.content.decode()


def test_a_resent_round_files_nothing_twice(client_for, reporter, arboga):
    data = round_data(incident_at(arboga), incident_at(arboga, north=0.001))
    client = client_for(reporter)

    first = client.post(URL, data)
    again = client.post(URL, data)

    assert first.status_code == again.status_code == 302
    assert Incident.objects.count() == 2


def test_an_incident_added_but_left_empty_is_no_part_of_the_round(client_for, reporter, arboga):
    empty = {"latitude": "", "longitude": "", "place_name": "", "description": ""}
    data = round_data(incident_at(arboga), empty)

    response = client_for(reporter).post(URL, data)

    assert response.status_code == 302
    assert Incident.objects.count() == 1


def test_a_round_needs_its_first_incident(client_for, reporter, arboga):
    data = round_data(incident_at(arboga, latitude="", longitude="", category=""))

    response = client_for(reporter).post(URL, data)

    assert response.status_code == 200
    errors = response.context["formset"].forms[0].errors
    assert errors["category"] == ["Välj vad som hände."]
    assert Incident.objects.count() == 0


def test_another_municipalitys_user_files_nothing_there_and_sees_none_of_it(
    client_for, reporter, outsider, arboga
):
    response = client_for(outsider).post(URL, round_data(incident_at(arboga)))
    assert response.context["formset"].forms[0].errors["latitude"] == [
        "Positionen ligger i Arboga, inte i Kungsör. Kontrollera platsen."
    ]
    assert Incident.objects.count() == 0

    client_for(reporter).post(URL, round_data(incident_at(arboga)))
    incident = Incident.objects.get()
    response = client_for(outsider).get(reverse("incident_detail", args=[incident.pk]))
    assert response.status_code == 404


def test_the_reporter_corrects_a_rounds_incident_for_48_hours(client_for, reporter, arboga):
    client = client_for(reporter)
    client.post(URL, round_data(incident_at(arboga), incident_at(arboga, north=0.001)))
    incident = Incident.objects.order_by("pk").last()

    assert client.get(reverse("incident_correct", args=[incident.pk])).status_code == 200
    Incident.objects.filter(pk=incident.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=49)
    )
    assert client.get(reverse("incident_correct", args=[incident.pk])).status_code == 403


def test_an_untrained_reporter_is_sent_to_the_training(client_for, untrained_reporter):
    response = client_for(untrained_reporter).get(URL)

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "reports/incidents/incident_untrained.html"


def facts(municipality, **overrides) -> dict:
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    return {
        "municipality": municipality,
        "category": category_of(municipality),
        "occurred_from": an_hour_ago - datetime.timedelta(hours=2),
        "occurred_to": an_hour_ago,
        "position": centre_of(municipality),
        **overrides,
    }


def test_a_photo_that_is_no_image_keeps_the_other_incidents_photo_out_too(reporter, arboga):
    good = SimpleUploadedFile("klotter.jpg", jpeg_with_gps(), "image/jpeg")
    bad = SimpleUploadedFile("lista.jpg", b"not an image", "image/jpeg")

    with pytest.raises(RoundInvalid) as invalid:
        round_file(
            reporter=reporter,
            incidents=[facts(arboga, photos=[good]), facts(arboga, photos=[bad])],
            idempotency_key=uuid.uuid4(),
        )

    assert list(invalid.value.errors) == [1]
    assert "photo" in invalid.value.errors[1].message_dict
    assert Incident.objects.count() == 0


def test_the_same_key_returns_the_same_incidents_in_order(reporter, arboga):
    key = uuid.uuid4()
    incidents = [facts(arboga, description="ett"), facts(arboga, description="två")]

    first = round_file(reporter=reporter, incidents=incidents, idempotency_key=key)
    again = round_file(reporter=reporter, incidents=incidents, idempotency_key=key)

    assert [incident.description for incident in first] == ["ett", "två"]
    assert [incident.pk for incident in again] == [incident.pk for incident in first]
    assert first[0].idempotency_key != first[1].idempotency_key


def api_incident(municipality, **overrides) -> dict:
    lat, lon = lat_lon_of(centre_of(municipality))
    return {
        "category": category_of(municipality).pk,
        "occurred_from": (timezone.now() - datetime.timedelta(hours=3)).isoformat(),
        "position": {"type": "Point", "coordinates": [lon, lat]},
        **overrides,
    }


def test_the_api_files_a_round_once(api_for, reporter, arboga):
    data = {"idempotency_key": str(uuid.uuid4()), "incidents": [api_incident(arboga)] * 2}
    api = api_for(reporter)

    first = api.post("/api/v1/incidents/round/", data, format="json")
    again = api.post("/api/v1/incidents/round/", data, format="json")

    assert first.status_code == 201, first.json()
    ids = [feature["id"] for feature in first.json()["features"]]
    assert len(ids) == 2
    assert [feature["id"] for feature in again.json()["features"]] == ids
    assert Incident.objects.count() == 2


def test_the_api_places_a_wrong_incidents_errors_and_files_none(api_for, reporter, arboga, kungsor):
    lat, lon = lat_lon_of(centre_of(kungsor))
    wrong = api_incident(arboga, position={"type": "Point", "coordinates": [lon, lat]})
    data = {"idempotency_key": str(uuid.uuid4()), "incidents": [api_incident(arboga), wrong]}

    response = api_for(reporter).post("/api/v1/incidents/round/", data, format="json")

    assert response.status_code == 400
    first, second = response.json()["incidents"]
    assert first == {}
    assert "Kungsör" in second["position"][0]
    assert Incident.objects.count() == 0

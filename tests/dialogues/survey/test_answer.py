"""Answering the survey on the public site: kept with missing optional parts, malformed or
repeated answers refused with a clear message and nothing typed lost, stuffing held back."""

import json
import uuid

import pytest

from dialogues.survey.models import InvitationCode, SurveyResponse
from dialogues.survey.services import invitation_codes_create
from tests.dialogues.survey.helpers import open_wave


@pytest.fixture
def wave(arboga):
    return open_wave(arboga)


def _url(wave):
    return f"/trygghetsundersokning/{wave.municipality.code}/{wave.pk}/"


def _answer(**fields):
    return {"submission_key": str(uuid.uuid4()), "website": "", "places": "", **fields}


def test_an_answer_with_only_some_questions_is_kept(client, wave):
    response = client.post(_url(wave), _answer(unsafe_evening="fairly_unsafe"), follow=True)
    assert "Tack för dina svar" in response.content.decode()
    stored = SurveyResponse.objects.get()
    assert stored.answers == {"unsafe_evening": ["fairly_unsafe"]}
    assert (stored.age_band, stored.gender, stored.area) == ("", "", None)


def test_the_places_avoided_are_kept_within_the_municipality(client, wave, arboga):
    centre = arboga.boundary.centroid.transform(4326, clone=True)
    places = json.dumps([[centre.y, centre.x]])
    client.post(_url(wave), _answer(problems=["drugs", "litter"], places=places))
    stored = SurveyResponse.objects.get()
    assert stored.answers == {"problems": ["drugs", "litter"]}
    assert len(stored.avoided_places) == 1


def test_a_place_outside_the_municipality_is_refused_and_the_answers_stay(client, wave):
    places = json.dumps([[67.85, 20.22]])  # Kiruna
    response = client.post(_url(wave), _answer(worry_crime="very_worried", places=places))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Markera bara platser inom kommunen" in page
    assert 'value="very_worried" required' not in page
    assert 'value="very_worried" id="id_worry_crime_0" checked' in page
    assert not SurveyResponse.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"unsafe_evening": "terrified"},
        {"places": "not a list"},
        {"age_band": "12"},
        {"submission_key": "x"},
    ],
)
def test_a_malformed_answer_is_refused_with_a_message(client, wave, fields):
    response = client.post(_url(wave), _answer(**fields))
    assert response.status_code == 400
    assert "Något behöver rättas" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_an_empty_answer_is_refused(client, wave):
    response = client.post(_url(wave), _answer())
    assert response.status_code == 400
    assert "Svara på minst en fråga" in response.content.decode()


def test_the_same_form_sent_twice_is_one_response(client, wave):
    sent = _answer(unsafe_evening="very_safe")
    client.post(_url(wave), sent)
    response = client.post(_url(wave), sent)
    assert response.status_code == 400
    assert "Ditt svar har redan tagits emot" in response.content.decode()
    assert SurveyResponse.objects.count() == 1


def test_an_invitation_code_lets_one_answer_in(client, arboga):
    wave = open_wave(arboga, requires_code=True)
    code = invitation_codes_create(wave=wave, count=1)[0]
    assert (
        client.post(_url(wave), _answer(code=code.lower(), unsafe_evening="very_safe")).status_code
        == 302
    )
    response = client.post(_url(wave), _answer(code=code, unsafe_evening="very_unsafe"))
    assert response.status_code == 400
    assert "redan använts" in response.content.decode()
    assert SurveyResponse.objects.count() == 1
    assert InvitationCode.objects.get().used


def test_a_robot_filling_the_honeypot_stores_nothing(client, wave):
    response = client.post(_url(wave), _answer(unsafe_evening="very_safe", website="x"))
    assert response.status_code == 302
    assert not SurveyResponse.objects.exists()


def test_stuffing_from_one_client_behind_the_proxy_is_held_back(client, wave, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    settings.SURVEY_RATE_LIMIT = 3

    def send(forwarded_for):
        return client.post(
            _url(wave),
            _answer(unsafe_evening="very_safe"),
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )

    assert [send("198.51.100.1").status_code for _i in range(3)] == [302] * 3
    refused = send("198.51.100.1")
    assert refused.status_code == 429
    assert "Försök igen om en timme" in refused.content.decode()
    assert send("198.51.100.2").status_code == 302
    assert SurveyResponse.objects.count() == 4


def test_a_draft_or_another_municipalitys_wave_is_not_found(client, arboga, kungsor):
    wave = open_wave(arboga)
    assert client.get(f"/trygghetsundersokning/{kungsor.code}/{wave.pk}/").status_code == 404
    wave.status = "draft"
    wave.save()
    assert client.get(_url(wave)).status_code == 404
    assert client.get(_url(wave) + "resultat/").status_code == 404


def test_a_closed_wave_takes_no_answers(client, wave):
    wave.status = "closed"
    wave.save()
    assert "Enkäten är stängd" in client.get(_url(wave)).content.decode()
    response = client.post(_url(wave), _answer(unsafe_evening="very_safe"))
    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()

"""The coordinator's survey pages: composing, opening, codes; and another municipality's
waves are 404 everywhere."""

import pytest

from dialogues.survey.models import InvitationCode, SurveyWave
from tests.dialogues.survey.helpers import open_wave


def test_a_coordinator_composes_and_opens_a_wave(client_for, coordinator):
    client = client_for(coordinator)
    response = client.post(
        "/survey/1984/new/",
        {
            "title": "Trygghet i Arboga 2026",
            "questions": ["unsafe_evening", "problems"],
            "opens_on": "2026-03-01",
            "closes_on": "2026-03-31",
            "requires_code": "on",
        },
        follow=True,
    )
    assert "Enkäten är sparad som utkast" in response.content.decode()
    wave = SurveyWave.objects.get()
    assert wave.questions == ["unsafe_evening", "problems"]
    client.post(f"/survey/{wave.pk}/state/", {"status": "open"})
    wave.refresh_from_db()
    assert wave.status == "open"
    codes = client.post(f"/survey/{wave.pk}/codes/", {"count": "3"})
    assert codes["Content-Type"] == "text/csv"
    assert len(codes.content.decode().split()) == 4
    assert InvitationCode.objects.filter(wave=wave, used=False).count() == 3


def test_a_wave_that_closes_before_it_opens_is_refused_with_what_was_typed(client_for, coordinator):
    response = client_for(coordinator).post(
        "/survey/1984/new/",
        {
            "title": "Baklänges",
            "questions": ["unsafe_evening"],
            "opens_on": "2026-03-31",
            "closes_on": "2026-03-01",
        },
    )
    page = response.content.decode()
    assert "Enkäten kan inte stänga innan den öppnar" in page
    assert 'value="Baklänges"' in page
    assert not SurveyWave.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/survey/{pk}/",
        "/survey/{pk}/results.csv",
        "/survey/{pk}/results.xlsx",
        "/survey/{pk}/results.pdf",
        "/survey/1984/new/",
    ],
)
def test_another_municipalitys_wave_is_not_found(client_for, outsider, arboga, path):
    wave = open_wave(arboga)
    assert client_for(outsider).get(path.format(pk=wave.pk)).status_code == 404


def test_another_municipality_cannot_open_close_or_make_codes(client_for, outsider, arboga):
    wave = open_wave(arboga, requires_code=True)
    client = client_for(outsider)
    assert client.post(f"/survey/{wave.pk}/state/", {"status": "closed"}).status_code == 404
    assert client.post(f"/survey/{wave.pk}/codes/", {"count": "5"}).status_code == 404
    wave.refresh_from_db()
    assert wave.status == "open"
    assert not InvitationCode.objects.exists()


def test_the_api_shows_only_ones_own_waves(api_for, outsider, arboga, kungsor):
    wave = open_wave(arboga)
    own = open_wave(kungsor)
    api = api_for(outsider)
    assert [item["id"] for item in api.get("/api/v1/survey-waves/").json()["results"]] == [own.pk]
    assert api.get(f"/api/v1/survey-waves/{wave.pk}/").status_code == 404
    assert api.get(f"/api/v1/survey-waves/{wave.pk}/results/").status_code == 404

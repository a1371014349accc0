"""The safety survey on the pledge's public page: each focus area shows the headline question
and the problems matching its categories, with their intervals, from the newest closed wave;
never a share of fewer residents than SURVEY_MIN_RESPONSES."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.dialogues.survey.helpers import open_wave, responses_add

pytestmark = pytest.mark.django_db


def closed_wave(arboga):
    today = timezone.localdate()
    return open_wave(
        arboga,
        opens_on=today - datetime.timedelta(days=60),
        closes_on=today - datetime.timedelta(days=30),
    )


def _public_page(client, arboga, pledge):
    url = reverse("public_pledge_year", args=[arboga.code, pledge.year])
    return " ".join(client.get(url).content.decode().split())


def test_a_focus_area_shows_what_residents_answered_about_it(client, arboga, arboga_pledge):
    wave = closed_wave(arboga)
    responses_add(wave, 20, {"unsafe_evening": ["very_safe"], "problems": ["drugs"]})
    responses_add(wave, 10, {"unsafe_evening": ["very_unsafe"], "problems": ["litter"]})

    page = _public_page(client, arboga, arboga_pledge)

    assert "Vad invånarna svarade i trygghetsundersökningen" in page
    assert '<th scope="row">Mycket trygg</th><td>67 %</td>' in page
    # Drugs is the focus area's category; litter is not its concern.
    assert '<th scope="row">Narkotikaförsäljning</th><td>67 %</td>' in page
    assert "Nedskräpning" not in page


def test_too_few_answers_show_no_share(client, arboga, arboga_pledge, settings):
    settings.SURVEY_MIN_RESPONSES = 10
    wave = closed_wave(arboga)
    responses_add(wave, 9, {"unsafe_evening": ["very_safe"], "problems": ["drugs"]})

    page = _public_page(client, arboga, arboga_pledge)

    assert "Färre än 10 svarade" in page
    assert "Mycket trygg</th><td>" not in page


def test_no_closed_wave_no_survey_section(client, arboga, arboga_pledge):
    wave = open_wave(arboga)  # still open
    responses_add(wave, 30, {"unsafe_evening": ["very_safe"]})

    assert "trygghetsundersökningen" not in _public_page(client, arboga, arboga_pledge)


def test_the_follow_up_says_what_the_last_survey_said(client, arboga, arboga_pledge):
    wave = closed_wave(arboga)
    responses_add(wave, 30, {"unsafe_evening": ["very_safe"]})
    responses_add(wave, 10, {"unsafe_evening": ["fairly_unsafe"]})

    page = _public_page(client, arboga, arboga_pledge)

    assert "Vad invånarna svarade i den senaste trygghetsundersökningen" in page
    assert '<th scope="row">Mycket trygg</th><td>75 %</td>' in page
    results = reverse("public_survey_results", args=[arboga.code, wave.pk])
    assert f'href="{results}"' in page


def test_a_survey_closed_after_the_pledges_year_is_not_its_follow_up(client, arboga, arboga_pledge):
    arboga_pledge.year -= 1
    arboga_pledge.save(update_fields=["year"])
    wave = closed_wave(arboga)
    responses_add(wave, 30, {"unsafe_evening": ["very_safe"]})

    assert "den senaste trygghetsundersökningen" not in _public_page(client, arboga, arboga_pledge)

"""In the browser, on a phone: the survey's answers on a pledge's public page pass axe-core."""

import pytest
from django.urls import reverse

from tests.accessibility import wcag_violations
from tests.dialogues.pledges.test_focus_area_survey import closed_wave
from tests.dialogues.survey.helpers import responses_add


@pytest.mark.browser
def test_the_survey_on_the_pledge_page_is_accessible_on_a_phone(
    live_server, page, arboga, arboga_pledge
):
    wave = closed_wave(arboga)
    responses_add(wave, 20, {"unsafe_evening": ["very_safe"], "problems": ["drugs"]})
    responses_add(wave, 10, {"unsafe_evening": ["fairly_unsafe"]})
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + reverse("public_pledge_year", args=[arboga.code, 2026]))
    assert page.get_by_role("heading", name="Vad invånarna svarade i trygghetsundersökningen")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert wcag_violations(page) == []

"""The safety walk pages in chromium: the public pages on a phone, the planning form on a desk,
each free of WCAG 2.1 A/AA violations, with the maps drawn and no script errors."""

import pytest
from playwright.sync_api import expect

from tests.accessibility import wcag_violations
from tests.dialogues.walks.helpers import announced_walk

pytestmark = pytest.mark.browser


@pytest.fixture
def announced(arboga, coordinator):
    return announced_walk(arboga, coordinator)


def test_a_resident_finds_the_walk_and_its_meeting_point_on_a_phone(
    browser, live_server, announced
):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + "/trygghetsvandringar/1984/")
    assert wcag_violations(page) == []
    page.get_by_role("link", name="Trygghetsvandring i centrum").click()
    expect(page.get_by_role("heading", name="Trygghetsvandring i centrum")).to_be_visible()
    expect(page.locator(".leaflet-tooltip")).to_have_text("Vid fontänen")
    expect(page.locator("#walk-map path").first).to_be_attached()
    assert wcag_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert errors == []


def test_the_planning_form_is_accessible_and_draws_its_maps(log_in_page, coordinator, announced):
    page = log_in_page(coordinator)
    page.goto(page.url + f"walks/{announced.pk}/edit/")
    expect(page.locator(".leaflet-container")).to_have_count(2)
    assert wcag_violations(page) == []

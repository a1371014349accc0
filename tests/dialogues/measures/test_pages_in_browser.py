"""The new pages of measures and the walk report in chromium: free of WCAG 2.1 A/AA violations,
the maps drawn, no script errors, and the owner's and residents' pages on a 360 px phone."""

import pytest
from playwright.sync_api import expect

from dialogues.measures.services import measure_create
from tests.accessibility import wcag_violations
from tests.dialogues.findings import (
    audit_of,
    finding_on,
    held_walk,
    measure_owner,
    participants,
    photo_of,
    street_department,
)
from tests.second_factor import log_in_through_the_form

pytestmark = pytest.mark.browser


@pytest.fixture
def walk(arboga, coordinator):
    walk = held_walk(arboga, coordinator)
    lamp = finding_on(walk)
    photo_of(lamp, public=True)
    photo_of(finding_on(walk, category="Vegetation", description="Tätt buskage"))
    audit_of(walk, 1, lighting=2, openness=4)
    participants(walk, residents=12)
    measure_create(
        municipality=arboga,
        by=coordinator,
        findings=[lamp],
        title="Byt lamporna",
        responsible=street_department(arboga),
        contact="gata@example.se",
    )
    return walk


def _checked(page, errors):
    assert wcag_violations(page) == []
    assert errors == []


def test_the_coordinators_report_and_measure_pages(log_in_page, coordinator, walk):
    page = log_in_page(coordinator)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    base = page.url
    page.goto(base + f"walks/{walk.pk}/report/")
    expect(page.locator("#walk-report-map path").first).to_be_attached()
    _checked(page, errors)
    page.goto(base + f"walks/{walk.pk}/measures/new/")
    _checked(page, errors)
    page.goto(base + "measures/")
    _checked(page, errors)
    page.get_by_role("link", name="Byt lamporna").click()
    expect(page.get_by_role("heading", name="Byt lamporna")).to_be_visible()
    _checked(page, errors)


def test_the_owner_moves_a_measure_on_from_a_phone(browser, live_server, walk, arboga):
    owner = measure_owner(street_department(arboga), arboga)
    page = browser.new_page(viewport={"width": 360, "height": 740})
    log_in_through_the_form(page, live_server.url, owner, "correct-horse-battery")
    page.goto(live_server.url + "/measures/")
    page.get_by_role("link", name="Byt lamporna").click()
    page.get_by_label("Status").select_option("done")
    page.get_by_role("button", name="Spara status").click()
    expect(page.locator(".error-summary")).to_contain_text("Ange vad som gjordes.")
    assert wcag_violations(page) == []
    page.get_by_label("Vad som gjordes").fill("Sex lampor bytta.")
    page.get_by_role("button", name="Spara status").click()
    expect(page.get_by_text("Åtgärden har nu status: Klar.")).to_be_visible()
    assert wcag_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_resident_reads_the_follow_up_on_a_phone(browser, live_server, walk):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(live_server.url + f"/trygghetsvandringar/{walk.municipality.code}/{walk.pk}/")
    page.get_by_role("link", name="Vad vi hittade och vad som har gjorts").click()
    expect(page.get_by_role("heading", name="Vad som återstår")).to_be_visible()
    expect(page.locator("main img")).to_have_count(1)
    assert wcag_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

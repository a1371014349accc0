"""In the browser, on a phone: the council's pages pass axe-core and fit the screen."""

import datetime

import pytest

from reports.council.council import council_decision_create, council_meeting_create
from tests.accessibility import wcag_violations

PHONE = {"width": 360, "height": 740}


def fits_and_passes(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert wcag_violations(page) == []


@pytest.mark.browser
def test_the_council_pages_are_accessible_on_a_phone(
    log_in_page, live_server, page, coordinator, arboga
):
    earlier = council_meeting_create(
        municipality=arboga,
        by=coordinator,
        held_on=datetime.date(2026, 2, 10),
        minutes="Rådet beslutade om belysning vid stationen.",
        minutes_public=True,
    )
    council_decision_create(
        meeting=earlier,
        by=coordinator,
        text="Belysning vid stationen",
        owner=coordinator,
        due_on=datetime.date(2026, 4, 1),
    )
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/council/1984/minutes/")
    assert page.get_by_text("Rådet beslutade om belysning vid stationen.").is_visible()
    fits_and_passes(page)

    log_in_page(coordinator)
    page.goto(f"{live_server.url}/council/")
    page.get_by_role("link", name="Brottsförebyggande rådet i Arboga").click()
    fits_and_passes(page)
    page.get_by_role("link", name="Registrera ett rådsmöte").click()
    page.get_by_role("button", name="Spara").click()  # no date: told, on the form
    assert page.locator(".errorlist").first.is_visible()
    fits_and_passes(page)
    page.get_by_label("Datum").fill("2026-05-12")
    page.get_by_role("button", name="Spara").click()
    assert page.get_by_role("heading", name="Uppföljning av tidigare beslut").is_visible()
    fits_and_passes(page)
    page.get_by_label("Status").select_option(label="Genomfört")
    page.get_by_role("button", name="Spara uppföljningen").click()
    assert page.get_by_text("Uppföljningen är sparad.").is_visible()
    page.get_by_role("link", name="Registrera ett beslut").click()
    fits_and_passes(page)

"""The pledge pages as residents and staff meet them: in chromium, on a desk and a phone."""

import datetime

import pytest
from playwright.sync_api import expect

from dialogues.pledges.comments import comment_moderate, comment_submit
from dialogues.pledges.models import CooperationAgreement
from dialogues.pledges.services import (
    activity_progress_add,
    pledge_correct,
    pledge_follow_up,
    pledge_publish,
    pledge_update,
)
from tests.accessibility import wcag_violations
from tests.dialogues.pledges.conftest import pledge_draft

pytestmark = pytest.mark.browser


@pytest.fixture
def arboga_years(arboga, coordinator, police):
    """Arboga: 2025 followed up; 2026 published, corrected once, under way, with a comment."""
    agreement = CooperationAgreement.objects.create(
        municipality=arboga,
        title="Samverkansöverenskommelse mellan Arboga kommun och Polisen",
        signed_on=datetime.date(2024, 2, 14),
    )
    earlier = pledge_publish(pledge=pledge_draft(arboga, coordinator, year=2025), by=coordinator)
    pledge_follow_up(pledge=earlier, text="Två dialoger hölls under 2025.", by=coordinator)
    draft = pledge_draft(
        arboga, coordinator, focus_areas=["Narkotikaförsäljning i centrummiljön", "Trafik"]
    )
    pledge_update(pledge=draft, introduction=draft.introduction, agreement=agreement)
    first = pledge_publish(pledge=draft, by=coordinator)
    correction = pledge_publish(
        pledge=pledge_correct(pledge=first, note="Rättat slutdatum.", by=coordinator),
        by=coordinator,
    )
    narcotics, traffic = correction.focus_areas.all()
    activity_progress_add(
        activity=narcotics.activities.get(),
        on=datetime.date(2026, 4, 2),
        text="Dialog på Stora torget.",
        status="done",
        by=police,
    )
    activity_progress_add(
        activity=traffic.activities.get(),
        on=datetime.date(2026, 5, 2),
        text="Första hastighetskontrollen.",
        status="under_way",
        by=police,
    )
    comment = comment_submit(
        pledge=correction, display_name="Birgitta", body="När blir nästa dialog?", sender_key="b"
    )
    comment_moderate(comment=comment, approve=True, reply="I september.", by=coordinator)
    return correction


PUBLIC_PATHS = [
    "/medborgarloften/",
    "/medborgarloften/1984/",
    "/medborgarloften/1984/2025/",
    "/medborgarloften/1984/2026/version/1/",
]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_are_swedish_and_accessible(page, live_server, arboga_years, path):
    page.goto(live_server.url + path)
    assert page.locator("html").get_attribute("lang") == "sv"
    expect(page.get_by_role("heading", level=1)).to_contain_text("Medborgarlöften")
    # No staff navigation for a resident.
    expect(page.get_by_role("navigation", name="Huvudmeny")).to_have_count(0)
    assert wcag_violations(page) == []


def test_a_resident_follows_the_pledges_from_the_welcome_page(page, live_server, arboga_years):
    page.goto(live_server.url + "/")
    page.get_by_role("main").get_by_role("link", name="Medborgarlöften").click()
    page.get_by_role("link", name="Arboga").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Medborgarlöften 2026, Arboga")
    expect(page.get_by_text("1 av 2 aktiviteter klara (50 %)").first).to_be_visible()
    expect(page.get_by_text("Klar den 2 april 2026")).to_be_visible()
    expect(page.get_by_text("Pågår sedan 2 maj 2026")).to_be_visible()
    expect(page.get_by_role("table", name="Aktiviteter per fokusområde, 2026")).to_be_visible()
    expect(page.get_by_text("Rättat slutdatum.")).to_be_visible()
    page.get_by_role("link", name="Läs den tidigare versionen").click()
    expect(page.get_by_text("Det här är en tidigare version")).to_be_visible()


def test_a_resident_asks_a_question_with_the_keyboard(page, live_server, arboga_years):
    page.goto(live_server.url + "/medborgarloften/1984/")
    expect(page.get_by_text("I september.")).to_be_visible()
    page.get_by_role("button", name="Skicka").click()
    expect(page.get_by_role("alert")).to_contain_text("Något behöver rättas")
    assert wcag_violations(page) == []
    page.get_by_label("Namn som visas").fill("Anna")
    page.get_by_label("Din synpunkt eller fråga").fill("Hur går det med trafiken?")
    page.get_by_label("Din synpunkt eller fråga").press("Tab")
    # The honeypot is out of the tab order: the next stop is the send button.
    expect(page.get_by_role("button", name="Skicka")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Tack!")
    expect(page.get_by_text("Hur går det med trafiken?")).to_have_count(0)


def test_public_pages_fit_a_phone(browser, live_server, arboga_years):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    for path in PUBLIC_PATHS:
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways: {width}px"
        assert wcag_violations(page) == [], path
    context.close()


@pytest.mark.parametrize("user_fixture", ["coordinator", "police"])
def test_staff_pledge_pages_are_accessible(request, log_in_page, arboga_years, user_fixture):
    page = log_in_page(request.getfixturevalue(user_fixture))
    page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name="Medborgarlöften"
    ).click()
    assert wcag_violations(page) == []
    page.get_by_role("link", name="Medborgarlöften 2026").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Medborgarlöften 2026, Arboga")
    assert wcag_violations(page) == []
    page.get_by_role("link", name="Rapportera framsteg").first.click()
    expect(page.get_by_label("Vad som hände")).to_be_visible()
    assert wcag_violations(page) == []


def test_the_year_page_prints_without_the_site_around_it(page, live_server, arboga_years):
    page.goto(live_server.url + "/medborgarloften/1984/2026/")
    page.emulate_media(media="print")
    expect(page.get_by_role("heading", name="Narkotikaförsäljning i centrummiljön")).to_be_visible()
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("button", name="Skicka")).to_be_hidden()


def test_a_resident_may_read_the_pledge_page_in_english(page, live_server, arboga_years):
    page.goto(live_server.url + "/medborgarloften/1984/")
    page.get_by_role("button", name="In English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Citizen pledges 2026, Arboga")
    assert page.locator("html").get_attribute("lang") == "en"
    # What the municipality wrote stays as written.
    expect(page.get_by_role("heading", name="Narkotikaförsäljning i centrummiljön")).to_be_visible()

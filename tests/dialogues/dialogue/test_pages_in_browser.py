"""The dialogue pages in chromium, each free of WCAG 2.1 A/AA violations: the public events
calendar, an occasion and "What you told us and what we did" on a phone; the coordinator's
pages on a desk, where a refused form keeps what was typed."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from dialogues.dialogue.responses import theme_response_set
from dialogues.dialogue.services import dialogue_view_record
from dialogues.dialogue.themes import dialogue_themes
from tests.accessibility import wcag_violations
from tests.dialogues.dialogue.helpers import announced_occasion, held_occasion
from tests.dialogues.walks.helpers import announced_walk

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def held(arboga, coordinator):
    """An occasion held a week ago with one view on lighting, answered."""
    occasion = held_occasion(arboga, coordinator, title="Dialog i höstas")
    lighting = dialogue_themes(arboga).get(code="lighting")
    dialogue_view_record(
        occasion=occasion, by=coordinator, theme=lighting, text="Mörkt i parken", raised_by=8
    )
    theme_response_set(
        theme=lighting,
        year=timezone.localtime(occasion.starts_at).year,
        by=coordinator,
        kind="addressed",
        reason="Parken fick nya lampor i somras.",
    )
    return occasion


def test_a_resident_finds_walks_and_dialogues_in_one_calendar_on_a_phone(
    browser, live_server, arboga, coordinator, held
):
    announced_walk(arboga, coordinator)
    announced_occasion(arboga, coordinator)
    page = browser.new_page(viewport=PHONE)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + "/evenemang/")
    assert wcag_violations(page) == []
    page.get_by_role("link", name=arboga.name).click()
    expect(page.locator("#events-map path.leaflet-interactive")).to_have_count(2)
    assert wcag_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.get_by_role("link", name="Dialog på torget").click()
    expect(page.get_by_role("heading", name="Dialog på torget")).to_be_visible()
    expect(page.locator(".leaflet-tooltip")).to_have_text("Stora torget")
    assert wcag_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.go_back()
    page.get_by_role("link", name="Vad ni sa och vad vi gjorde").first.click()
    expect(page.get_by_text("Parken fick nya lampor i somras.")).to_be_visible()
    assert wcag_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert errors == []


def test_the_coordinators_pages_are_accessible(log_in_page, live_server, coordinator, held):
    page = log_in_page(coordinator)
    base = live_server.url
    year = timezone.localtime(held.starts_at).year
    for path in (
        "/dialogues/",
        "/dialogues/1984/new/",
        f"/dialogues/{held.pk}/",
        f"/dialogues/{held.pk}/edit/",
        f"/dialogues/{held.pk}/cancel/",
        "/dialogues/1984/themes/",
        f"/dialogues/1984/responses/{year}/",
    ):
        page.goto(base + path)
        assert wcag_violations(page) == [], path


def test_a_refused_view_keeps_what_was_typed_in_the_browser(
    log_in_page, live_server, coordinator, held
):
    page = log_in_page(coordinator)
    page.goto(live_server.url + f"/dialogues/{held.pk}/")
    page.get_by_label("Vad som sades").fill("Otryggt vid busshållplatsen")
    page.get_by_label("Hur många tog upp det").fill("0")
    page.get_by_role("button", name="Registrera synpunkten").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label("Vad som sades")).to_have_value("Otryggt vid busshållplatsen")
    assert wcag_violations(page) == []

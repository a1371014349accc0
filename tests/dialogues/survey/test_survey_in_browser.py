"""The survey in chromium: answered on a 360 px phone by touch and by keyboard alone, the places
avoided marked on the map both ways; every survey page free of WCAG 2.1 A/AA violations."""

import pytest
from playwright.sync_api import expect

from dialogues.survey.models import SurveyResponse
from tests.accessibility import wcag_violations
from tests.dialogues.survey.helpers import open_wave, responses_add

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def wave(arboga):
    return open_wave(arboga)


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def test_a_resident_answers_by_touch_on_a_phone(phone, live_server, wave):
    page = phone
    page.goto(live_server.url + "/trygghetsundersokning/")
    assert wcag_violations(page) == []
    page.get_by_role("link", name="Arboga").tap()
    expect(page.get_by_role("heading", name="Trygghetsundersökning i Arboga")).to_be_visible()
    assert wcag_violations(page) == []
    page.get_by_role("link", name=wave.title).first.tap()
    expect(page.get_by_role("heading", name=wave.title)).to_be_visible()
    expect(page.locator("#places-map path").first).to_be_attached()
    assert wcag_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_label("Ganska otrygg").tap()
    page.get_by_label("Narkotikaförsäljning").tap()
    page.get_by_label("Dålig belysning").tap()
    page.locator("#places-map").scroll_into_view_if_needed()
    box = page.locator("#places-map").bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.locator("#places-status")).to_have_text("Markerade platser: 1 av högst 5.")
    page.get_by_label("65–84").tap()
    page.get_by_role("button", name="Skicka mina svar").tap()
    expect(page.get_by_role("heading", name="Tack för dina svar")).to_be_visible()
    assert wcag_violations(page) == []
    response = SurveyResponse.objects.get()
    assert response.answers == {
        "problems": ["drugs", "lighting"],
        "unsafe_evening": ["fairly_unsafe"],
    }
    assert response.age_band == "65-84"
    assert len(response.avoided_places) == 1
    assert page.errors == []


def test_a_resident_answers_by_keyboard_alone(phone, live_server, wave):
    page = phone
    page.goto(live_server.url + f"/trygghetsundersokning/1984/{wave.pk}/")
    page.locator("#id_unsafe_evening_0").focus()
    page.keyboard.press("ArrowDown")  # radio buttons: the arrow keys choose
    page.keyboard.press("ArrowDown")
    page.locator("#id_problems_4").focus()
    page.keyboard.press("Space")
    page.locator("#places-map").focus()
    page.keyboard.press("ArrowUp")
    # Past the map's own zoom buttons and credits to the marking button.
    mark = page.get_by_role("button", name="Markera mitten av kartan")
    for _tab in range(6):
        page.keyboard.press("Tab")
        if mark.evaluate("button => button === document.activeElement"):
            break
    expect(mark).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Remove the last place": one of the two goes again
    expect(page.locator("#places-status")).to_have_text("Markerade platser: 1 av högst 5.")
    page.get_by_role("button", name="Skicka mina svar").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Tack för dina svar")).to_be_visible()
    response = SurveyResponse.objects.get()
    assert response.answers == {"problems": ["traffic"], "unsafe_evening": ["fairly_unsafe"]}
    assert len(response.avoided_places) == 1
    assert page.errors == []


def test_the_results_are_accessible_with_the_map(phone, live_server, wave, arboga):
    centre = arboga.boundary.centroid
    responses_add(wave, 12, {"unsafe_evening": ["very_unsafe"]}, place=centre)
    responses_add(wave, 30, {"unsafe_evening": ["fairly_safe"]})
    page = phone
    page.goto(live_server.url + f"/trygghetsundersokning/1984/{wave.pk}/resultat/")
    expect(page.locator("#avoided-map .leaflet-overlay-pane path")).to_have_count(1)
    assert wcag_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.errors == []


def test_the_staff_pages_are_accessible(log_in_page, coordinator, wave):
    responses_add(wave, 15, {"unsafe_evening": ["very_safe"], "problems": ["litter"]})
    page = log_in_page(coordinator)
    base = page.url
    for path in ("survey/", "survey/1984/new/", f"survey/{wave.pk}/"):
        page.goto(base + path)
        assert wcag_violations(page) == [], path

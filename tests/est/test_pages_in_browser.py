"""The shared pages as people meet them: in chromium, on a desk and on a phone, with axe-core."""

import pytest
from playwright.sync_api import expect

from tests.accessibility import wcag_violations
from tests.browser import draw_square_on_map
from tests.factories import AreaFactory

pytestmark = pytest.mark.browser


def test_login_page_is_accessible_and_swedish(page, live_server, db):
    page.goto(live_server.url + "/accounts/login/")
    expect(page.get_by_role("heading", name="Logga in")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "sv"
    assert wcag_violations(page) == []


@pytest.mark.parametrize(
    "user_fixture", ["reporter", "coordinator", "police", "council_member", "administrator"]
)
def test_every_role_lands_on_an_accessible_start_page(request, log_in_page, user_fixture):
    user = request.getfixturevalue(user_fixture)
    page = log_in_page(user)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Välkommen")
    expect(page.get_by_role("navigation", name="Huvudmeny")).to_be_visible()
    assert wcag_violations(page) == []


def test_skip_link_is_the_first_stop_for_the_keyboard(page, live_server, db):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Hoppa till innehållet")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_map_shows_boundary_and_areas_without_any_tile_server(log_in_page, coordinator, arboga):
    AreaFactory(municipality=arboga, name="Ekbacken")
    page = log_in_page(coordinator)
    page.goto(page.url + "municipalities/1984/")
    # Leaflet draws the GeoJSON as SVG paths: the boundary and the area.
    expect(page.locator("#municipality-map .leaflet-overlay-pane path")).to_have_count(2)
    page.locator("#municipality-map .leaflet-overlay-pane path").last.hover()
    expect(page.locator("#municipality-map .leaflet-tooltip")).to_have_text("Ekbacken")
    assert page.locator("#municipality-map img.leaflet-tile").count() == 0
    expect(page.get_by_role("table")).to_contain_text("Ekbacken")
    assert wcag_violations(page) == []


def test_start_and_map_pages_fit_a_phone(browser, live_server, coordinator, arboga):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Användarnamn").fill(coordinator.username)
    page.get_by_label("Lösenord").fill("correct-horse-battery")
    page.get_by_role("button", name="Logga in").click()
    for path in ["/", "/municipalities/1984/"]:
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways: {width}px"
    context.close()


def test_coordinator_draws_an_area_on_the_map(log_in_page, coordinator, arboga):
    page = log_in_page(coordinator)
    page.goto(page.url + "municipalities/1984/areas/new/")
    page.get_by_label("Namn").fill("Centrum")
    page.get_by_label("Typ").select_option("centre")
    draw_square_on_map(page, page.locator(".leaflet-container"))
    page.get_by_role("button", name="Spara området").click()
    expect(page.get_by_role("status")).to_contain_text("Området Centrum är sparat.")
    expect(page.get_by_role("table")).to_contain_text("Centrum")

"""The service's HTML pages in Chromium: the open data browsed from the start page, on a phone,
and WCAG 2.1 AA by axe-core."""

from tests.accessibility import wcag_violations
from tests.cameras.factories import CameraFactory


def test_a_resident_browses_the_open_data_from_the_start_page(arboga, page, live_server):
    CameraFactory(municipality=arboga, premises="Arboga resecentrum")
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/")

    page.get_by_role("link", name="bläddra i dem här").click()
    assert page.get_by_role("heading", name="EST öppna data").is_visible()
    assert wcag_violations(page) == []
    page.get_by_role("link", name="Samlingar", exact=True).click()
    assert wcag_violations(page) == []
    page.get_by_role("link", name="kamerabevakning", exact=True).click()

    assert page.get_by_role("cell", name="Arboga resecentrum").is_visible()
    assert wcag_violations(page) == []


def test_a_bad_parameter_is_explained_on_the_page(page, live_server):
    page.goto(live_server.url + "/oppna-data/collections/kamerabevakning/items?f=html&limit=0")

    assert page.get_by_role(
        "heading", name="limit: 0 är inte ett heltal från 1 till 10000."
    ).is_visible()
    assert wcag_violations(page) == []

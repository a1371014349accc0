"""A reporter on a phone files an incident by tapping the map and finds it among their reports."""

import os

import pytest

from reports.incidents.models import Incident
from tests.accessibility import wcag_violations
from tests.reports.conftest import centre_of, type_position

PHONE = {"width": 360, "height": 740}


@pytest.mark.browser
def test_a_reporter_files_by_tapping_the_map_on_a_phone(log_in_page, live_server, reporter, arboga):
    page = log_in_page(reporter)
    page.set_viewport_size(PHONE)

    page.goto(live_server.url + "/reports/new/")
    page.wait_for_selector("#file-map.leaflet-container")

    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert wcag_violations(page) == []
    if os.environ.get("SCREENSHOT_DIR"):
        page.screenshot(
            path=os.path.join(os.environ["SCREENSHOT_DIR"], "file-360.png"), full_page=True
        )

    page.locator("#file-map").click()  # the middle of the map: inside Arboga's test square
    assert page.get_by_role("spinbutton", name="Latitud").input_value() != ""
    assert page.get_by_role("status").filter(has_text="Platsen är markerad").is_visible()
    page.get_by_label("Nyss").check()
    page.get_by_label("Klotter").check()
    page.get_by_label("Beskriv vad som hände").fill("Nytt klotter på gaveln")
    page.get_by_role("button", name="Skicka rapporten").click()

    page.wait_for_url(live_server.url + "/reports/mine/")
    assert page.get_by_text("Tack! Din rapport om Klotter är inskickad.").is_visible()
    assert page.get_by_role("link", name="Klotter").is_visible()
    incident = Incident.objects.get()
    assert incident.reporter == reporter
    assert arboga.boundary.contains(incident.position)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.browser
def test_a_keyboard_user_types_the_position(log_in_page, live_server, reporter, arboga):
    page = log_in_page(reporter)
    page.goto(live_server.url + "/reports/new/")

    type_position(page, centre_of(arboga))
    page.get_by_label("Inbrott").check()
    page.get_by_label("I natt").check()
    page.get_by_role("button", name="Skicka rapporten").press("Enter")

    page.wait_for_url(live_server.url + "/reports/mine/")
    incident = Incident.objects.get()
    assert incident.category.name == "Inbrott"
    assert incident.occurred_from < incident.occurred_to


@pytest.mark.browser
def test_the_coordinators_pages_meet_wcag(
    log_in_page, live_server, coordinator, reporter, arboga, file_incident
):
    incident = file_incident(reporter, arboga, place_name="Torget")
    page = log_in_page(coordinator)

    for path in [
        "/reports/incidents/?category=Klotter",
        f"/reports/incidents/{incident.pk}/",
        "/reports/categories/",
    ]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert wcag_violations(page) == [], path

    page.goto(live_server.url + "/reports/incidents/")
    page.wait_for_selector("#incidents-map .map-point")
    assert page.locator("#map-count").inner_text() == (
        "Kartan visar de 1 händelserna i vyn en och en; klicka på en för att öppna den."
    )


@pytest.mark.browser
def test_the_filing_errors_meet_wcag_and_keep_what_was_typed(log_in_page, live_server, reporter):
    page = log_in_page(reporter)
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/reports/new/")

    page.get_by_label("Beskriv vad som hände").fill("Det här får inte försvinna")
    page.get_by_role("button", name="Skicka rapporten").click()

    page.wait_for_selector(".error-summary")
    assert page.get_by_label("Beskriv vad som hände").input_value() == "Det här får inte försvinna"
    assert page.get_by_text("Välj vad som hände.").first.is_visible()
    assert wcag_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

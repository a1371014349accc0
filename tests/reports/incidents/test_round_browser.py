"""A guard on a phone files a round report with two incidents by tapping each one's map."""

import os

import pytest
from django.contrib.gis.geos import Point

from reports.incidents.models import Incident
from tests.accessibility import wcag_violations
from tests.reports.conftest import centre_of, type_position

PHONE = {"width": 360, "height": 740}


def screenshot(page, name):
    if os.environ.get("SCREENSHOT_DIR"):
        page.screenshot(path=os.path.join(os.environ["SCREENSHOT_DIR"], name), full_page=True)


@pytest.mark.browser
def test_a_guard_files_a_round_of_two_incidents_on_a_phone(
    log_in_page, live_server, reporter, arboga
):
    page = log_in_page(reporter)
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/reports/round/")
    page.wait_for_selector("#incident-0-map.leaflet-container")

    page.get_by_label("I natt").check()
    first = page.locator("li.round-incident").nth(0)
    first.locator("[data-map]").click()  # the middle of the map: inside Arboga's test square
    assert first.get_by_role("status").filter(has_text="Platsen är markerad").is_visible()
    first.get_by_label("Klotter").check()
    first.get_by_label("Beskriv vad som hände").fill("Klotter på gaveln")

    page.get_by_role("button", name="Lägg till en händelse till").click()
    second = page.locator("li.round-incident").nth(1)
    page.wait_for_selector("#incident-1-map.leaflet-container")
    # The focus moves to the new incident, so a keyboard or screen reader user is taken there.
    assert page.evaluate("document.activeElement.id") == "incident-1-heading"
    assert second.get_by_role("heading", name="Händelse 2").is_visible()
    box = second.locator("[data-map]").bounding_box()
    second.locator("[data-map]").click(
        position={"x": box["width"] / 2 + 20, "y": box["height"] / 2 - 20}
    )
    second.get_by_label("Skadegörelse").check()

    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert wcag_violations(page) == []
    screenshot(page, "round-360.png")
    page.get_by_role("button", name="Skicka rondrapporten").click()

    page.wait_for_url(live_server.url + "/reports/mine/")
    assert page.get_by_text("Tack! Din rondrapport med 2 händelser är inskickad.").is_visible()
    graffiti, vandalism = Incident.objects.order_by("pk")
    assert graffiti.category.name == "Klotter"
    assert graffiti.description == "Klotter på gaveln"
    assert vandalism.category.name == "Skadegörelse"
    assert graffiti.position != vandalism.position
    assert all(arboga.boundary.contains(i.position) for i in (graffiti, vandalism))
    assert graffiti.occurred_from == vandalism.occurred_from < graffiti.occurred_to


@pytest.mark.browser
def test_a_rounds_errors_stand_in_the_incident_and_meet_wcag(log_in_page, live_server, reporter):
    page = log_in_page(reporter)
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/reports/round/")
    page.wait_for_selector("#incident-0-map.leaflet-container")

    page.get_by_label("Beskriv vad som hände").fill("Det här får inte försvinna")
    page.get_by_role("button", name="Skicka rondrapporten").click()

    page.wait_for_selector(".error-summary")
    first = page.locator("li.round-incident").nth(0)
    assert first.get_by_label("Beskriv vad som hände").input_value() == "Det här får inte försvinna"
    assert first.get_by_text("Välj vad som hände.").is_visible()
    assert (
        page.get_by_role("link", name="Händelse 1: Vad hände? – Välj vad som hände.").count() == 1
    )
    assert wcag_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "round-errors-360.png")
    assert Incident.objects.count() == 0


@pytest.mark.browser
def test_a_keyboard_user_files_a_round_of_two(log_in_page, live_server, reporter, arboga):
    page = log_in_page(reporter)
    page.goto(live_server.url + "/reports/round/")
    centre = centre_of(arboga)

    type_position(page, centre)
    page.get_by_label("Inbrott").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Lägg till en händelse till").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "incident-1-heading"
    second = page.locator("li.round-incident").nth(1)
    type_position(second, Point(centre.x, centre.y + 100, srid=centre.srid))  # 100 m north
    second.get_by_label("Nedskräpning").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Skicka rondrapporten").press("Enter")

    page.wait_for_url(live_server.url + "/reports/mine/")
    assert [i.category.name for i in Incident.objects.order_by("pk")] == ["Inbrott", "Nedskräpning"]

"""In the browser: the coordinator records the management group's priority on the adopted
analysis, and the next tertial's picture shows it at the top."""

import pytest

from reports.situation.compile import situation_picture_compile, situation_picture_ensure
from tests.accessibility import wcag_violations
from tests.reports.council.test_priorities import adopted_analysis
from tests.reports.helpers import PERIOD_START, incident, local

PHONE = {"width": 360, "height": 740}


@pytest.mark.browser
def test_the_coordinator_records_a_priority_and_the_next_picture_shows_it(
    log_in_page, live_server, page, coordinator, arboga, kungsor
):
    incident(arboga, "vandalism", local(2024, 10, 4, 22))
    analysis = adopted_analysis(arboga, coordinator)
    log_in_page(coordinator)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/tertial/{analysis.pk}/")
    page.get_by_role("link", name="Registrera en prioritering").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert wcag_violations(page) == []
    page.get_by_label("Prioritering").fill("Skadegörelse fredagskvällar")
    page.get_by_label("Fredag").check()
    page.get_by_label("Från").select_option("21")
    page.get_by_label("Till").select_option("21")
    page.get_by_role("button", name="Registrera prioriteringen").click()
    assert page.get_by_text("Ange båda timmarna").first.is_visible()
    assert page.get_by_label("Prioritering").input_value() == "Skadegörelse fredagskvällar"
    page.get_by_label("Till").select_option("3")
    page.get_by_role("button", name="Registrera prioriteringen").click()
    page.wait_for_url(f"{live_server.url}/tertial/{analysis.pk}/")
    assert page.get_by_text("Skadegörelse fredagskvällar").first.is_visible()
    assert wcag_violations(page) == []

    picture, _ = situation_picture_ensure(municipality=arboga, period_start=PERIOD_START)
    situation_picture_compile(picture_id=picture.pk)
    page.goto(f"{live_server.url}/situation/{picture.pk}/")
    assert page.get_by_role("heading", name="Ledningsgruppens prioriteringar").is_visible()
    assert page.get_by_role("rowheader", name="Skadegörelse fredagskvällar").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert wcag_violations(page) == []

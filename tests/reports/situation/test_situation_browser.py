"""The coordinator opens the fortnight's picture on a phone, writes the analysis and publishes."""

import os

import pytest

from reports.situation.compile import situation_picture_compile, situation_picture_ensure
from reports.situation.models import SituationPicture
from tests.accessibility import wcag_violations
from tests.browser import draw_square_on_map
from tests.reports.helpers import PERIOD_START, known_incidents

PHONE = {"width": 360, "height": 740}


@pytest.mark.browser
def test_the_coordinator_reads_and_publishes_the_picture_on_a_phone(
    log_in_page, live_server, coordinator, police, arboga, kungsor
):
    known_incidents(arboga, kungsor)
    picture, _ = situation_picture_ensure(municipality=arboga, period_start=PERIOD_START)
    situation_picture_compile(picture_id=picture.pk)

    page = log_in_page(coordinator)
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/situation/")
    page.get_by_role("link", name="2025-03-17 – 2025-03-30").click()
    page.wait_for_url(f"{live_server.url}/situation/{picture.pk}/")

    assert page.get_by_role("heading", name="Lägesbild Arboga").is_visible()
    assert page.get_by_role("img", name="Händelser per veckodag och timme").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert wcag_violations(page) == []
    if os.environ.get("SCREENSHOT_DIR"):
        page.screenshot(
            path=os.path.join(os.environ["SCREENSHOT_DIR"], "situation-360.png"), full_page=True
        )

    page.get_by_role("link", name="Skriv analysen").click()
    page.get_by_label("Analys").fill("<p>Skadegörelsen har <strong>ökat</strong>.</p>")
    page.get_by_label("Problembild").fill("Helgnätter i centrum")
    page.get_by_role("button", name="Spara").click()
    page.wait_for_url(f"{live_server.url}/situation/{picture.pk}/")
    assert page.get_by_text("Skadegörelsen har ökat.").is_visible()

    page.get_by_role("button", name="Publicera").click()
    assert page.get_by_text("Lägesbilden är publicerad").is_visible()
    picture.refresh_from_db()
    assert picture.status == SituationPicture.Status.PUBLISHED
    assert page.get_by_role("button", name="Gör en ny version").is_visible()


@pytest.mark.browser
def test_the_coordinator_draws_the_intervention_area_on_the_map(
    log_in_page, live_server, coordinator, arboga, kungsor
):
    from est.models import Area
    from reports.situation.models import Intervention
    from tests.factories import OrganisationFactory

    guards = OrganisationFactory(name="Vakt AB")
    guards.municipalities.add(arboga)
    picture, _ = situation_picture_ensure(municipality=arboga, period_start=PERIOD_START)
    situation_picture_compile(picture_id=picture.pk)

    page = log_in_page(coordinator)
    page.goto(f"{live_server.url}/situation/{picture.pk}/interventions/new/")
    page.get_by_label("Vad").fill("Belysning vid gångtunneln")
    page.get_by_label("Ansvarig organisation").select_option(label="Vakt AB")
    page.get_by_label("Från").fill("2025-04-01")
    page.get_by_label("Till").fill("2025-04-30")
    draw_square_on_map(page, page.locator(".leaflet-container").first, half=30)
    assert wcag_violations(page) == []
    if os.environ.get("SCREENSHOT_DIR"):
        page.screenshot(
            path=os.path.join(os.environ["SCREENSHOT_DIR"], "intervention-drawn.png"),
            full_page=True,
        )
    page.get_by_role("button", name="Spara").click()
    page.wait_for_url(f"{live_server.url}/situation/{picture.pk}/")
    assert page.get_by_text("Insatsen är sparad.").is_visible()
    intervention = Intervention.objects.get()
    assert intervention.area.kind == Area.Kind.INTERVENTION
    assert intervention.area.boundary.within(arboga.boundary.buffer(1))

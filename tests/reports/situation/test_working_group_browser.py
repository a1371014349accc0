"""In the browser: the coordinator names the police to the working group, and the police
officer adds the police's picture to the draft on a phone."""

import pytest

from reports.situation.compile import situation_picture_compile, situation_picture_ensure
from tests.accessibility import wcag_violations
from tests.factories import OrganisationFactory
from tests.reports.helpers import PERIOD_START, known_incidents

PHONE = {"width": 360, "height": 740}


@pytest.mark.browser
def test_the_police_add_their_picture_to_the_draft_on_a_phone(
    log_in_page, live_server, page, coordinator, police, arboga, kungsor
):
    known_incidents(arboga, kungsor)
    picture, _ = situation_picture_ensure(municipality=arboga, period_start=PERIOD_START)
    situation_picture_compile(picture_id=picture.pk)
    polisen = OrganisationFactory(name="Polisen Arboga", kind="police")
    polisen.municipalities.add(arboga)
    police.organisation = polisen
    police.save()

    log_in_page(coordinator)
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/situation/")
    page.get_by_role("link", name="Arbetsgruppen i Arboga").click()
    assert wcag_violations(page) == []
    page.get_by_label("Organisation").select_option(label="Polisen Arboga")
    page.get_by_role("button", name="Lägg till i arbetsgruppen").click()
    assert page.get_by_text("Polisen Arboga ingår i arbetsgruppen.").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert wcag_violations(page) == []
    page.context.clear_cookies()

    log_in_page(police)
    page.goto(f"{live_server.url}/situation/{picture.pk}/")
    page.get_by_role("link", name="Lägg till en iakttagelse").click()
    assert wcag_violations(page) == []
    page.get_by_role("button", name="Spara").click()  # nothing written: told, kept on the form
    assert page.get_by_text("Det här fältet är obligatoriskt.").first.is_visible()
    page.get_by_label("Text").fill("Ungdomsgäng vid stationen efter 22.")
    page.get_by_role("button", name="Spara").click()
    page.wait_for_url(f"{live_server.url}/situation/{picture.pk}/")
    assert page.get_by_role("heading", name="Bilden från Polisen Arboga").is_visible()
    assert page.get_by_text("Ungdomsgäng vid stationen efter 22.").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert wcag_violations(page) == []

"""In the browser, on a phone: the cooperation agreement's pages pass axe-core and fit."""

import pytest

from tests.accessibility import PHONE, fits_phone_and_passes


@pytest.mark.browser
def test_the_coordinator_writes_the_agreement_and_a_commitment_on_a_phone(
    log_in_page, live_server, page, coordinator, arboga
):
    log_in_page(coordinator)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/pledges/")
    page.get_by_role("link", name="Samverkansöverenskommelsen med polisen").first.click()
    fits_phone_and_passes(page)
    page.get_by_role("link", name="Registrera en samverkansöverenskommelse").click()
    fits_phone_and_passes(page)
    page.get_by_label("Rubrik").fill("Samverkansöverenskommelse Arboga")
    page.get_by_role("button", name="Spara").click()  # no date: told, title kept
    assert page.get_by_label("Rubrik").input_value() == "Samverkansöverenskommelse Arboga"
    page.get_by_label("Tecknad").fill("2026-02-01")
    page.get_by_label("Gäller till").fill("2028-01-31")
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("link", name="Lägg till ett åtagande").click()
    fits_phone_and_passes(page)
    page.get_by_label("Vem").fill("Polisen")
    page.get_by_label("Vad").fill("Medborgardialog varje månad")
    page.get_by_role("button", name="Spara").click()
    assert page.get_by_role("cell", name="Medborgardialog varje månad", exact=True).is_visible()
    fits_phone_and_passes(page)

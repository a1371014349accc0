"""In the browser, on a phone: the coordinator records the working group's meeting on a
picture; the form and the picture pass axe-core and fit the screen."""

import pytest

from tests.accessibility import PHONE, fits_phone_and_passes


@pytest.mark.browser
def test_the_coordinator_records_the_working_groups_meeting_on_a_phone(
    log_in_page, live_server, page, coordinator, picture, polisen
):
    log_in_page(coordinator)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/situation/{picture.pk}/")
    page.get_by_role("link", name="Registrera mötet").click()
    fits_phone_and_passes(page)
    page.get_by_label("Mötesdatum").fill("2026-03-04")
    page.get_by_label("Anteckningar").fill("Fler vuxna vid stationen på kvällarna.")
    page.get_by_role("button", name="Spara").click()  # no organisation ticked: told, notes kept
    assert page.get_by_label("Anteckningar").input_value() == (
        "Fler vuxna vid stationen på kvällarna."
    )
    fits_phone_and_passes(page)
    page.get_by_label("Polisen Arboga").check()
    page.get_by_role("button", name="Spara").click()
    assert page.get_by_text("Mötesanteckningen är sparad.").is_visible()
    assert page.get_by_role("heading", name="Arbetsgruppens möte").is_visible()
    fits_phone_and_passes(page)

"""In the browser, on a phone: adding a paper to a council meeting passes axe-core and fits
the screen."""

import datetime

import pytest

from reports.council.council import council_meeting_create
from tests.accessibility import PHONE, fits_phone_and_passes

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.browser
def test_the_coordinator_adds_a_paper_to_a_meeting_on_a_phone(
    log_in_page, live_server, page, coordinator, arboga
):
    meeting = council_meeting_create(
        municipality=arboga, by=coordinator, held_on=datetime.date(2026, 2, 10)
    )
    log_in_page(coordinator)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/council/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Lägg till en handling").click()
    fits_phone_and_passes(page)
    page.get_by_label("Rubrik").fill("Dagordning")
    page.get_by_label("Fil").set_input_files(
        files=[{"name": "dagordning.txt", "mimeType": "text/plain", "buffer": b"hej"}]
    )
    page.get_by_role("button", name="Spara").click()  # not a PDF: told, the title kept
    assert page.locator(".errorlist").first.is_visible()
    assert page.get_by_label("Rubrik").input_value() == "Dagordning"
    fits_phone_and_passes(page)
    page.get_by_label("Fil").set_input_files(
        files=[{"name": "dagordning.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="Spara").click()
    assert page.get_by_text("Handlingen är tillagd.").is_visible()
    assert page.get_by_role("link", name="Dagordning", exact=True).is_visible()
    fits_phone_and_passes(page)

"""A council member reads, in the tertial analysis, where the citizen pledges stood."""

import os

import pytest

from tests.accessibility import wcag_violations

from .test_pledge_status import compiled


@pytest.mark.browser
def test_a_council_member_reads_the_pledges_status_in_the_analysis(
    log_in_page, live_server, council_member, arboga, pledge_with_progress
):
    analysis = compiled(arboga)
    page = log_in_page(council_member)
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    page.goto(f"{live_server.url}/tertial/{analysis.pk}/")
    section = page.locator("section", has=page.get_by_role("heading", name="Medborgarlöften"))
    assert section.get_by_role("heading", name="Medborgarlöften 2026, version 1").is_visible()
    status = section.get_by_role("row", name="Medborgardialog om narkotika i centrum")
    assert "Pågår sedan 15 mars 2026" in status.inner_text()
    assert wcag_violations(page) == []
    if os.environ.get("SCREENSHOT_DIR"):
        section.screenshot(path=os.path.join(os.environ["SCREENSHOT_DIR"], "tertial-pledges.png"))
    section.get_by_role("link", name="Medborgarlöftena för 2026").click()
    assert page.get_by_role("heading", name="Medborgarlöften 2026", exact=False).first.is_visible()

"""A council member finds Arboga's tertial analysis in the list and opens its PDF."""

import os

import pytest

from est.periods import Tertial
from reports.tertial.compile import tertial_analysis_compile, tertial_analysis_ensure
from tests.accessibility import wcag_violations
from tests.reports.helpers import incident, local


@pytest.mark.browser
def test_a_council_member_reads_the_list_and_the_analysis(
    log_in_page, live_server, council_member, arboga
):
    incident(arboga, "graffiti", local(2025, 2, 3, 14))
    analysis, _created = tertial_analysis_ensure(municipality=arboga, tertial=Tertial(2025, 1))
    tertial_analysis_compile(analysis_id=analysis.pk)
    page = log_in_page(council_member)

    page.goto(live_server.url + "/tertial/")
    assert page.get_by_role("heading", name="Tertialanalyser").is_visible()
    assert page.get_by_role("link", name="Läs 2025-T1 som PDF").is_visible()
    assert wcag_violations(page) == []
    if os.environ.get("SCREENSHOT_DIR"):
        page.screenshot(
            path=os.path.join(os.environ["SCREENSHOT_DIR"], "tertial-list.png"), full_page=True
        )

    page.get_by_role("link", name="2025-T1", exact=True).click()
    assert page.get_by_role("heading", name="Nyckeltal").is_visible()
    assert page.locator("#pdf-state").is_visible()

"""axe-core in the browser: the WCAG 2.1 A and AA rules public-sector sites must meet."""

from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def wcag_violations(page) -> list[str]:
    """Return one line per WCAG 2.1 A/AA violation axe-core finds on ``page`` (empty if none)."""
    results = Axe().run(page, options=WCAG_21_AA)
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} elements)"
        for violation in results.response["violations"]
    ]


#: The narrowest phone every page must work on.
PHONE = {"width": 360, "height": 740}


def fits_phone_and_passes(page) -> None:
    """Assert that ``page`` is no wider than PHONE and has no WCAG 2.1 A/AA violations."""
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert wcag_violations(page) == []

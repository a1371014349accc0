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

"""A coordinator uploads a file, sees each row's errors in the preview, and nothing is saved."""

import os

import pytest

from reports.incidents.models import Incident

from .test_imports import HEADER, row


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 360])
def test_the_preview_shows_the_errors_next_to_each_row(
    log_in_page, live_server, coordinator, arboga, kungsor, tmp_path, width
):
    file = tmp_path / "händelser.csv"
    file.write_text(
        "\n".join(
            [
                HEADER,
                row(arboga),
                row(arboga, category="Ballonger", place="Skolgården vid norra entrén"),
                row(arboga, start="2026-03-05 22:00", end="2026-03-05 21:00"),
                row(kungsor),
            ]
        ),
        encoding="utf-8",
    )
    page = log_in_page(coordinator)
    page.set_viewport_size({"width": width, "height": 800})

    page.goto(live_server.url + f"/reports/incidents/import/{arboga.code}/")
    page.get_by_label("Fil").set_input_files(str(file))
    page.get_by_role("button", name="Kontrollera filen").click()

    page.wait_for_selector("table.import-preview")
    assert page.get_by_role("heading", name="3 rader har fel").is_visible()
    assert page.get_by_text("Slutet är före början.").is_visible()
    assert page.get_by_text("Positionen ligger i Kungsör, inte i Arboga.").first.is_visible()
    assert page.get_by_role("button", name="Importera").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if os.environ.get("SCREENSHOT_DIR"):
        page.screenshot(
            path=os.path.join(os.environ["SCREENSHOT_DIR"], f"import-preview-{width}.png"),
            full_page=True,
        )
    assert Incident.objects.count() == 0

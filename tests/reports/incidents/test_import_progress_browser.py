"""A large import runs in the background: its page shows a progress bar that is still there
after a reload, says when the work is done, and another municipality's user gets a 404."""

import os
import re

import pytest

from reports.incidents.models import Incident, IncidentImport
from tests.accessibility import wcag_violations
from tests.worker import celery_worker

from .test_imports import HEADER, row

ROWS = 60_000


@pytest.mark.browser
def test_the_progress_of_an_import_survives_a_reload_and_ends_with_what_happened(
    log_in_page, live_server, coordinator, outsider, arboga, tmp_path, monkeypatch, settings
):
    # Small chunks, so that the worker reports progress many times in this test's file; the
    # worker reads the stored file where this test's server stores it.
    monkeypatch.setenv("IMPORT_CHUNK_ROWS", "1000")
    monkeypatch.setenv("MEDIA_ROOT", str(settings.MEDIA_ROOT))
    file = tmp_path / "historik.csv"
    file.write_text("\n".join([HEADER, *[row(arboga)] * ROWS]) + "\n", encoding="utf-8")
    page = log_in_page(coordinator)

    with celery_worker():
        page.goto(live_server.url + f"/reports/incidents/import/{arboga.code}/")
        page.get_by_label("Fil").set_input_files(str(file))
        page.get_by_role("button", name="Kontrollera filen").click()

        progress = page.get_by_role("heading", name="Varje rad i filen kontrolleras")
        progress.wait_for()
        page.get_by_role("status").filter(has_text="rader kontrollerade").wait_for()
        assert wcag_violations(page) == []
        if os.environ.get("SCREENSHOT_DIR"):
            page.screenshot(path=os.path.join(os.environ["SCREENSHOT_DIR"], "import-progress.png"))
        page.reload()
        assert progress.is_visible() or page.get_by_role("button", name="Importera").is_visible()

        # The page reloads itself when the check is done and offers the import.
        button = page.get_by_role("button", name=re.compile(r"Importera 60\D?000 händelser"))
        button.wait_for(timeout=120_000)
        button.click()
        page.get_by_role("heading", name="Händelserna importeras").wait_for()
        page.reload()
        page.get_by_text("Importerad ").wait_for(timeout=180_000)

    incident_import = IncidentImport.objects.get()
    assert incident_import.status == IncidentImport.Status.IMPORTED
    assert Incident.objects.filter(incident_import=incident_import).count() == ROWS
    assert page.locator("#import-progress").count() == 0  # no more asking

    other = log_in_page(outsider)
    response = other.goto(live_server.url + f"/reports/imports/{incident_import.pk}/progress/")
    assert response.status == 404

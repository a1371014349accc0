"""A large export in the browser: the list's link offers to write the file, the export's page
shows the progress while the job waits and runs, then the download link; another user gets a
404. Every page is checked with axe-core."""

import os

import pytest

from est.celery import app
from reports.incidents.models import IncidentExport
from tests.accessibility import wcag_violations
from tests.worker import celery_worker

from . import test_list

incidents = test_list.incidents


@pytest.mark.browser
def test_a_large_export_shows_its_progress_then_the_download(
    log_in_page, live_server, coordinator, outsider, incidents, settings, monkeypatch
):
    settings.EXPORT_BACKGROUND_ROWS = 0
    # Tasks go to Redis, and wait there until the worker below starts (which, stopping, makes
    # them eager again).
    app.conf.task_always_eager = False
    monkeypatch.setenv("MEDIA_ROOT", str(settings.MEDIA_ROOT))
    page = log_in_page(coordinator)
    page.goto(live_server.url + "/reports/incidents/")
    page.get_by_role("link", name="Excel", exact=True).click()

    page.get_by_role("heading", name="En stor export").wait_for()
    assert wcag_violations(page) == []
    page.get_by_role("button", name="Skriv filen").click()

    # No worker yet: the job waits, and its page says it is being written.
    page.get_by_role("heading", name="Filen skrivs").wait_for()
    assert wcag_violations(page) == []
    if os.environ.get("SCREENSHOT_DIR"):
        page.screenshot(path=os.path.join(os.environ["SCREENSHOT_DIR"], "export-progress.png"))

    with celery_worker():
        # The page reloads itself once the file is written.
        link = page.get_by_role("link", name="Ladda ner incidents-")
        link.wait_for(timeout=120_000)
    assert wcag_violations(page) == []
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".xlsx")
    export = IncidentExport.objects.get()
    assert export.row_count == len(incidents)

    other = log_in_page(outsider)
    response = other.goto(live_server.url + f"/reports/exports/{export.pk}/")
    assert response.status == 404

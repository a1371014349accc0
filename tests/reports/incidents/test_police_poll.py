"""Polling the police's open events API: served here by a local HTTP server (no network)."""

import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.conf import settings

from est.health import health_checks
from reports.incidents.models import Incident
from reports.incidents.police_poll import police_events_poll
from reports.tasks import poll_police_events
from tests.worker import celery_worker

EVENTS = (
    Path(__file__).resolve().parents[3]
    / "reports"
    / "incidents"
    / "data"
    / "events_arboga_kungsor.json"
)


class PoliceApi(BaseHTTPRequestHandler):
    """Answers every GET with the server's ``status`` and ``body``; keeps the requests' headers."""

    def do_GET(self):  # noqa: N802 - the name http.server calls
        self.server.requests.append(dict(self.headers))
        self.send_response(self.server.status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(self.server.body)

    def log_message(self, *args):
        pass  # the test output stays readable


@pytest.fixture
def police_api():
    """Return a local HTTP server answering as the police's API does, with the Arboga and
    Kungsör events; its ``url``, ``status``, ``body`` and ``requests`` may be read and set."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PoliceApi)
    server.status, server.body, server.requests = 200, EVENTS.read_bytes(), []
    server.url = f"http://127.0.0.1:{server.server_port}/api/events"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def poll_check():
    return next(check for check in health_checks() if check.name == "police-events")


def test_a_poll_imports_the_events_and_the_next_updates_them_by_id(arboga, kungsor, police_api):
    first = police_events_poll(url=police_api.url)
    again = police_events_poll(url=police_api.url)

    assert (first.created, first.updated) == (127, 0)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 127)
    assert Incident.objects.filter(source=Incident.Source.POLICE_EVENT).count() == 127
    assert police_api.requests[0]["User-Agent"] == settings.POLICE_EVENTS_USER_AGENT
    check = poll_check()
    assert check.ok
    assert not check.required
    assert check.detail.startswith("senaste lyckade hämtning 0 min sedan: 127 events")


def test_an_unreachable_api_writes_nothing_warns_and_the_next_tick_tries_again(
    arboga, kungsor, police_api, caplog
):
    assert police_events_poll(url="http://127.0.0.1:1/api/events") is None

    assert Incident.objects.count() == 0
    assert "trying again at the next tick" in caplog.text
    check = poll_check()
    assert not check.ok
    assert "ingen lyckad hämtning än; senaste försöket misslyckades 0 min sedan" in check.detail

    assert police_events_poll(url=police_api.url).created == 127
    assert poll_check().ok


def test_bad_json_writes_nothing(arboga, kungsor, police_api, caplog):
    police_api.body = EVENTS.read_bytes()[:5000]  # cut off mid-event

    assert police_events_poll(url=police_api.url) is None

    assert Incident.objects.count() == 0
    assert "Police events not fetched" in caplog.text


def test_after_a_404_the_api_is_not_called_again(arboga, police_api):
    police_api.status, police_api.body = 404, b"{}"

    assert police_events_poll(url=police_api.url) is None
    assert police_events_poll(url=police_api.url) is None

    assert len(police_api.requests) == 1
    assert "404" in poll_check().detail


def test_an_empty_url_turns_the_poll_off():
    script = (
        "from django.conf import settings;"
        "print('police-events' in settings.CELERY_BEAT_SCHEDULE, settings.HEALTH_POLLS)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "est.settings.base", "POLICE_EVENTS_URL": ""},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["False", "[]"], result.stderr
    assert "police-events" in settings.CELERY_BEAT_SCHEDULE


@pytest.mark.worker
def test_the_beat_task_polls_through_a_real_worker(
    transactional_db, arboga, kungsor, police_api, monkeypatch
):
    monkeypatch.setenv("POLICE_EVENTS_URL", police_api.url)
    with celery_worker():
        created = poll_police_events.delay().get(timeout=60)
        again = poll_police_events.delay().get(timeout=60)

    assert (created, again) == (127, 0)
    assert Incident.objects.filter(source=Incident.Source.POLICE_EVENT).count() == 127
    assert poll_check().ok

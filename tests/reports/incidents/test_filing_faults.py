"""Filing loses nothing and files nothing twice: a submission replayed a thousand times (also at
once) files one incident, and 200 filings from 20 clients that retry with the same submission
key while PostgreSQL restarts in the middle each exist exactly once."""

import threading
import time
import uuid

import pytest
from django.db import close_old_connections, connection, connections
from rest_framework.test import APIClient

from est.api_tokens import api_token_create
from reports.incidents.models import Incident
from tests.faults import postgres_restart
from tests.reports.incidents.test_api import payload

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True)]


def _api(token: str) -> APIClient:
    # Errors come back as the pages users get (503 for a database that is down), not as
    # exceptions in the test.
    api = APIClient(raise_request_exception=False)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return api


def _in_threads(count: int, work) -> None:
    """Run ``work(number)`` on ``count`` threads at once, each with its own connection."""
    start = threading.Barrier(count)

    def run(number):
        try:
            start.wait()
            work(number)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)


def test_a_thousand_replays_of_one_submission_file_one_incident(reporter, arboga):
    token = api_token_create(user=reporter, name="faults")[1]
    data = payload(arboga)
    answers = []

    def replay(_number):
        api = _api(token)
        for _ in range(50):
            response = api.post("/api/v1/incidents/", data, format="json")
            answers.append((response.status_code, response.json().get("id")))

    _in_threads(20, replay)

    assert len(answers) == 1000
    assert {status for status, _id in answers} <= {200, 201}
    assert len({incident_id for _status, incident_id in answers}) == 1
    assert Incident.objects.count() == 1


def test_filings_retried_through_a_database_restart_each_exist_once(reporter, arboga):
    token = api_token_create(user=reporter, name="faults")[1]
    keys = [[str(uuid.uuid4()) for _ in range(10)] for _ in range(20)]
    # Made here: the clients themselves never touch the database, only the API.
    sent = {key: payload(arboga, idempotency_key=key) for chunk in keys for key in chunk}
    filed, failures = [], []

    def file_with_retries(number):
        api = _api(token)
        for key in keys[number]:
            data = sent[key]
            for _attempt in range(100):
                try:
                    # What Django's request handler does before every request in production
                    # (the test client leaves it out): a connection the restart cut is dropped.
                    close_old_connections()
                    response = api.post("/api/v1/incidents/", data, format="json")
                except Exception as error:  # noqa: BLE001 - a client retries whatever went wrong
                    failures.append(type(error).__name__)
                else:
                    if response.status_code in (200, 201):
                        filed.append(key)
                        break
                    failures.append(response.status_code)
                time.sleep(0.2)

    clients = threading.Thread(target=_in_threads, args=(20, file_with_retries))
    clients.start()
    deadline = time.monotonic() + 60
    while len(filed) < 50 and time.monotonic() < deadline:
        time.sleep(0.05)
    postgres_restart()
    clients.join(180)
    # The test's own connection was cut too.
    connections.close_all()

    assert sorted(filed) == sorted(key for chunk in keys for key in chunk)
    assert Incident.objects.count() == 200
    assert set(Incident.objects.values_list("idempotency_key", flat=True)) == {
        uuid.UUID(key) for chunk in keys for key in chunk
    }
    # The restart was noticed: some requests failed and were sent again.
    assert failures

"""However malformed a request, the answer is a clear 4xx or a form with a message, never a 500."""

import pytest
from django.test import Client

from tests.second_factor import log_in_with_second_factor


@pytest.mark.parametrize(
    "path",
    [
        "/areas/99999999999999999999/edit/",
        "/api/v1/areas/99999999999999999999/",
        "/api/v1/areas/abc/",
        "/api/v1/municipalities/%00/",
        "/municipalities/%00/",
        "/municipalities/19845/",
        "/api/v1/areas/?page=abc",
        "/api/v1/areas/?municipality__code=%00",
        "/api/v1/areas/?kind=nope",
        "/municipalities/1984/areas/new/?x=%ff",
        "/accounts/reset/zz/zz-zz/",
    ],
)
def test_malformed_requests_never_give_a_server_error(coordinator, path):
    client = Client(raise_request_exception=False)
    log_in_with_second_factor(client, coordinator)
    assert client.get(path).status_code < 500


def test_junk_in_every_field_of_a_form_is_a_message(client_for, coordinator):
    response = client_for(coordinator).post(
        "/municipalities/1984/areas/new/",
        {"name": "x" * 500, "kind": "zzz", "description": "a\x00b", "boundary": "\x00"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Något behöver rättas" in page


def test_a_stale_form_explains_itself(coordinator):
    client = Client(enforce_csrf_checks=True)
    log_in_with_second_factor(client, coordinator)
    response = client.post("/municipalities/1984/areas/new/", {"name": "Centrum"})
    assert response.status_code == 403
    assert "Formuläret har hunnit bli för gammalt" in response.content.decode()

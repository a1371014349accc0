"""Who is asking: X-Forwarded-For is believed only from our own proxy, by the lockout, the health
page and the API's throttle alike."""

import pytest
from django.test import RequestFactory, override_settings

from est.clients import client_address
from tests.conftest import PASSWORD

PROXY = "10.0.0.2"
STRANGER = "203.0.113.66"
USER_AT_HOME = "198.51.100.20"

behind_proxy = override_settings(TRUSTED_PROXIES=["10.0.0.0/24"])


def _address(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **headers))


def test_without_a_trusted_proxy_the_header_is_ignored():
    assert _address(STRANGER, "127.0.0.1") == STRANGER


@behind_proxy
def test_behind_the_proxy_the_client_is_the_rightmost_untrusted_hop():
    assert _address(PROXY, USER_AT_HOME) == USER_AT_HOME
    # What the client wrote itself stands to the left of what our proxy appended.
    assert _address(PROXY, f"127.0.0.1, {STRANGER}") == STRANGER
    assert _address(PROXY, f"{STRANGER}, 10.0.0.3") == STRANGER


@behind_proxy
def test_a_stranger_talking_to_gunicorn_directly_cannot_pretend():
    assert _address(STRANGER, "10.0.0.3, 127.0.0.1") == STRANGER


@behind_proxy
def test_a_request_from_the_proxy_itself_or_with_garbage_is_the_proxys():
    assert _address(PROXY) == PROXY
    assert _address(PROXY, "not-an-address") == PROXY


def _log_in(client, password, address):
    return client.post(
        "/accounts/login/",
        {"username": "rut", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


@behind_proxy
def test_a_stranger_cannot_lock_a_user_out_from_the_users_own_address(client, reporter):
    answers = [_log_in(client, "wrong-password", STRANGER).status_code for _ in range(10)]
    assert answers == [200] * 4 + [429] * 6
    assert _log_in(client, PASSWORD, STRANGER).status_code == 429
    assert _log_in(client, PASSWORD, USER_AT_HOME).url == "/"


proxy_on_the_host = override_settings(TRUSTED_PROXIES=["127.0.0.1"])


@proxy_on_the_host
def test_the_health_page_behind_a_proxy_on_the_same_host_hides_details(client, db):
    body = client.get("/health/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=STRANGER).json()
    assert set(body) == {"ok"}


@proxy_on_the_host
def test_the_health_page_shows_details_to_the_host_through_the_proxy(client, db):
    body = client.get("/health/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="::1").json()
    assert body["database"]["ok"]


@pytest.fixture
def strict_api_rates(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"user": "5/min"},
    }


def test_the_api_throttles_per_user_whatever_the_address(
    client_for, coordinator, police, strict_api_rates
):
    client = client_for(coordinator)
    answers = [
        client.get("/api/v1/municipalities/", REMOTE_ADDR=f"198.51.100.{n}") for n in range(6)
    ]
    assert [answer.status_code for answer in answers] == [200] * 5 + [429]
    assert int(answers[-1]["Retry-After"]) > 0
    # Another user is not held back by the first one's requests.
    assert client_for(police).get("/api/v1/municipalities/").status_code == 200


def test_password_resets_are_limited_per_address_keeping_the_address_typed(client, reporter):
    from django.core import mail

    statuses = [
        client.post("/accounts/password_reset/", {"email": reporter.email}).status_code
        for _ in range(6)
    ]

    assert statuses == [302] * 5 + [429]
    assert len(mail.outbox) == 5
    page = client.post("/accounts/password_reset/", {"email": "rut@example.se"}).content.decode()
    assert "Try again in an hour" not in page
    assert "Försök igen om en timme" in page
    assert 'value="rut@example.se"' in page
    other = client.post(
        "/accounts/password_reset/", {"email": reporter.email}, REMOTE_ADDR=USER_AT_HOME
    )
    assert other.status_code == 302


def test_the_schema_says_every_operation_may_answer_429(client_for, coordinator):
    schema = client_for(coordinator).get("/api/v1/schema/?format=json").json()

    operations = [operation for path in schema["paths"].values() for operation in path.values()]
    assert operations
    assert all("429" in operation["responses"] for operation in operations)

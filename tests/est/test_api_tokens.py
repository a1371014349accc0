"""API tokens: made on the account page, shown once, stored as a hash, expiring, revocable."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from est.api_tokens import ApiToken, api_token_create

pytestmark = pytest.mark.django_db


def areas(key, keyword="Token"):
    """Return the answer to an API request with ``key`` from a client with no session."""
    return Client().get("/api/v1/areas/", HTTP_AUTHORIZATION=f"{keyword} {key}")


def refused(response, reason="okänd, har gått ut eller är återkallad") -> bool:
    """Return whether the API refused the request for its token (403: the API also takes a
    session, so DRF does not answer 401)."""
    return response.status_code in (401, 403) and reason in response.json()["detail"]


def test_a_token_is_shown_once_and_only_its_hash_is_stored(client_for, reporter, arboga):
    client = client_for(reporter)
    page = client.post("/accounts/tokens/new/", {"name": "Rondappen"}).content.decode()
    token = ApiToken.objects.get(user=reporter)
    key = page.split('class="token-key" rows="2" readonly>')[1].split("<")[0]
    assert key.startswith(token.prefix + ".")
    assert "visas bara den här gången" in page
    # The key is nowhere in the database, only its SHA-256.
    with connection.cursor() as cursor:
        cursor.execute("SELECT est_apitoken::text FROM est_apitoken")
        (row,) = cursor.fetchone()
    assert key not in row
    assert key.split(".")[1] not in row
    # The account lists it without the key.
    account = client.get("/accounts/").content.decode()
    assert "Rondappen" in account
    assert key not in account
    # It works, and its use shows on the account page.
    assert areas(key).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_token_works_as_bearer_too(reporter, arboga):
    _token, key = api_token_create(user=reporter, name="x")
    assert areas(key, "Bearer").status_code == 200


def test_a_wrong_or_malformed_token_is_refused(reporter, arboga):
    _token, key = api_token_create(user=reporter, name="x")
    assert refused(areas(key[:-1] + ("A" if key[-1] != "A" else "B")))
    assert refused(areas("nonsense"))
    assert refused(areas(""), "efter ordet Token")


def test_an_expired_token_is_refused(reporter, arboga):
    token, key = api_token_create(user=reporter, name="x")
    lifetime = token.expires_at - token.created_at
    assert abs(lifetime - datetime.timedelta(days=90)) < datetime.timedelta(seconds=1)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now())
    assert refused(areas(key))


def test_a_revoked_token_is_refused(client_for, reporter, arboga):
    token, key = api_token_create(user=reporter, name="Rondappen")
    response = client_for(reporter).post(f"/accounts/tokens/{token.pk}/revoke/")
    assert response["Location"] == "/accounts/"
    assert refused(areas(key))
    page = client_for(reporter).get("/accounts/").content.decode()
    assert "återkallad" in page
    assert f"/accounts/tokens/{token.pk}/revoke/" not in page


def test_another_users_token_cannot_be_revoked(client_for, reporter, outsider, arboga):
    token, key = api_token_create(user=reporter, name="x")
    response = client_for(outsider).post(f"/accounts/tokens/{token.pk}/revoke/")
    assert response.status_code == 404
    assert areas(key).status_code == 200
    assert "Rondappen" not in client_for(outsider).get("/accounts/").content.decode()


def test_a_deactivated_users_token_is_refused(reporter, arboga):
    _token, key = api_token_create(user=reporter, name="x")
    reporter.is_active = False
    reporter.save()
    assert refused(areas(key))


def test_a_token_needs_a_name(client_for, reporter):
    response = client_for(reporter).post("/accounts/tokens/new/", {"name": ""})
    assert response.status_code == 200
    assert "Något behöver rättas" in response.content.decode()
    assert not ApiToken.objects.exists()

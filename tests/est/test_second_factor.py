"""The second factor after the password (the tests run with production's required roles)."""

import pytest
from django_otp.plugins.otp_static.models import StaticToken

from est.second_factor import recovery_codes_replace
from tests.conftest import PASSWORD
from tests.second_factor import authenticator_app, totp_code

pytestmark = pytest.mark.django_db


def log_in(client, user):
    """Give the password through the login form; return where the form sends the user."""
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return response["Location"]


def give_code(client, code, next_url="/"):
    return client.post("/accounts/second-factor/", {"code": code, "next": next_url})


def test_a_coordinator_reaches_no_page_with_the_password_alone(client, coordinator):
    log_in(client, coordinator)
    for path in ["/", "/reports/mine/", "/municipalities/", "/accounts/", "/api/v1/areas/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/accounts/second-factor/app/?next="), path


def test_a_coordinator_enrols_with_an_app_and_gets_recovery_codes_once(client, coordinator):
    log_in(client, coordinator)
    page = client.get("/accounts/second-factor/app/?next=/municipalities/").content.decode()
    assert 'src="data:image/svg+xml;base64,' in page  # the QR code, from our own server
    assert "Din roll läser känsliga uppgifter" in page
    device = coordinator.totpdevice_set.get(confirmed=False)

    wrong = client.post(
        "/accounts/second-factor/app/", {"code": "000000", "next": "/municipalities/"}
    )
    assert "Koden är fel" in wrong.content.decode()
    assert client.get("/").status_code == 302

    response = client.post(
        "/accounts/second-factor/app/", {"code": totp_code(device), "next": "/municipalities/"}
    )
    page = response.content.decode()
    codes = list(
        StaticToken.objects.filter(device__user=coordinator).values_list("token", flat=True)
    )
    assert len(codes) == 10
    assert all(code in page for code in codes)
    assert 'href="/municipalities/"' in page
    assert client.get("/municipalities/").status_code == 200
    # Shown once: the account page counts them but never shows them again.
    account = client.get("/accounts/").content.decode()
    assert "10 oanvända reservkoder" in account
    assert codes[0] not in account


def test_a_user_with_an_app_is_asked_for_its_code(client, coordinator):
    device = authenticator_app(coordinator)
    assert log_in(client, coordinator) == "/"
    response = client.get("/municipalities/")
    assert response["Location"] == "/accounts/second-factor/?next=/municipalities/"
    assert "Andra steget" in client.get(response["Location"]).content.decode()
    assert (
        give_code(client, totp_code(device), "/municipalities/")["Location"] == "/municipalities/"
    )
    assert client.get("/municipalities/").status_code == 200


def test_a_wrong_code_is_refused_and_what_was_typed_is_kept(client, coordinator):
    authenticator_app(coordinator)
    log_in(client, coordinator)
    response = give_code(client, "123 456")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Koden är fel, för gammal eller redan använd" in page
    assert 'value="123 456"' in page
    assert client.get("/").status_code == 302


def test_a_code_is_accepted_once(client, coordinator):
    device = authenticator_app(coordinator)
    log_in(client, coordinator)
    code = totp_code(device)
    assert give_code(client, code).status_code == 302
    client.post("/accounts/logout/")
    log_in(client, coordinator)
    # Replayed within its 30 seconds (say, by someone who watched it being typed).
    assert "Koden är fel" in give_code(client, code).content.decode()
    assert client.get("/").status_code == 302


def test_a_recovery_code_works_once(client, coordinator):
    authenticator_app(coordinator)
    code = recovery_codes_replace(user=coordinator)[0]
    log_in(client, coordinator)
    assert give_code(client, code.upper()).status_code == 302
    assert client.get("/").status_code == 200
    client.post("/accounts/logout/")
    log_in(client, coordinator)
    assert "Koden är fel" in give_code(client, code).content.decode()


def test_a_reporter_needs_no_second_factor_unless_the_setting_says_so(client, reporter, settings):
    log_in(client, reporter)
    assert client.get("/").status_code == 200
    settings.MFA_REQUIRED_ROLES = [*settings.MFA_REQUIRED_ROLES, "reporter"]
    assert client.get("/")["Location"] == "/accounts/second-factor/app/?next=/"


def test_a_reporter_who_chose_an_app_is_asked_for_it(client, reporter):
    authenticator_app(reporter)
    log_in(client, reporter)
    assert client.get("/")["Location"] == "/accounts/second-factor/?next=/"


def test_superusers_of_any_role_give_a_second_factor(client, reporter):
    reporter.is_superuser = True
    reporter.save()
    log_in(client, reporter)
    assert client.get("/")["Location"].startswith("/accounts/second-factor/app/")


def test_a_device_is_removed_by_its_owner_only(client_for, coordinator, police):
    theirs = authenticator_app(police)
    client = client_for(coordinator)
    response = client.post(f"/accounts/devices/{theirs.persistent_id}/remove/")
    assert response.status_code == 404
    assert police.totpdevice_set.exists()
    mine = authenticator_app(coordinator)
    assert "Test app" in client.get("/accounts/").content.decode()
    client.post(f"/accounts/devices/{mine.persistent_id}/remove/")
    assert not coordinator.totpdevice_set.exists()
    # Without a device the required role is sent to set one up again.
    assert client.get("/")["Location"].startswith("/accounts/second-factor/app/")


def test_the_next_page_stays_on_this_site(client, coordinator):
    device = authenticator_app(coordinator)
    log_in(client, coordinator)
    response = give_code(client, totp_code(device), "https://evil.example.com/")
    assert response["Location"] == "/"


def test_the_passkey_scripts_messages_are_swedish(client):
    catalog = client.get("/webauthn/jsi18n/").content.decode()
    # Django's catalog writes JSON with non-ASCII letters escaped.
    assert "Passkeyn \\u00e4r skapad." in catalog

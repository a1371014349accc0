"""Logging in and out, password rules, reset by e-mail, lockout and idle sessions."""

import datetime

import pytest
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail
from django.core.exceptions import ValidationError

from tests.conftest import PASSWORD


def log_in(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_log_in_lands_on_the_start_page_in_swedish(client, reporter):
    response = log_in(client, "rut", PASSWORD)
    assert response.url == "/"
    page = client.get("/").content.decode()
    assert '<html lang="sv">' in page
    assert "Välkommen, Förnamn" in page
    assert "Rapportera det du ser ute" in page


def test_wrong_password_says_so_and_keeps_the_username(client, reporter):
    page = log_in(client, "rut", "wrong-password").content.decode()
    assert "Ange ett korrekt användarnamn och lösenord" in page
    assert 'value="rut"' in page


def test_five_failures_lock_the_account_even_with_the_right_password(client, reporter):
    for _ in range(5):
        log_in(client, "rut", "wrong-password")
    response = log_in(client, "rut", PASSWORD)
    assert response.status_code == 429
    assert "För många misslyckade försök" in response.content.decode()


def test_passwords_need_twelve_characters(reporter):
    with pytest.raises(ValidationError, match="minst 12"):
        validate_password("Kort-lösen1", reporter)
    validate_password("en-lång-och-ovanlig-fras", reporter)


def test_password_reset_mails_a_link_that_works(client, reporter):
    client.post("/accounts/password_reset/", {"email": reporter.email})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Ett nytt lösenord för EST"
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/reset/" in line)
    path = link.split("testserver", 1)[1]
    form = client.get(path, follow=True)
    new = "ett-helt-nytt-lösenord-2026"
    client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert log_in(client, "rut", new).url == "/"


def test_a_password_reset_link_is_dead_after_an_hour(client, reporter, monkeypatch):
    client.post("/accounts/password_reset/", {"email": reporter.email})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/reset/" in line)
    later = datetime.datetime.now() + datetime.timedelta(minutes=61)  # noqa: DTZ005 (as Django)
    monkeypatch.setattr(PasswordResetTokenGenerator, "_now", lambda self: later)
    page = client.get(link.split("testserver", 1)[1], follow=True).content.decode()
    assert "new_password1" not in page


def test_staff_sessions_end_after_30_idle_minutes(client, reporter):
    log_in(client, "rut", PASSWORD)
    client.get("/")
    assert client.session.get_expiry_age() == 30 * 60
    assert not client.session.get_expire_at_browser_close()


def test_log_out_needs_post_and_ends_the_session(client, reporter):
    log_in(client, "rut", PASSWORD)
    client.post("/accounts/logout/")
    assert client.get("/municipalities/").status_code == 302


def test_english_on_request(client, reporter):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    log_in(client, "rut", PASSWORD)
    page = client.get("/").content.decode()
    assert '<html lang="en">' in page
    assert "Report what you see out there" in page


def test_navigation_follows_the_role(client_for, reporter, coordinator, administrator):
    assert "Administration" not in client_for(reporter).get("/").content.decode()
    assert "Administration" in client_for(administrator).get("/").content.decode()


def test_admin_is_in_swedish(client_for, administrator):
    page = client_for(administrator).get("/admin/est/user/").content.decode()
    assert "Välj användare att ändra" in page


def test_the_admin_lets_in_superusers_only(client_for, coordinator, arboga):
    coordinator.is_staff = True
    coordinator.save(update_fields=["is_staff"])
    client = client_for(coordinator)
    response = client.get("/admin/est/area/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert "Administration" not in client.get("/").content.decode()

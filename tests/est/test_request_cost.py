"""What every request of a logged-in user costs the database (bench/README.md, "Recording
findings on a walk"): the session is kept alive but written at most once a minute, and whether
the user has a second factor comes with the user's own statement, yet a factor set up in
another session is asked for at once."""

import datetime

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from est.middleware import SessionRefreshMiddleware
from tests.conftest import PASSWORD
from tests.dialogues.walks.helpers import walk_under_way
from tests.dialogues.walks.test_walk_page import QUEUE, finding_form
from tests.second_factor import authenticator_app

pytestmark = pytest.mark.django_db


def _log_in(client, user):
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client.cookies["sessionid"].value


def _statements(client, path, **extra) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, **extra).status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def _ends_at(key) -> datetime.datetime:
    return Session.objects.get(session_key=key).expire_date


def test_a_used_session_lives_on_and_is_written_at_most_once_a_minute(client, reporter):
    key = _log_in(client, reporter)
    ends = _ends_at(key)
    assert ends > timezone.now() + datetime.timedelta(minutes=29)

    statements = _statements(client, "/")
    assert not [sql for sql in statements if sql.startswith('UPDATE "django_session"')]
    assert _ends_at(key) == ends

    # Ten minutes on, the next request moves the session's end ten minutes further.
    store = SessionStore(key)
    store[SessionRefreshMiddleware.refreshed_key] -= 600
    store.save()
    ten_minutes = datetime.timedelta(minutes=10)
    Session.objects.filter(session_key=key).update(expire_date=F("expire_date") - ten_minutes)
    earlier = _ends_at(key)
    _statements(client, "/")
    assert _ends_at(key) >= earlier + ten_minutes - datetime.timedelta(seconds=5)


def test_a_session_idle_for_half_an_hour_has_ended(client, reporter):
    key = _log_in(client, reporter)
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    response = client.get("/municipalities/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_visitor_with_a_made_up_session_cookie_gets_no_session(client):
    client.cookies["sessionid"] = "x" * 32
    client.get(reverse("login"))
    assert not Session.objects.exists()


def test_whether_the_user_has_a_second_factor_comes_with_the_user(client, reporter):
    _log_in(client, reporter)
    statements = _statements(client, "/")
    assert not [sql for sql in statements if sql.startswith('SELECT "otp_')]
    assert not [sql for sql in statements if sql.startswith('SELECT "django_otp_webauthn')]


def test_a_factor_set_up_in_another_session_is_asked_for_on_the_next_request(client, reporter):
    _log_in(client, reporter)
    assert client.get("/").status_code == 200
    authenticator_app(reporter)  # set up on another device meanwhile
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/second-factor/?next=")


def test_a_finding_from_a_phone_costs_ten_statements(client_for, arboga, coordinator):
    walk = walk_under_way(arboga, coordinator)
    client = client_for(coordinator)  # with the second factor, as production asks of them
    url = reverse("walk_finding_create", args=[walk.pk])
    client.post(url, finding_form(walk), **QUEUE)  # the categories are made on first use
    form = finding_form(walk)
    with CaptureQueriesContext(connection) as queries:
        answer = client.post(url, form, **QUEUE)
    assert answer.status_code == 200
    statements = [q["sql"] for q in queries.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) <= 10, "\n".join(statements)

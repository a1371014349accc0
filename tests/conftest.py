"""What every test knows: two municipalities side by side and the standard users.

``arboga`` and ``kungsor`` are small test squares, not the real boundaries; ``outsider`` belongs
only to Kungsör and must see nothing of Arboga.
"""

import os

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from est.api_tokens import api_token_create
from est.roles import Role
from tests.factories import MunicipalityFactory, UserFactory
from tests.object_storage import S3Server, local_media, s3_media
from tests.second_factor import log_in_through_the_form, log_in_with_second_factor

PASSWORD = "correct-horse-battery"

# Playwright's sync API runs an event loop in the test thread; Django's ORM then refuses to run
# there unless told that this thread is safe (it is: one test at a time).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _clean_cache():
    """Every test starts with an empty Redis cache (a test database of its own)."""
    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Files any test writes (photos, PDFs, footage) go to a folder of the test's own, never
    into the working tree."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="session")
def s3_server():
    """An S3-compatible server for the whole test session, started when first needed."""
    server = S3Server()
    yield server
    server.stop()


@pytest.fixture(params=["local", "s3"])
def media_storage(request, settings, tmp_path):
    """Run the test twice: with uploaded files on the local disk and in an S3-compatible bucket
    (a fresh one per test), the two storages the product runs on. Returns a MediaStorage."""
    if request.param == "local":
        media = local_media(settings.MEDIA_ROOT)
    else:
        media = s3_media(request.getfixturevalue("s3_server"))
    settings.STORAGES = {**settings.STORAGES, "default": media.storage}
    return media


@pytest.fixture
def arboga(db):
    return MunicipalityFactory(code="1984", name="Arboga")


@pytest.fixture
def kungsor(db):
    return MunicipalityFactory(code="1960", name="Kungsör")


def _user(username, role, *municipalities, **extra):
    return UserFactory(username=username, role=role, municipalities=municipalities, **extra)


@pytest.fixture
def reporter(arboga):
    return _user("rut", Role.REPORTER, arboga)


@pytest.fixture
def untrained_reporter(arboga):
    return _user("ulf", Role.REPORTER, arboga, certified=False)


@pytest.fixture
def coordinator(arboga, kungsor):
    return _user("sara", Role.COORDINATOR, arboga, kungsor)


@pytest.fixture
def police(arboga, kungsor):
    return _user("per", Role.POLICE, arboga, kungsor)


@pytest.fixture
def council_member(arboga):
    return _user("pia", Role.COUNCIL, arboga)


@pytest.fixture
def administrator(arboga, kungsor):
    return _user("ada", Role.ADMINISTRATOR, arboga, kungsor, is_staff=True, is_superuser=True)


@pytest.fixture
def outsider(kungsor):
    """A Kungsör coordinator: may manage Kungsör, must see nothing of Arboga."""
    return _user("kim", Role.COORDINATOR, kungsor)


@pytest.fixture
def client_for(client):
    """Return a function that logs ``user`` in on the test client and returns the client."""

    def log_in(user):
        return log_in_with_second_factor(client, user)

    return log_in


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Playwright drives Debian's chromium; it never downloads a browser of its own."""
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def log_in_page(page, live_server):
    """Return a function that logs ``user`` in through the login form and returns the page."""

    def log_in(user, password=PASSWORD):
        return log_in_through_the_form(page, live_server.url, user, password)

    return log_in


@pytest.fixture
def api_for():
    """Return a function that gives an API client signed in as ``user`` with a token."""

    def client(user):
        api = APIClient()
        _token, key = api_token_create(user=user, name="tests")
        api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        return api

    return client

"""The health page and command, and one clear sentence when a service is down."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from est.health import heartbeat_record
from tests.object_storage import s3_media

EVERY_PART = {"database", "postgis", "redis", "storage", "worker", "beat", "police-events"}


def test_health_page_reports_every_part(client, db):
    heartbeat_record()
    response = client.get("/health/")
    body = response.json()
    assert set(body) == EVERY_PART
    # The police's API is an outside source: never polled here, it is a warning, not a failure.
    assert body["police-events"] == {
        "ok": False,
        "detail": "ingen lyckad hämtning än",
        "required": False,
    }
    healthy = ("database", "postgis", "redis", "storage", "beat")
    assert [body[part]["ok"] for part in healthy] == [True] * 5
    # No worker runs in this test: the page says so and answers 503.
    assert not body["worker"]["ok"]
    assert response.status_code == 503


def test_the_file_storage_is_checked_by_writing_and_deleting(client, db, media_storage):
    body = client.get("/health/").json()
    assert body["storage"]["ok"], body["storage"]
    expected = f"bucket {media_storage.bucket}" if media_storage.bucket else "lokala filer"
    assert body["storage"]["detail"].startswith(expected.replace("bucket", "bucketen"))


def test_a_bucket_that_is_not_there_makes_est_unhealthy(client, db, settings, s3_server):
    missing = {**s3_media(s3_server).storage}
    missing["OPTIONS"] = {**missing["OPTIONS"], "bucket_name": "no-such-bucket"}
    settings.STORAGES = {**settings.STORAGES, "default": missing}
    body = client.get("/health/").json()
    assert not body["storage"]["ok"]
    assert "NoSuchBucket" in body["storage"]["detail"]


#: An address on the internet (TEST-NET-3); Django's test client says 127.0.0.1 by default.
OUTSIDE = "203.0.113.7"


def test_the_public_learns_only_whether_est_is_healthy(client, db):
    heartbeat_record()
    response = client.get("/health/", REMOTE_ADDR=OUTSIDE)
    assert response.status_code == 503  # no worker runs in this test
    assert response.json() == {"ok": False}
    assert "PostgreSQL" not in response.content.decode()


@pytest.mark.parametrize("address", ["127.0.0.1", "::1"])
def test_the_host_itself_reads_every_check(client, db, address):
    body = client.get("/health/", REMOTE_ADDR=address).json()
    assert body["database"]["detail"].startswith("PostgreSQL")
    assert body["police-events"]["detail"] == "ingen lyckad hämtning än"


def test_staff_read_every_check_from_anywhere(client_for, police):
    body = client_for(police).get("/health/", REMOTE_ADDR=OUTSIDE).json()
    assert set(body) == EVERY_PART
    assert body["worker"]["detail"] == "ingen Celery-worker svarar"


def test_health_command_fails_when_a_part_is_down(db, capsys):
    with pytest.raises(CommandError, match="worker"):
        call_command("health")
    assert "PostGIS" in capsys.readouterr().out


def _manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "est.settings.base", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_unreachable_database_is_one_sentence_not_a_traceback():
    result = _manage("migrate", DATABASE_URL="postgis://est:est@127.0.0.1:1/est")
    assert result.returncode == 1
    assert result.stderr.strip().startswith("Databasen går inte att nå")
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unreachable_database_in_a_request_is_a_503_page():
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client(raise_request_exception=False).post("
        "'/accounts/login/', {'username': 'rut', 'password': 'x'}, HTTP_HOST='localhost');"
        "print(r.status_code); print(r.content.decode())"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "est.settings.test",
            "DATABASE_URL": "postgis://est:est@127.0.0.1:1/est",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.startswith("503")
    assert "Databasen går inte att nå" in result.stdout

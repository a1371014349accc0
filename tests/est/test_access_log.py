"""The access log: append-only, purged after its retention, searched by the coordinator and the
data protection officer for their municipalities only."""

import datetime

import pytest
from django.db import DatabaseError, transaction
from django.test import Client
from django.utils import timezone

from est.access_log import AccessEntry, AccessKind, retention_above_floor
from est.roles import Role
from est.tasks import purge_access_log
from tests.factories import UserFactory
from tests.second_factor import log_in_with_second_factor

pytestmark = pytest.mark.django_db


def entry(municipality, *, age=datetime.timedelta(0), kind=AccessKind.INCIDENT, **fields):
    fields = {"username": "sara", "target": "händelse 1", "client": "192.0.2.7", **fields}
    return AccessEntry.objects.create(
        at=timezone.now() - age, kind=kind, municipality=municipality, path="/reports/1/", **fields
    )


@pytest.fixture
def data_protection_officer(arboga):
    return UserFactory(username="dora", role=Role.DATA_PROTECTION_OFFICER, municipalities=[arboga])


def test_an_entry_can_never_be_changed(arboga):
    old = entry(arboga, age=datetime.timedelta(days=800))
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AccessEntry.objects.filter(pk=old.pk).update(username="someone else")
    assert AccessEntry.objects.get(pk=old.pk).username == "sara"


def test_an_entry_younger_than_a_year_can_never_be_deleted(arboga):
    young = entry(arboga, age=datetime.timedelta(days=300))
    with pytest.raises(DatabaseError, match="at least a year"), transaction.atomic():
        AccessEntry.objects.filter(pk=young.pk).delete()
    assert AccessEntry.objects.filter(pk=young.pk).exists()


def test_beat_purges_entries_past_their_retention_only(arboga, settings):
    assert datetime.timedelta(days=730) == settings.ACCESS_LOG_RETENTION
    assert "est.tasks.purge_access_log" in {
        task["task"] for task in settings.CELERY_BEAT_SCHEDULE.values()
    }
    expired = entry(arboga, age=datetime.timedelta(days=731))
    kept = [entry(arboga, age=datetime.timedelta(days=d)) for d in (0, 400, 729)]
    assert purge_access_log.delay().get() == 1
    assert not AccessEntry.objects.filter(pk=expired.pk).exists()
    assert AccessEntry.objects.filter(pk__in=[e.pk for e in kept]).count() == 3


def test_a_retention_under_a_year_fails_the_system_check(settings):
    settings.ACCESS_LOG_RETENTION = datetime.timedelta(days=30)
    assert [error.id for error in retention_above_floor(None)] == ["est.E001"]


def test_the_coordinator_searches_the_log_of_their_municipalities(
    client_for, coordinator, arboga, kungsor
):
    entry(arboga, target="händelse 11")
    entry(kungsor, target="händelse 22", kind=AccessKind.FOOTAGE)
    page = client_for(coordinator).get("/access-log/").content.decode()
    assert "händelse 11" in page
    assert "händelse 22" in page
    assert "192.0.2.7" in page
    only_footage = client_for(coordinator).get("/access-log/", {"kind": "footage"})
    assert "händelse 11" not in only_footage.content.decode()
    assert "händelse 22" in only_footage.content.decode()


def test_another_municipalitys_log_is_not_shown(client_for, outsider, arboga, kungsor):
    entry(arboga, target="händelse 11")
    entry(kungsor, target="händelse 22")
    client = client_for(outsider)
    page = client.get("/access-log/").content.decode()
    assert "händelse 22" in page
    assert "händelse 11" not in page
    # Asking for Arboga by its id is a mistake in the form, not a way in.
    page = client.get("/access-log/", {"municipality": arboga.pk}).content.decode()
    assert "händelse 11" not in page
    assert "Något behöver rättas" in page


def test_the_data_protection_officer_searches_by_who_and_date(
    client_for, data_protection_officer, arboga
):
    entry(arboga, target="händelse 11", age=datetime.timedelta(days=10))
    entry(arboga, target="händelse 12", username="per")
    client = client_for(data_protection_officer)
    today = timezone.localdate()
    page = client.get(
        "/access-log/", {"username": "PER", "start": today.isoformat(), "end": today.isoformat()}
    ).content.decode()
    assert "händelse 12" in page
    assert "händelse 11" not in page


def test_a_reversed_date_range_is_a_message_that_keeps_the_dates(client_for, coordinator):
    page = (
        client_for(coordinator)
        .get("/access-log/", {"start": "2026-06-30", "end": "2026-01-01"})
        .content.decode()
    )
    assert "Slutet kommer före början." in page
    assert 'value="2026-06-30"' in page


def test_reporters_and_police_may_not_search_the_log(client_for, reporter, police):
    assert client_for(reporter).get("/access-log/").status_code == 403
    assert client_for(police).get("/access-log/").status_code == 403


def test_the_search_is_paginated(client_for, coordinator, arboga):
    AccessEntry.objects.bulk_create(
        AccessEntry(
            username="sara", kind="incident", municipality=arboga, target=f"h {n}", path="/"
        )
        for n in range(60)
    )
    page = client_for(coordinator).get("/access-log/").content.decode()
    assert "60 poster" in page
    assert "Sida 1 av 2" in page


def test_an_admin_page_read_is_logged_with_the_address(administrator):
    client = Client(REMOTE_ADDR="198.51.100.4")
    log_in_with_second_factor(client, administrator)
    assert client.get("/admin/est/user/").status_code == 200
    assert client.get(f"/admin/est/user/{administrator.pk}/change/").status_code == 200
    entries = list(AccessEntry.objects.filter(kind=AccessKind.ADMIN).order_by("at"))
    assert [e.target for e in entries] == [
        "est_user_changelist",
        f"est_user_change {administrator.pk}",
    ]
    assert {e.client for e in entries} == {"198.51.100.4"}
    assert {e.username for e in entries} == {"ada"}

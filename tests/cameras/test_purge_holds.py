"""A legal hold and the purge at the same moment, on two database connections: a hold that is
set (or being set) before the purge takes the row is honoured; one asked for while the file is
being deleted is refused, never recorded on a deleted file."""

import datetime
import threading
import time

import psycopg
import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import connection, transaction

from cameras import purge
from cameras.models import DeletionReceipt, Footage, LegalHold
from cameras.purge import footage_purge_due
from cameras.services import legal_hold_set
from tests.cameras.factories import CameraFactory, FootageFactory

# Footage on the local disk and in an S3-compatible bucket, each test twice.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("media_storage")]

WAIT = 10  # seconds: a thread that does not get there by then has hung


def _due_clips(arboga, count):
    camera = CameraFactory(municipality=arboga)
    clips = [FootageFactory(camera=camera) for _ in range(count)]
    return clips, max(footage.purge_at for footage in clips) + datetime.timedelta(minutes=1)


def _in_thread(target):
    """Start ``target`` on a thread with its own database connection; return the thread and a
    list that receives what it returned or raised."""
    outcome = []

    def run():
        try:
            outcome.append(target())
        except Exception as error:  # noqa: BLE001 - handed to the test to assert on
            outcome.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def test_a_hold_set_while_the_purge_runs_is_honoured(arboga, coordinator, monkeypatch):
    (first, second), now = _due_clips(arboga, 2)
    first.purge_at = second.purge_at - datetime.timedelta(minutes=1)
    first.save(update_fields=["purge_at"])
    real_digest = purge._digest

    def digest_then_hold(name):
        # The purge has listed both clips and is busy with the first when a hold on the
        # second arrives from another session (and is committed there).
        if name == first.file.name:
            thread, outcome = _in_thread(
                lambda: legal_hold_set(footage=second, reason="Polisen begär ut", by=coordinator)
            )
            thread.join(WAIT)
            assert isinstance(outcome[0], LegalHold)
        return real_digest(name)

    monkeypatch.setattr(purge, "_digest", digest_then_hold)

    result = footage_purge_due(now=now)

    assert result.deleted == [first.pk]
    assert default_storage.exists(second.file.name)
    assert Footage.objects.get(pk=second.pk).purged_at is None


def test_a_hold_being_written_keeps_the_footage_from_the_purge(arboga, coordinator):
    (footage,), now = _due_clips(arboga, 1)
    written, commit = threading.Event(), threading.Event()

    def hold_slowly():
        with transaction.atomic():
            hold = legal_hold_set(footage=footage, reason="Förundersökning", by=coordinator)
            written.set()
            commit.wait(WAIT)
        return hold

    thread, outcome = _in_thread(hold_slowly)
    assert written.wait(WAIT)

    during = footage_purge_due(now=now)
    commit.set()
    thread.join(WAIT)
    after = footage_purge_due(now=now)

    assert during.deleted == after.deleted == []
    assert isinstance(outcome[0], LegalHold)
    assert default_storage.exists(footage.file.name)
    assert not DeletionReceipt.objects.exists()


def test_a_hold_asked_for_while_the_file_is_being_deleted_is_refused(
    arboga, coordinator, monkeypatch
):
    (footage,), now = _due_clips(arboga, 1)
    real_digest = purge._digest
    holding = []

    def digest_while_a_hold_is_asked_for(name):
        # The purge holds the row; the hold must wait for it rather than slip in beside it.
        thread, outcome = _in_thread(
            lambda: legal_hold_set(footage=footage, reason="För sent", by=coordinator)
        )
        thread.join(0.5)
        assert thread.is_alive(), "the hold did not wait for the purge"
        holding.append((thread, outcome))
        return real_digest(name)

    monkeypatch.setattr(purge, "_digest", digest_while_a_hold_is_asked_for)

    result = footage_purge_due(now=now)
    thread, outcome = holding[0]
    thread.join(WAIT)

    assert result.deleted == [footage.pk]
    assert isinstance(outcome[0], ValidationError)
    assert outcome[0].messages == ["Inspelningen är redan raderad."]
    assert not LegalHold.objects.exists()


#: The advisory lock that holds the purge between its statement's snapshot and its row lock.
GATE_LOCK = 4_2_2023_196


@pytest.fixture
def purge_gate():
    """Make the purge's row-locking statement wait, after its snapshot is taken, until the test
    opens the gate; yield ``(close, open_)``.

    A row-security policy is evaluated while the table is scanned, that is after PostgreSQL took
    the statement's snapshot and before it locks the row: the one moment in which a hold
    committed elsewhere is invisible to the statement yet does not block it. Only a connection
    that set ``est.purge_gate`` waits there, so the test's own statements pass freely; and as
    superusers bypass row security, that connection acts as a plain role while it purges.
    """
    gate = psycopg.connect(**connection.get_connection_params(), autocommit=True)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            create or replace function est_purge_gate() returns boolean language plpgsql as $$
            begin
              if current_setting('est.purge_gate', true) = 'on' then
                perform pg_advisory_lock_shared({GATE_LOCK});
                perform pg_advisory_unlock_shared({GATE_LOCK});
              end if;
              return true;
            end $$;
            do $$ begin
              if not exists (select from pg_roles where rolname = 'est_purge_probe') then
                create role est_purge_probe;
              end if;
            end $$;
            grant usage on schema public to est_purge_probe;
            grant all on all tables in schema public to est_purge_probe;
            grant all on all sequences in schema public to est_purge_probe;
            create policy purge_gate on cameras_footage using (est_purge_gate());
            alter table cameras_footage enable row level security;
            alter table cameras_footage force row level security;
            """
        )
    try:
        yield (
            lambda: gate.execute("select pg_advisory_lock(%s)", [GATE_LOCK]),
            lambda: gate.execute("select pg_advisory_unlock(%s)", [GATE_LOCK]),
        )
    finally:
        gate.close()
        with connection.cursor() as cursor:
            cursor.execute(
                """
                alter table cameras_footage no force row level security;
                alter table cameras_footage disable row level security;
                drop policy purge_gate on cameras_footage;
                drop function est_purge_gate();
                drop owned by est_purge_probe;
                drop role est_purge_probe;
                """
            )


def _waiting_at_the_gate() -> bool:
    """Return whether some session waits for the gate's advisory lock."""
    with connection.cursor() as cursor:
        cursor.execute(
            "select exists (select 1 from pg_locks where locktype = 'advisory' and not granted)"
        )
        return cursor.fetchone()[0]


def test_a_hold_committed_after_the_purge_took_its_snapshot_is_honoured(
    arboga, coordinator, purge_gate, monkeypatch
):
    (footage,), now = _due_clips(arboga, 1)
    close, open_ = purge_gate
    real_purge_one = purge.footage_purge_one

    def purge_one_through_the_gate(**kwargs):
        with connection.cursor() as cursor:
            cursor.execute("select set_config('est.purge_gate', 'on', false)")
            cursor.execute("set role est_purge_probe")
        return real_purge_one(**kwargs)

    monkeypatch.setattr(purge, "footage_purge_one", purge_one_through_the_gate)
    close()
    thread, outcome = _in_thread(lambda: footage_purge_due(now=now))
    for _ in range(WAIT * 20):
        if _waiting_at_the_gate():
            break
        time.sleep(0.05)
    else:
        pytest.fail("the purge never reached the gate")

    # The purge has read the footage as due; the hold arrives and is committed before it locks.
    legal_hold_set(footage=footage, reason="Polisen begär ut", by=coordinator)
    open_()
    thread.join(WAIT)

    assert outcome[0].deleted == []
    assert default_storage.exists(footage.file.name)
    assert Footage.objects.get(pk=footage.pk).purged_at is None
    assert not DeletionReceipt.objects.exists()

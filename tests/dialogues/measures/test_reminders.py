"""The measures' mails: a week before the due date and when overdue, to the organisation's
measure owners and an e-mail contact, each once however often beat runs; the coordinators'
monthly list of overdue measures; and the task through a real Celery worker."""

import datetime
from email import message_from_bytes
from email.policy import default

import pytest
from celery.result import EagerResult
from django.core import mail
from django.utils import timezone

from dialogues.measures.reminders import measure_reminders_send, overdue_list_mail_monthly
from dialogues.measures.services import measure_create, measure_status_set, measure_update
from dialogues.tasks import remind_measure_owners
from tests.dialogues.findings import measure_owner, street_department
from tests.worker import celery_worker


def _measure(arboga, by, title, days, contact="gata@example.se"):
    return measure_create(
        municipality=arboga,
        by=by,
        title=title,
        responsible=street_department(arboga),
        contact=contact,
        due_on=timezone.localdate() + datetime.timedelta(days=days),
    )


@pytest.mark.django_db
def test_owners_are_reminded_and_told_when_overdue_each_once(arboga, coordinator):
    owner = measure_owner(street_department(arboga), arboga)
    _measure(arboga, coordinator, "Klipp buskaget", 5)
    late = _measure(arboga, coordinator, "Belys tunneln", -2, contact="Gustav, 0589-1234")
    _measure(arboga, coordinator, "Flytta papperskorgar", 30)
    assert measure_reminders_send() == (1, 1)
    assert measure_reminders_send() == (0, 0)
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == [
        "Åtgärd försenad: Belys tunneln",
        "Åtgärd som snart ska vara klar: Klipp buskaget",
        "Åtgärd som snart ska vara klar: Klipp buskaget",
    ]
    assert {tuple(m.to) for m in mail.outbox} == {
        (owner.email,),
        ("gata@example.se",),
    }
    overdue = next(m for m in mail.outbox if "försenad" in m.subject)
    assert f"/measures/{late.pk}/" in overdue.body
    assert overdue.to == [owner.email]


@pytest.mark.django_db
def test_a_done_measure_is_not_chased_and_a_new_date_gets_its_own_reminder(arboga, coordinator):
    measure = _measure(arboga, coordinator, "Klipp buskaget", -3)
    measure_status_set(measure=measure, by=coordinator, status="done", done_note="Klippt.")
    assert measure_reminders_send() == (0, 0)
    measure_status_set(measure=measure, by=coordinator, status="in_progress")
    assert measure_reminders_send() == (0, 1)
    measure_update(
        measure=measure,
        by=coordinator,
        title=measure.title,
        responsible=measure.responsible,
        contact=measure.contact,
        due_on=timezone.localdate() + datetime.timedelta(days=3),
    )
    assert measure_reminders_send() == (1, 0)


@pytest.mark.django_db
def test_the_coordinators_get_the_overdue_list_once_a_month(arboga, coordinator):
    _measure(arboga, coordinator, "Belys tunneln", -10)
    _measure(arboga, coordinator, "Klipp buskaget", 10)
    assert overdue_list_mail_monthly() == 1
    assert overdue_list_mail_monthly() == 0
    (message,) = mail.outbox
    assert message.to == [coordinator.email]
    assert "Belys tunneln" in message.body
    assert "Klipp buskaget" not in message.body


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_reminders_go_out_through_a_real_worker(arboga, coordinator, monkeypatch, tmp_path):
    owner = measure_owner(street_department(arboga), arboga)
    measure = _measure(arboga, coordinator, "Klipp buskaget", 6, contact="")
    for status in ("decided", "in_progress"):
        measure_status_set(measure=measure, by=coordinator, status=status)
    # The worker is another process: it writes its mails to files the test then reads.
    # (django-environ reads the path after "filemail://"; an absolute one keeps its slash.)
    monkeypatch.setenv("EMAIL_URL", f"filemail:///{tmp_path}")
    with celery_worker():
        result = remind_measure_owners.delay()
        assert not isinstance(result, EagerResult)
        assert result.get(timeout=60) == "1 reminded, 0 overdue"
        assert remind_measure_owners.delay().get(timeout=60) == "0 reminded, 0 overdue"
    (sent,) = list(tmp_path.iterdir())
    message = message_from_bytes(sent.read_bytes().split(b"\n" + b"-" * 79)[0], policy=default)
    assert message["To"] == owner.email
    assert message["Subject"].strip() == "Åtgärd som snart ska vara klar: Klipp buskaget"
    measure.refresh_from_db()
    assert measure.due_reminder_sent_at is not None

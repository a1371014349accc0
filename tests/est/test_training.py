"""Reporter training: trainings certify reporters for a set time, the coordinator keeps them on
a page of their own, and everyone is told a month before a certification runs out."""

import datetime

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import expect

from est.models import Certification, TrainingSession
from est.tasks import remind_certifications
from est.training.reminders import certification_reminders_send
from est.training.services import certification_end
from tests.accessibility import wcag_violations
from tests.worker import celery_worker

TODAY = datetime.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("certified_on", "last_day"),
    [
        (datetime.date(2025, 9, 1), datetime.date(2027, 8, 31)),
        (datetime.date(2025, 1, 31), datetime.date(2027, 1, 30)),
        (datetime.date(2024, 2, 29), datetime.date(2026, 2, 27)),
    ],
)
def test_a_certification_lasts_24_months(certified_on, last_day):
    assert certification_end(certified_on) == last_day


@override_settings(CERTIFICATION_MONTHS=12)
def test_the_length_is_a_setting():
    assert certification_end(datetime.date(2026, 3, 1)) == datetime.date(2027, 2, 28)


def test_a_coordinator_records_a_training_and_its_reporters_may_file(
    client_for, coordinator, untrained_reporter, arboga
):
    client = client_for(coordinator)
    page = client.get("/training/").content.decode()
    assert "Inte utbildad" in page
    response = client.post(
        f"/training/{arboga.code}/new/",
        {
            "held_on": "2026-11-20",
            "trainer": "Polisen, lokalpolisområde Köping",
            "participants": [untrained_reporter.pk],
        },
        follow=True,
    )
    assert "får rapportera till och med 2028-11-19" in response.content.decode()
    assert untrained_reporter.is_certified
    assert TrainingSession.objects.get().certifications.get().user == untrained_reporter


def test_a_training_in_the_future_is_refused_and_nothing_typed_is_lost(
    client_for, coordinator, untrained_reporter, arboga
):
    response = client_for(coordinator).post(
        f"/training/{arboga.code}/new/",
        {"held_on": "2099-01-01", "trainer": "Utbildare Uno", "place": "Stadshuset"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "när den har hållits" in page
    assert "Välj de rapportörer som deltog" in page
    assert 'value="Utbildare Uno"' in page
    assert 'value="Stadshuset"' in page
    assert not TrainingSession.objects.exists()


def test_another_municipalitys_reporters_and_pages_are_out_of_reach(
    client_for, coordinator, outsider, untrained_reporter, arboga, kungsor
):
    # Kungsör's coordinator cannot record a training in Arboga, nor see Arboga's reporters.
    client = client_for(outsider)
    assert client.get(f"/training/{arboga.code}/new/").status_code == 404
    assert untrained_reporter.username not in client.get("/training/").content.decode()
    # Arboga's reporter cannot be certified through a Kungsör training.
    client = client_for(coordinator)
    response = client.post(
        f"/training/{kungsor.code}/new/",
        {"held_on": "2026-11-20", "trainer": "X", "participants": [untrained_reporter.pk]},
    )
    assert response.status_code == 200
    assert not untrained_reporter.certifications.exists()


def test_reporters_and_police_do_not_manage_training(client_for, reporter, police):
    assert client_for(reporter).get("/training/").status_code == 403
    assert client_for(police).get("/training/").status_code == 403


def _expiring(user, days_left):
    today = timezone.localdate()
    return Certification.objects.create(
        user=user,
        certified_on=today - datetime.timedelta(days=700),
        expires_on=today + datetime.timedelta(days=days_left),
    )


def test_reporter_and_coordinator_are_told_a_month_ahead_once(reporter, coordinator):
    reporter.certifications.all().delete()
    _expiring(reporter, 20)
    assert certification_reminders_send() == 1
    assert certification_reminders_send() == 0
    (message,) = mail.outbox
    assert set(message.to) == {reporter.email, coordinator.email}
    assert "går ut" in message.subject
    assert "/training/" in message.body


def test_no_reminder_far_ahead_or_after_a_renewal(reporter):
    reporter.certifications.all().delete()
    _expiring(reporter, 45)
    assert certification_reminders_send() == 0
    _expiring(reporter, 10)
    _expiring(reporter, 600)  # already renewed
    assert certification_reminders_send() == 0
    assert mail.outbox == []


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_reminders_are_sent_by_a_real_worker(reporter, coordinator, monkeypatch, tmp_path):
    reporter.certifications.all().delete()
    certification = _expiring(reporter, 5)
    # The worker writes its mail to files the test can read.
    monkeypatch.setenv("EMAIL_URL", f"filemail:///{tmp_path}")
    with celery_worker():
        assert remind_certifications.delay().get(timeout=60) == 1
    certification.refresh_from_db()
    assert certification.reminded_at is not None
    (sent,) = tmp_path.iterdir()
    assert reporter.email in sent.read_text()


@pytest.mark.browser
def test_the_training_pages_are_accessible_on_a_phone(
    log_in_page, coordinator, reporter, untrained_reporter, page
):
    page.set_viewport_size({"width": 360, "height": 740})
    log_in_page(coordinator)
    page.get_by_role("link", name="Rapportörsutbildning").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rapportörsutbildning")
    assert wcag_violations(page) == []
    page.get_by_role("link", name="Registrera en utbildning").first.click()
    page.get_by_role("button", name="Registrera utbildningen").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    assert wcag_violations(page) == []

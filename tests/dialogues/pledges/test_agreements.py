"""The cooperation agreement with the police on its own pages: written by the coordinator and
the police with its commitments one by one, read by the council, 404 for another municipality,
and a renewal reminder to the coordinators sent once by a real worker."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from dialogues.pledges.agreements import agreement_create, agreement_renewal_reminders_send
from dialogues.pledges.models import AgreementCommitment, CooperationAgreement
from dialogues.tasks import remind_agreement_renewals
from tests.worker import celery_worker

TODAY = datetime.date(2026, 3, 10)


@pytest.fixture
def agreement(arboga, coordinator):
    return agreement_create(
        municipality=arboga,
        by=coordinator,
        title="Samverkansöverenskommelse Arboga",
        signed_on=datetime.date(2024, 2, 14),
        valid_until=datetime.date(2026, 5, 31),
        summary="",
        document_url="",
    )


def test_the_coordinator_writes_the_agreement_and_its_commitments_on_pages(
    client_for, coordinator, police, arboga
):
    client = client_for(coordinator)
    assert client.get("/agreements/1984/").status_code == 200
    response = client.post(
        "/agreements/1984/new/",
        {"title": "Överenskommelse", "signed_on": "2026-02-01", "valid_until": "2025-01-01"},
    )
    assert response.status_code == 200  # runs out before it is signed: told, title kept
    assert "Överenskommelse" in response.content.decode()
    response = client.post(
        "/agreements/1984/new/",
        {"title": "Överenskommelse", "signed_on": "2026-02-01", "valid_until": "2028-01-31"},
    )
    assert response.status_code == 302
    agreement = CooperationAgreement.objects.get()
    # The police, the other party, add a commitment.
    client = client_for(police)
    response = client.post(
        f"/agreements/{agreement.pk}/commitments/new/",
        {
            "party": "Polisen",
            "what": "Medborgardialog varje månad",
            "due_on": "2026-12-31",
            "status": "planned",
        },
    )
    assert response.status_code == 302
    commitment = AgreementCommitment.objects.get()
    response = client.post(
        f"/agreements/{agreement.pk}/commitments/{commitment.pk}/",
        {"party": "Polisen", "what": "Medborgardialog varje månad", "status": "ongoing"},
    )
    assert response.status_code == 302
    page = client.get("/agreements/1984/").content.decode()
    assert "Medborgardialog varje månad" in page
    assert "Pågår" in page
    assert "31 januari 2028" in page


def test_council_members_read_the_agreement_but_never_edit(client_for, council_member, agreement):
    client = client_for(council_member)
    page = client.get("/agreements/1984/").content.decode()
    assert "Samverkansöverenskommelse Arboga" in page
    assert client.get(f"/agreements/{agreement.pk}/edit/").status_code == 403
    assert client.get(f"/agreements/{agreement.pk}/commitments/new/").status_code == 403
    assert client.get("/agreements/1984/new/").status_code == 403


def test_another_municipalitys_agreement_is_404_everywhere(client_for, outsider, agreement):
    commitment = AgreementCommitment.objects.create(agreement=agreement, party="Polisen", what="X")
    client = client_for(outsider)
    for path in (
        "/agreements/1984/",
        "/agreements/1984/new/",
        f"/agreements/{agreement.pk}/edit/",
        f"/agreements/{agreement.pk}/commitments/new/",
        f"/agreements/{agreement.pk}/commitments/{commitment.pk}/",
    ):
        assert client.get(path).status_code == 404, path


def test_the_renewal_reminder_goes_once_and_again_after_a_renewal(
    client_for, coordinator, agreement, settings
):
    settings.AGREEMENT_RENEWAL_NOTICE = datetime.timedelta(days=90)
    assert agreement_renewal_reminders_send(today=datetime.date(2026, 2, 1)) == 0  # 119 days
    assert agreement_renewal_reminders_send(today=TODAY) == 1
    assert agreement_renewal_reminders_send(today=TODAY) == 0
    assert mail.outbox[0].to == [coordinator.email]
    assert "2026-05-31" in mail.outbox[0].subject
    client_for(coordinator).post(
        f"/agreements/{agreement.pk}/edit/",
        {"title": agreement.title, "signed_on": "2024-02-14", "valid_until": "2026-06-30"},
    )
    assert agreement_renewal_reminders_send(today=datetime.date(2026, 4, 15)) == 1


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_renewal_reminder_is_sent_by_a_real_worker(coordinator, arboga, monkeypatch, tmp_path):
    agreement_create(
        municipality=arboga,
        by=coordinator,
        title="Samverkansöverenskommelse Arboga",
        signed_on=datetime.date(2024, 2, 14),
        valid_until=timezone.localdate() + datetime.timedelta(days=30),
    )
    monkeypatch.setenv("EMAIL_URL", f"filemail:///{tmp_path}")
    with celery_worker():
        assert remind_agreement_renewals.delay().get(timeout=60) == "1 agreements to renew"
        assert remind_agreement_renewals.delay().get(timeout=60) == "0 agreements to renew"
    sent = "".join(path.read_text() for path in tmp_path.iterdir())
    assert "Samverkansöverenskommelse Arboga" in sent

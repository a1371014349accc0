"""The crime-prevention council: members, meetings, decisions followed up at the next meeting,
public minutes, reminders by beat (through a real worker), and scoping."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from reports.council.council import (
    council_decision_create,
    council_decision_follow_up,
    council_meeting_create,
)
from reports.council.meetings import CouncilDecision, CouncilMeeting
from reports.council.reminders import decision_reminders_send, minutes_reminders_send
from reports.tasks import remind_council
from tests.worker import celery_worker

TODAY = datetime.date(2026, 3, 10)


@pytest.fixture
def meeting(arboga, coordinator):
    return council_meeting_create(
        municipality=arboga,
        by=coordinator,
        held_on=datetime.date(2026, 2, 10),
        agenda="1. Lägesbilden\n2. Trygghetsvandringar",
    )


@pytest.fixture
def decision(meeting, coordinator):
    return council_decision_create(
        meeting=meeting,
        by=coordinator,
        text="Belysning vid stationen",
        owner=coordinator,
        due_on=datetime.date(2026, 3, 1),
    )


def test_the_coordinator_records_a_meeting_and_its_decisions_on_the_pages(
    client_for, coordinator, arboga
):
    client = client_for(coordinator)
    assert client.get("/council/").status_code == 200
    response = client.post(
        "/council/1984/meetings/new/", {"held_on": "2026-02-10", "minutes_public": "on"}
    )
    assert response.status_code == 200  # public minutes without minutes: told, kept
    assert "protokollet" in response.content.decode()
    response = client.post(
        "/council/1984/meetings/new/", {"held_on": "2026-02-10", "agenda": "Lägesbilden"}
    )
    meeting = CouncilMeeting.objects.get()
    assert response.status_code == 302
    url = f"/council/meetings/{meeting.pk}/decisions/new/"
    response = client.post(
        url, {"text": "Belysning", "owner": coordinator.pk, "due_on": "2026-01-01"}
    )
    assert response.status_code == 200  # due before the meeting
    response = client.post(
        url, {"text": "Belysning", "owner": coordinator.pk, "due_on": "2026-03-01"}
    )
    assert response.status_code == 302
    page = client.get("/council/1984/").content.decode()
    assert "Belysning" in page


def test_a_decision_is_followed_up_at_the_next_meeting(
    client_for, coordinator, arboga, meeting, decision
):
    later = council_meeting_create(
        municipality=arboga, by=coordinator, held_on=datetime.date(2026, 5, 12)
    )
    client = client_for(coordinator)
    page = client.get(f"/council/meetings/{later.pk}/").content.decode()
    assert "Belysning vid stationen" in page  # to follow up
    client.post(
        f"/council/meetings/{later.pk}/decisions/{decision.pk}/follow-up/", {"status": "done"}
    )
    decision.refresh_from_db()
    assert decision.status == CouncilDecision.Status.DONE
    assert decision.followed_up_at == later
    response = client.post(
        f"/council/meetings/{later.pk}/decisions/{decision.pk}/follow-up/", {"status": "nonsense"}
    )
    assert response.status_code == 302
    with pytest.raises(ValidationError):
        council_decision_follow_up(
            decision=decision, by=coordinator, meeting=meeting, status="done"
        )


def test_public_minutes_appear_on_the_public_site_and_others_do_not(
    client, coordinator, arboga, meeting
):
    council_meeting_create(
        municipality=arboga,
        by=coordinator,
        held_on=datetime.date(2026, 5, 12),
        minutes="Rådet beslutade om belysning.",
        minutes_public=True,
    )
    meeting.minutes = "Internt: hemligt"
    meeting.save()
    page = client.get("/council/1984/minutes/").content.decode()
    assert "Rådet beslutade om belysning." in page
    assert "hemligt" not in page
    assert client.get("/council/1984/").status_code == 302  # the council page: log in


def test_council_members_read_but_never_edit(client_for, council_member, arboga, meeting, decision):
    client = client_for(council_member)
    assert client.get("/council/1984/").status_code == 200
    assert client.get(f"/council/meetings/{meeting.pk}/").status_code == 200
    assert client.get(f"/council/meetings/{meeting.pk}/edit/").status_code == 403
    assert client.get("/council/1984/meetings/new/").status_code == 403
    assert client.get("/council/1984/members/new/").status_code == 403
    response = client.post(
        f"/council/meetings/{meeting.pk}/decisions/{decision.pk}/follow-up/", {"status": "done"}
    )
    assert response.status_code == 403
    decision.refresh_from_db()
    assert decision.status == CouncilDecision.Status.OPEN


def test_another_municipalitys_council_and_meetings_are_404_everywhere(
    client_for, outsider, meeting, decision
):
    client = client_for(outsider)
    for path in (
        "/council/1984/",
        "/council/1984/meetings/new/",
        "/council/1984/members/new/",
        f"/council/meetings/{meeting.pk}/",
        f"/council/meetings/{meeting.pk}/edit/",
        f"/council/meetings/{meeting.pk}/decisions/new/",
    ):
        assert client.get(path).status_code == 404, path
    assert (
        client.post(
            f"/council/meetings/{meeting.pk}/decisions/{decision.pk}/follow-up/"
        ).status_code
        == 404
    )


def test_reminders_go_once_to_owners_of_due_decisions_and_coordinators_of_missing_minutes(
    coordinator, meeting, decision
):
    assert decision_reminders_send(today=datetime.date(2026, 2, 28)) == 0  # not due yet
    assert decision_reminders_send(today=TODAY) == 1
    assert minutes_reminders_send(today=datetime.date(2026, 2, 23)) == 0  # 13 days
    assert minutes_reminders_send(today=TODAY) == 1
    assert decision_reminders_send(today=TODAY) == 0
    assert minutes_reminders_send(today=TODAY) == 0
    assert [m.to for m in mail.outbox] == [[coordinator.email], [coordinator.email]]
    assert "Belysning vid stationen" in mail.outbox[0].body


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_council_reminders_are_sent_by_a_real_worker(
    coordinator, arboga, monkeypatch, tmp_path
):
    meeting = CouncilMeeting.objects.create(
        municipality=arboga, held_on=timezone.localdate() - datetime.timedelta(days=20)
    )
    council_decision_create(
        meeting=meeting,
        by=coordinator,
        text="Belysning vid stationen",
        owner=coordinator,
        due_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    monkeypatch.setenv("EMAIL_URL", f"filemail:///{tmp_path}")
    with celery_worker():
        assert remind_council.delay().get(timeout=60) == 2
    sent = "".join(path.read_text() for path in tmp_path.iterdir())
    assert "Belysning vid stationen" in sent
    assert CouncilMeeting.objects.get().minutes_reminded_at is not None

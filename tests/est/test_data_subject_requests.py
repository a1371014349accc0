"""Data subject requests: an extract or erasure, answered within one month."""

import datetime

import pytest
from django.utils import timezone

from est.data_subjects.services import one_month_after
from est.models import DataSubjectRequest


@pytest.mark.parametrize(
    ("received", "deadline"),
    [
        (datetime.date(2026, 3, 15), datetime.date(2026, 4, 15)),
        (datetime.date(2026, 1, 31), datetime.date(2026, 2, 28)),
        (datetime.date(2026, 12, 20), datetime.date(2027, 1, 20)),
    ],
)
def test_the_deadline_is_one_month_later(received, deadline):
    assert one_month_after(received) == deadline


def test_a_request_is_logged_with_its_deadline_and_closed(arboga, coordinator, client_for):
    client = client_for(coordinator)
    received = timezone.localdate() - datetime.timedelta(days=3)
    response = client.post(
        "/data-subject-requests/",
        {
            "municipality": arboga.pk,
            "kind": DataSubjectRequest.Kind.EXTRACT,
            "reference": "KS 2026/311",
            "received_on": received.isoformat(),
            "note": "",
        },
    )
    assert response.status_code == 302
    request = DataSubjectRequest.objects.get()
    assert request.deadline == one_month_after(received)
    assert request.status == DataSubjectRequest.Status.RECEIVED

    response = client.post(
        f"/data-subject-requests/{request.pk}/",
        {"status": DataSubjectRequest.Status.COMPLETED, "note": "Utdrag skickat"},
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.closed_on == timezone.localdate()


def test_a_request_from_the_future_is_refused_next_to_the_date(arboga, coordinator, client_for):
    response = client_for(coordinator).post(
        "/data-subject-requests/",
        {
            "municipality": arboga.pk,
            "kind": DataSubjectRequest.Kind.ERASURE,
            "reference": "KS 2026/312",
            "received_on": "2999-01-01",
        },
    )
    assert response.status_code == 200
    assert "received_on" in response.context["form"].errors
    assert "KS 2026/312" in response.content.decode()


def test_a_kungsor_coordinator_cannot_open_an_arboga_request(arboga, outsider, client_for):
    request = DataSubjectRequest.objects.create(
        municipality=arboga,
        kind=DataSubjectRequest.Kind.EXTRACT,
        reference="KS 1",
        received_on=datetime.date(2026, 1, 1),
        deadline=datetime.date(2026, 2, 1),
    )
    assert client_for(outsider).get(f"/data-subject-requests/{request.pk}/").status_code == 404
    assert "KS 1" not in client_for(outsider).get("/data-subject-requests/").content.decode()


def _erasure_request(arboga, kind=DataSubjectRequest.Kind.ERASURE):
    return DataSubjectRequest.objects.create(
        municipality=arboga,
        kind=kind,
        reference="KS 2026/400",
        received_on=timezone.localdate(),
        deadline=timezone.localdate() + datetime.timedelta(days=30),
    )


@pytest.fixture
def karin(arboga, reporter, client_for):
    """A resident who is also a reporter: a tip, a watch contact, an account that read things."""
    from est.access_log import AccessEntry, AccessKind
    from tests.dialogues.tips.helpers import tip_in
    from tests.dialogues.watch.helpers import group_in

    reporter.email = "Karin@Example.se"
    reporter.save()
    AccessEntry.objects.create(
        user=reporter, username=reporter.username, kind=AccessKind.INCIDENT, target="incident 7"
    )
    tip_in(arboga, email="karin@example.se", description="Mörkt vid skolan")
    group_in(arboga, email="karin@example.se", phone="070-1112233")
    return reporter


def test_one_extract_shows_what_every_app_holds_and_is_logged(
    client_for, coordinator, arboga, karin
):
    from est.access_log import AccessEntry, AccessKind

    request = _erasure_request(arboga, DataSubjectRequest.Kind.EXTRACT)
    response = client_for(coordinator).post(
        f"/data-subject-requests/{request.pk}/extract/", {"email": "karin@example.se"}
    )
    assert response.status_code == 200
    found = [len(section["rows"]) for section in response.context["sections"]]
    # accounts, access log, tippers, watch contacts; no footage is kept.
    assert found == [1, 1, 1, 1, 0]
    page = response.content.decode()
    for held in ("rut", "incident 7", "070-1112233", "Ekbacksvägen", "Jag samtycker."):
        assert held in page
    assert AccessEntry.objects.filter(
        kind=AccessKind.DATA_SUBJECT_REQUEST, path__endswith="/extract/"
    ).exists()


def test_one_erasure_removes_it_in_every_app_and_says_how_much(
    client_for, coordinator, arboga, karin
):
    from dialogues.tips.models import Tip
    from dialogues.watch.models import WatchContact

    request = _erasure_request(arboga)
    client = client_for(coordinator)
    refused = client.post(f"/data-subject-requests/{request.pk}/erase/", {"email": "x@y.se"})
    assert refused.status_code == 200
    assert "confirm" in refused.context["form"].errors
    response = client.post(
        f"/data-subject-requests/{request.pk}/erase/",
        {"email": "karin@example.se", "confirm": "on"},
    )
    assert response.status_code == 302
    assert not WatchContact.objects.exists()
    assert not Tip.objects.exclude(email="").exists()
    karin.refresh_from_db()
    assert (karin.email, karin.is_active) == ("", False)
    request.refresh_from_db()
    assert request.status == DataSubjectRequest.Status.COMPLETED
    assert request.erased == {
        "accounts": 1,
        "access_log": 0,
        "tippers": 1,
        "watch_contacts": 1,
        "camera_footage": 0,
    }
    page = client.get(f"/data-subject-requests/{request.pk}/").content.decode()
    assert "Kontaktpersoner i grannsamverkan: 1</li>" in page


def test_an_extract_needs_an_address_or_number(client_for, coordinator, arboga):
    request = _erasure_request(arboga, DataSubjectRequest.Kind.EXTRACT)
    response = client_for(coordinator).post(
        f"/data-subject-requests/{request.pk}/extract/", {"email": "", "phone": ""}
    )
    assert response.status_code == 200
    assert "email" in response.context["form"].errors


def test_another_municipalitys_coordinator_cannot_extract_or_erase(
    client_for, outsider, arboga, karin
):
    from dialogues.watch.models import WatchContact

    request = _erasure_request(arboga)
    client = client_for(outsider)
    for action in ("extract", "erase"):
        response = client.post(
            f"/data-subject-requests/{request.pk}/{action}/",
            {"email": "karin@example.se", "confirm": "on"},
        )
        assert response.status_code == 404
    assert WatchContact.objects.exists()

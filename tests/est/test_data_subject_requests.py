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

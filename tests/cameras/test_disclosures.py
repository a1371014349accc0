"""Hand-overs to the police and legal holds, through the pages people use."""

import datetime

import pytest
from django.utils import timezone

from cameras.models import Disclosure, LegalHold
from cameras.services import disclosure_record
from est.roles import Role
from tests.cameras.factories import CameraFactory, FootageFactory
from tests.factories import UserFactory


@pytest.fixture
def arboga_footage(arboga):
    return FootageFactory(camera=CameraFactory(municipality=arboga, name="Resecentrum"))


@pytest.fixture
def kungsor_footage(kungsor):
    return FootageFactory(camera=CameraFactory(municipality=kungsor, name="Kungsör centrum"))


def test_a_coordinator_records_a_hand_over(arboga_footage, coordinator, client_for):
    response = client_for(coordinator).post(
        f"/cameras/footage/{arboga_footage.pk}/disclose/",
        {
            "police_reference": "K-2026-117",
            "disclosed_on": timezone.localdate().isoformat(),
            "recipient": "Kommunpolis Per Polis",
            "what": "Klipp 22:10–22:20 på USB-minne",
        },
    )
    assert response.status_code == 302
    disclosure = Disclosure.objects.get()
    assert disclosure.handed_over_by == coordinator
    assert disclosure.police_reference == "K-2026-117"


def test_a_hand_over_in_the_future_is_refused_next_to_the_date(
    arboga_footage, coordinator, client_for
):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client_for(coordinator).post(
        f"/cameras/footage/{arboga_footage.pk}/disclose/",
        {
            "police_reference": "K-2026-117",
            "disclosed_on": tomorrow.isoformat(),
            "recipient": "Kommunpolis",
            "what": "Klipp på USB-minne",
        },
    )
    assert response.status_code == 200
    assert "disclosed_on" in response.context["form"].errors
    assert "Klipp på USB-minne" in response.content.decode()
    assert not Disclosure.objects.exists()


def test_the_police_see_the_disclosures_of_their_municipalities_only(
    arboga, kungsor, arboga_footage, kungsor_footage, coordinator, client_for
):
    for footage, reference in [(arboga_footage, "K-ARBOGA-1"), (kungsor_footage, "K-KUNGSOR-1")]:
        disclosure_record(
            footage=footage,
            police_reference=reference,
            disclosed_on=timezone.localdate(),
            recipient="Kommunpolis",
            what="Klipp",
            by=coordinator,
        )
    kungsor_police = UserFactory(role=Role.POLICE, municipalities=[kungsor])
    page = client_for(kungsor_police).get("/cameras/disclosures/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "K-KUNGSOR-1" in html
    assert "K-ARBOGA-1" not in html
    # … and nothing else of the register.
    client = client_for(kungsor_police)
    assert client.get(f"/cameras/footage/{kungsor_footage.pk}/").status_code == 403
    assert client.get(f"/cameras/footage/{kungsor_footage.pk}/disclose/").status_code == 403


@pytest.mark.parametrize("role", [Role.REPORTER, Role.COUNCIL])
def test_staff_outside_the_police_and_the_register_see_no_disclosures(arboga, client_for, role):
    user = UserFactory(role=role, municipalities=[arboga])
    assert client_for(user).get("/cameras/disclosures/").status_code == 403


def test_a_legal_hold_is_set_and_released_with_reasons_and_names(
    arboga_footage, coordinator, client_for
):
    client = client_for(coordinator)
    response = client.post(
        f"/cameras/footage/{arboga_footage.pk}/hold/",
        {"police_reference": "K-2026-200", "reason": "Begäran från polisen väntar på beslut"},
    )
    assert response.status_code == 302
    hold = LegalHold.objects.get()
    assert hold.set_by == coordinator
    assert hold.is_active

    # Releasing without a reason is refused next to the field.
    response = client.post(f"/cameras/holds/{hold.pk}/release/", {"reason": "  "})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors

    response = client.post(f"/cameras/holds/{hold.pk}/release/", {"reason": "Polisen avskrev"})
    assert response.status_code == 302
    hold.refresh_from_db()
    assert hold.released_by == coordinator
    assert hold.release_reason == "Polisen avskrev"
    page = client.get(f"/cameras/footage/{arboga_footage.pk}/").content.decode()
    assert "Polisen avskrev" in page


def test_a_kungsor_coordinator_cannot_release_an_arboga_hold(
    arboga_footage, coordinator, outsider, client_for
):
    from cameras.services import legal_hold_set

    hold = legal_hold_set(footage=arboga_footage, reason="Väntar", by=coordinator)
    response = client_for(outsider).post(f"/cameras/holds/{hold.pk}/release/", {"reason": "x"})
    assert response.status_code == 404
    hold.refresh_from_db()
    assert hold.is_active

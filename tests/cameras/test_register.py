"""The camera register: who may manage it, what it requires, and its history."""

import datetime

import pytest
from django.utils import timezone

from cameras.models import Camera, Footage
from cameras.services import camera_update
from est.roles import Role
from tests.cameras.factories import MP4_HEADER, CameraFactory, FootageFactory
from tests.factories import OrganisationFactory, UserFactory


def centre(municipality, dx=0, dy=0):
    x0, y0, x1, y1 = municipality.boundary.extent
    return (x0 + x1) / 2 + dx, (y0 + y1) / 2 + dy


def form_data(municipality, organisation, **changes):
    x, y = centre(municipality)
    data = {
        "municipality": municipality.pk,
        "name": "Resecentrum perrong",
        "premises": "Arboga resecentrum",
        "position": f"SRID=3006;POINT({x} {y})",
        "filmed_area": f"SRID=3006;POLYGON(({x} {y},{x + 40} {y},{x + 40} {y + 30},{x} {y}))",
        "purpose": "Förebygga skadegörelse och rån vid resecentrum.",
        "legal_basis": Camera.LegalBasis.PUBLIC_TASK,
        "committee": "Kommunstyrelsen",
        "organisation": organisation.pk,
        "permit_required": "on",
        "permit_reference": "DI-2025-0042",
        "permit_decided_on": "2025-03-01",
        "permit_conditions": "Inte mellan 07 och 18",
        "permit_expires_on": "2030-03-01",
        "signage_present": "on",
        "signage_checked_on": "2025-09-01",
        "recording_hours": "18–07",
        "retention_hours": "72",
        "retention_justification": "",
        "status": Camera.Status.ACTIVE,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def organisation(arboga, kungsor):
    organisation = OrganisationFactory(name="Västra Mälardalens Kommunalförbund")
    organisation.municipalities.add(arboga, kungsor)
    return organisation


def test_a_coordinator_registers_a_camera(arboga, organisation, coordinator, client_for):
    client = client_for(coordinator)
    response = client.post("/cameras/new/", form_data(arboga, organisation))
    camera = Camera.objects.get()
    assert response.status_code == 302
    assert response.url == f"/cameras/{camera.pk}/"
    assert camera.municipality == arboga
    assert camera.filmed_area.srid == 3006
    assert camera.history.get().history_user == coordinator
    page = client.get(response.url).content.decode()
    assert "Arboga resecentrum" in page
    assert "DI-2025-0042" in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"retention_hours": "120"}, "retention_justification", "särskilt motiveras"),
        ({"retention_hours": "0"}, "retention_hours", "minst en timme"),
        ({"retention_hours": "99999999999"}, "retention_hours", ""),
        ({"retention_hours": "9000", "retention_justification": "x"}, "retention_hours", "ett år"),
        ({"retention_hours": "tre dagar"}, "retention_hours", ""),
        ({"position": "POINT(15.0 62.0)"}, "position", "Arboga"),
        ({"position": "not a point"}, "position", ""),
        ({"position": '{"type": "Point", "coordinates": ["x"]}'}, "position", ""),
        ({"filmed_area": ""}, "filmed_area", "Rita"),
        ({"permit_expires_on": "2024-01-01"}, "permit_expires_on", ""),
        ({"permit_reference": ""}, "permit_reference", "tillstånd"),
        ({"signage_present": None}, "signage_present", "skyltar"),
        ({"signage_checked_on": "2999-01-01"}, "signage_checked_on", "framtiden"),
        ({"permit_decided_on": "31/31/2025"}, "permit_decided_on", ""),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_nothing_is_lost(
    arboga, organisation, coordinator, client_for, changes, field, message
):
    response = client_for(coordinator).post(
        "/cameras/new/", form_data(arboga, organisation, **changes)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert message in " ".join(errors[field])
    page = response.content.decode()
    assert "Förebygga skadegörelse och rån vid resecentrum." in page
    assert 'value="Arboga resecentrum"' in page
    assert not Camera.objects.exists()


def test_the_same_name_twice_is_refused(arboga, organisation, coordinator, client_for):
    CameraFactory(municipality=arboga, name="Resecentrum perrong")
    response = client_for(coordinator).post("/cameras/new/", form_data(arboga, organisation))
    assert response.status_code == 200
    assert "name" in response.context["form"].errors


def test_a_coordinator_cannot_register_in_another_municipality(
    arboga, kungsor, organisation, outsider, client_for
):
    response = client_for(outsider).post("/cameras/new/", form_data(arboga, organisation))
    assert response.status_code == 200
    assert "municipality" in response.context["form"].errors
    assert not Camera.objects.exists()


@pytest.mark.parametrize("role", [Role.REPORTER, Role.POLICE, Role.COUNCIL])
def test_only_coordinators_and_administrators_manage_the_register(arboga, client_for, role):
    camera = CameraFactory(municipality=arboga)
    user = UserFactory(role=role, municipalities=[arboga])
    client = client_for(user)
    for url in [
        "/cameras/",
        "/cameras/new/",
        f"/cameras/{camera.pk}/",
        f"/cameras/{camera.pk}/edit/",
        "/cameras/purges/",
        "/cameras/compliance/",
        "/data-subject-requests/",
    ]:
        assert client.get(url).status_code == 403, url


def test_visitors_are_sent_to_log_in(arboga, client):
    response = client.get("/cameras/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_administrators_manage_the_register(arboga, administrator, client_for):
    camera = CameraFactory(municipality=arboga)
    assert client_for(administrator).get(f"/cameras/{camera.pk}/edit/").status_code == 200


def test_a_kungsor_user_guessing_an_arboga_camera_gets_404(arboga, outsider, client_for):
    camera = CameraFactory(municipality=arboga)
    footage = FootageFactory(camera=camera)
    client = client_for(outsider)
    for url in [
        f"/cameras/{camera.pk}/",
        f"/cameras/{camera.pk}/edit/",
        f"/cameras/{camera.pk}/footage/new/",
        f"/footage/{footage.pk}/".join(["/cameras", ""]),
        f"/cameras/footage/{footage.pk}/file/",
        f"/cameras/footage/{footage.pk}/hold/",
        f"/cameras/footage/{footage.pk}/disclose/",
    ]:
        assert client.get(url).status_code == 404, url
    assert client.post(f"/cameras/{camera.pk}/edit/", {"name": "x"}).status_code == 404
    assert camera.name not in client.get("/cameras/").content.decode()


def test_changes_are_kept_in_the_history_with_who_made_them(arboga, coordinator, client_for):
    camera = CameraFactory(municipality=arboga)
    camera_update(camera=camera, by=coordinator, recording_hours="Dygnet runt")
    latest = camera.history.first()
    assert latest.history_user == coordinator
    assert latest.recording_hours == "Dygnet runt"
    assert latest.prev_record.recording_hours == "22–06"
    page = client_for(coordinator).get(f"/cameras/{camera.pk}/").content.decode()
    assert "Inspelningstider" in page


def test_editing_through_the_form_keeps_the_geometry(arboga, organisation, coordinator, client_for):
    camera = CameraFactory(municipality=arboga, organisation=organisation)
    data = form_data(arboga, organisation, name=camera.name, purpose="Ny ändamålsbeskrivning.")
    response = client_for(coordinator).post(f"/cameras/{camera.pk}/edit/", data)
    assert response.status_code == 302
    camera.refresh_from_db()
    assert camera.purpose == "Ny ändamålsbeskrivning."
    assert camera.history.count() == 2


def test_retention_above_seven_days_waits_for_an_administrator(
    arboga, coordinator, administrator, client_for
):
    camera = CameraFactory(municipality=arboga)
    footage = FootageFactory(camera=camera)
    camera_update(
        camera=camera,
        by=coordinator,
        retention_hours=14 * 24,
        retention_justification="Skadegörelse på skolan anmäls ofta först efter loven.",
    )
    camera.refresh_from_db()
    assert camera.retention_awaits_approval
    footage.refresh_from_db()
    # Until approved, the footage is kept at most 7 days.
    assert footage.purge_at == footage.recorded_until + datetime.timedelta(days=7)

    assert (
        client_for(coordinator).post(f"/cameras/{camera.pk}/approve-retention/").status_code == 403
    )
    response = client_for(administrator).post(f"/cameras/{camera.pk}/approve-retention/")
    assert response.status_code == 302
    camera.refresh_from_db()
    assert camera.retention_approved_by == administrator
    footage.refresh_from_db()
    assert footage.purge_at == footage.recorded_until + datetime.timedelta(days=14)

    # A later change of the retention needs a new approval.
    camera_update(camera=camera, by=coordinator, retention_hours=21 * 24)
    camera.refresh_from_db()
    assert camera.retention_awaits_approval


def test_shortening_the_retention_brings_purges_forward(arboga, coordinator):
    camera = CameraFactory(
        municipality=arboga, retention_hours=120, retention_justification="Långhelger."
    )
    footage = FootageFactory(camera=camera)
    camera_update(camera=camera, by=coordinator, retention_hours=24)
    footage.refresh_from_db()
    assert footage.purge_at == footage.recorded_until + datetime.timedelta(hours=24)


def test_footage_is_kept_through_the_form_with_its_purge_time(arboga, coordinator, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    camera = CameraFactory(municipality=arboga)
    end = timezone.localtime() - datetime.timedelta(hours=2)
    response = client_for(coordinator).post(
        f"/cameras/{camera.pk}/footage/new/",
        {
            "recorded_from": (end - datetime.timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M"),
            "recorded_until": end.strftime("%Y-%m-%dT%H:%M"),
            "file": SimpleUploadedFile("sekvens.mp4", MP4_HEADER + b"frames"),
            "description": "Inbrottsförsök",
        },
    )
    footage = Footage.objects.get()
    assert response.status_code == 302
    assert footage.purge_at == footage.recorded_until + datetime.timedelta(hours=72)
    assert footage.file.name.startswith(f"footage/{camera.pk}/")
    assert "sekvens" not in footage.file.name


@pytest.mark.parametrize(
    ("start", "content", "field", "message"),
    [
        ("2026-01-02T12:00", MP4_HEADER + b"frames", "recorded_until", "Slutet måste komma"),
        # A program named like a video is no video.
        ("2026-01-01T11:00", b"MZ\x90\x00 a program", "file", "Välj en video (MP4, MOV"),
    ],
)
def test_wrong_footage_is_refused_keeping_what_was_typed(
    arboga, coordinator, client_for, start, content, field, message
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    camera = CameraFactory(municipality=arboga)
    response = client_for(coordinator).post(
        f"/cameras/{camera.pk}/footage/new/",
        {
            "recorded_from": start,
            "recorded_until": "2026-01-01T12:00",
            "file": SimpleUploadedFile("sekvens.mp4", content),
            "description": "Inbrottsförsök",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors[field][0].startswith(message)
    assert "Inbrottsförsök" in response.content.decode()
    assert not Footage.objects.exists()


def test_garbage_never_gives_a_server_error(arboga, coordinator, client_for):
    from cameras.services import legal_hold_release, legal_hold_set

    camera = CameraFactory(municipality=arboga)
    footage = FootageFactory(camera=camera)
    hold = legal_hold_set(footage=footage, reason="Väntar", by=coordinator)
    legal_hold_release(hold=hold, reason="Klart", by=coordinator)
    client = client_for(coordinator)
    garbage = {
        "municipality": "999999",
        "organisation": "abc",
        "position": '{"type": "Point", "coordinates": ["x"]}',
        "filmed_area": "POLYGON((0 0, 1 1, 0 0))",
        "retention_hours": "-5",
        "permit_decided_on": "0000-00-00",
        "recorded_from": "igår",
        "recorded_until": "2026-13-45T25:61",
        "disclosed_on": "x",
        "received_on": "",
        "status": "exploded",
        "kind": "?",
        "reason": "",
        "cameras": ["x"],
    }
    for url in [
        "/cameras/new/",
        f"/cameras/{camera.pk}/edit/",
        f"/cameras/{camera.pk}/footage/new/",
        f"/cameras/{camera.pk}/approve-retention/",
        f"/cameras/footage/{footage.pk}/hold/",
        f"/cameras/footage/{footage.pk}/disclose/",
        f"/cameras/holds/{hold.pk}/release/",
        "/data-subject-requests/",
    ]:
        response = client.post(url, garbage)
        assert response.status_code in (200, 302, 403), url


def test_a_planned_camera_keeps_no_footage(arboga, coordinator, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    camera = CameraFactory(municipality=arboga, status=Camera.Status.PLANNED)
    response = client_for(coordinator).post(
        f"/cameras/{camera.pk}/footage/new/",
        {
            "recorded_from": "2026-01-01T11:00",
            "recorded_until": "2026-01-01T12:00",
            "file": SimpleUploadedFile("sekvens.mp4", MP4_HEADER + b"frames"),
        },
    )
    assert response.status_code == 200
    assert "planerad kamera" in response.content.decode()
    assert not Footage.objects.exists()

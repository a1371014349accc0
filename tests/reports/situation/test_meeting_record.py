"""The record of the working group's meeting on a picture: the coordinator records date,
organisations present and notes while the picture is open; it shows on the page and in the
PDF above the interventions decided; others only read it, another municipality gets 404."""

import pytest

from reports.situation.models import PictureMeeting
from reports.situation.workflow import situation_picture_publish
from tests.factories import OrganisationFactory
from tests.pdf_text import pdf_text


@pytest.fixture
def kultur(arboga):
    organisation = OrganisationFactory(name="Kultur och fritid", kind="municipality")
    organisation.municipalities.add(arboga)
    return organisation


def record(client, picture, *organisations, notes="Stationen: fler vuxna ute på kvällarna."):
    return client.post(
        f"/situation/{picture.pk}/meeting/",
        {
            "held_on": "2026-03-04",
            "organisations": [o.pk for o in organisations],
            "notes": notes,
        },
    )


def test_the_coordinator_records_the_meeting_and_it_shows_on_the_page_and_in_the_pdf(
    client_for, coordinator, picture, polisen, kultur
):
    client = client_for(coordinator)
    page = client.get(f"/situation/{picture.pk}/").content.decode()
    assert "Inget möte registrerat än." in page
    assert client.get(f"/situation/{picture.pk}/meeting/").status_code == 200
    assert record(client, picture, polisen, kultur).status_code == 302
    page = client.get(f"/situation/{picture.pk}/").content.decode()
    assert "4 mars 2026" in page
    assert "Kultur och fritid, Polisen Arboga" in page
    assert "Stationen: fler vuxna ute på kvällarna." in page
    # Corrected, not doubled.
    assert record(client, picture, polisen, notes="Rättat.").status_code == 302
    meeting = PictureMeeting.objects.get()
    assert meeting.notes == "Rättat."
    assert list(meeting.organisations.all()) == [polisen]
    text = pdf_text(client.get(f"/situation/{picture.pk}/pdf/").content)
    assert "Arbetsgruppens möte" in text
    assert "Rättat." in text


def test_nothing_ticked_is_told_and_the_notes_kept(client_for, coordinator, picture):
    response = record(client_for(coordinator), picture, notes="Anteckningar som inte får försvinna")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Anteckningar som inte får försvinna" in page
    assert not PictureMeeting.objects.exists()


def test_the_record_is_frozen_with_the_published_picture(client_for, coordinator, picture, polisen):
    client = client_for(coordinator)
    record(client, picture, polisen)
    situation_picture_publish(picture=picture, by=coordinator)
    page = client.get(f"/situation/{picture.pk}/").content.decode()
    assert "Stationen: fler vuxna ute på kvällarna." in page
    assert "Ändra mötesanteckningen" not in page
    response = record(client, picture, polisen, notes="Efteråt.")
    assert response.status_code == 200
    assert "publicerad" in response.content.decode()
    assert PictureMeeting.objects.get().notes == "Stationen: fler vuxna ute på kvällarna."


def test_the_police_and_the_council_read_the_record_but_never_write_it(
    client_for, coordinator, police, council_member, picture, polisen
):
    record(client_for(coordinator), picture, polisen)
    situation_picture_publish(picture=picture, by=coordinator)
    for user in (police, council_member):
        client = client_for(user)
        page = client.get(f"/situation/{picture.pk}/").content.decode()
        assert "Stationen: fler vuxna ute på kvällarna." in page
        assert client.get(f"/situation/{picture.pk}/meeting/").status_code == 403


def test_another_municipalitys_picture_meeting_is_404(client_for, outsider, picture, polisen):
    client = client_for(outsider)
    assert client.get(f"/situation/{picture.pk}/meeting/").status_code == 404
    assert record(client, picture, polisen).status_code == 404

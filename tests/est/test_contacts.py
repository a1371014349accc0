"""The public contacts page: the emergency numbers first, then whom to reach locally; kept by the
coordinator of the municipality alone."""

import pytest
from playwright.sync_api import expect

from est.models import Contact
from tests.accessibility import wcag_violations


@pytest.fixture
def arboga_contact(arboga):
    return Contact.objects.create(
        municipality=arboga,
        kind=Contact.Kind.POLICE_OFFICER,
        name="Per Polis",
        title="Kommunpolis",
        phone="08-465 004 20",
        email="kommunpolis@example.se",
    )


def test_residents_read_the_emergency_numbers_before_the_contacts(client, arboga_contact):
    page = client.get("/kontakt/1984/").content.decode()
    assert page.index("112") < page.index("114 14") < page.index("Per Polis")
    assert 'href="tel:0846500420"' in page
    assert 'href="/kontakt/1984/"' in client.get("/kontakt/").content.decode()


def test_an_unknown_municipality_is_404(client, db):
    assert client.get("/kontakt/0000/").status_code == 404


def test_the_coordinator_adds_changes_and_removes_contacts(
    client_for, coordinator, arboga, arboga_contact
):
    client = client_for(coordinator)
    form = {
        "contact-TOTAL_FORMS": "2",
        "contact-INITIAL_FORMS": "1",
        "contact-0-id": arboga_contact.pk,
        "contact-0-kind": "police_officer",
        "contact-0-name": "Pia Polis",
        "contact-0-position": "0",
        "contact-1-kind": "security_coordinator",
        "contact-1-name": "Sara Samordnare",
        "contact-1-email": "sara@example.se",
        "contact-1-position": "1",
    }
    response = client.post("/contacts/1984/", form, follow=True)
    assert "Kontaktsidan är sparad" in response.content.decode()
    assert list(Contact.objects.filter(municipality=arboga).values_list("name", flat=True)) == [
        "Pia Polis",
        "Sara Samordnare",
    ]
    form.update({"contact-TOTAL_FORMS": "1", "contact-0-DELETE": "on"})
    client.post("/contacts/1984/", form)
    assert Contact.objects.filter(municipality=arboga).count() == 1


def test_a_bad_address_is_refused_and_nothing_typed_is_lost(client_for, coordinator, arboga):
    response = client_for(coordinator).post(
        "/contacts/1984/",
        {
            "contact-TOTAL_FORMS": "1",
            "contact-INITIAL_FORMS": "0",
            "contact-0-kind": "other",
            "contact-0-name": "Fritidsgården",
            "contact-0-email": "inte en adress",
            "contact-0-position": "0",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Fritidsgården"' in page
    assert "Ange en giltig mejladress" in page
    assert not Contact.objects.exists()


def test_another_municipalitys_contacts_are_out_of_reach(
    client_for, outsider, reporter, arboga_contact, kungsor
):
    client = client_for(outsider)
    assert client.get("/contacts/1984/").status_code == 404
    # A Kungsör form that names Arboga's contact changes nothing of it, and saves nothing.
    client.post(
        "/contacts/1960/",
        {
            "contact-TOTAL_FORMS": "1",
            "contact-INITIAL_FORMS": "1",
            "contact-0-id": arboga_contact.pk,
            "contact-0-kind": "other",
            "contact-0-name": "Kapad",
            "contact-0-position": "0",
        },
    )
    arboga_contact.refresh_from_db()
    assert arboga_contact.name == "Per Polis"
    assert not Contact.objects.filter(name="Kapad").exists()
    assert client_for(reporter).get("/contacts/1984/").status_code == 403


@pytest.mark.browser
def test_the_contacts_pages_are_accessible_on_a_phone(
    page, live_server, log_in_page, coordinator, arboga_contact
):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/kontakt/1984/")
    expect(page.get_by_role("heading", name="Ring 112 vid en nödsituation")).to_be_visible()
    assert wcag_violations(page) == []
    log_in_page(coordinator)
    page.goto(live_server.url + "/contacts/1984/")
    expect(page.get_by_role("group", name="Per Polis")).to_be_visible()
    assert wcag_violations(page) == []

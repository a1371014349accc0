"""Neighbourhood watch in chromium: a resident signs up on a 360 px phone with the keyboard, the
coordinator makes the group active and writes to it (mailed by a real Celery worker), the area
shows on the public map, the contact withdraws by the link in the mail and the beat task deletes
them once the time has run; the data subject register's pages; every new page free of WCAG 2.1
A/AA violations."""

import datetime
import re
import time
from email import message_from_bytes
from email.policy import default

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from dialogues.tasks import delete_watch_contacts
from dialogues.watch.models import WatchContact, WatchGroup
from est.models import DataSubjectRequest
from tests.accessibility import wcag_violations
from tests.dialogues.watch.helpers import block_geojson
from tests.worker import celery_worker

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def phone(browser):
    """A touch phone of 360 px, not logged in; its script errors gather in ``page.errors``."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def _checked(page, width=PHONE["width"]):
    assert wcag_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert getattr(page, "errors", []) == []


def _mail(folder, timeout=60):
    """Return the one mail the worker wrote to ``folder``, waiting for it."""
    deadline = time.monotonic() + timeout
    while not list(folder.iterdir()):
        assert time.monotonic() < deadline, "the worker did not send the mail"
        time.sleep(0.2)
    (path,) = folder.iterdir()
    return message_from_bytes(path.read_bytes().split(b"\n" + b"-" * 79)[0], policy=default)


def test_a_sign_up_on_a_phone_to_an_active_group_to_the_automatic_deletion(
    phone, log_in_page, live_server, coordinator, arboga, monkeypatch, tmp_path
):
    base = live_server.url
    phone.goto(base + "/grannsamverkan/")
    _checked(phone)
    phone.get_by_role("link", name="Arboga").tap()
    expect(phone.get_by_text("0 grannsamverkansgrupper är aktiva.", exact=False)).to_be_visible()
    _checked(phone)
    phone.get_by_role("link", name="Starta grannsamverkan").tap()
    phone.wait_for_selector(".leaflet-container")
    _checked(phone)
    phone.get_by_label("Gata eller område").focus()
    phone.keyboard.type("Ekbacksvägen 1–29")
    # The drawn area stands in for the polygon tool's clicks: the widget keeps it in this field.
    phone.evaluate(
        "value => { document.getElementById('id_area').value = value; }", block_geojson(arboga)
    )
    phone.get_by_label("Antal hushåll").fill("24")
    phone.get_by_role("textbox", name="Namn").fill("Karin Lund")
    phone.get_by_role("textbox", name="E-postadress").fill("karin@example.se")
    phone.get_by_label("Telefonnummer (frivilligt)").fill("070-123 45 67")
    phone.get_by_label("Jag samtycker", exact=False).check()
    phone.get_by_role("button", name="Skicka").tap()
    expect(phone.get_by_text("Tack! Trygghetssamordnaren eller kommunpolisen")).to_be_visible()
    _checked(phone)
    group = WatchGroup.objects.get()
    assert group.contacts.get().consent_text.startswith("Jag samtycker")

    monkeypatch.setenv("EMAIL_URL", f"filemail:///{tmp_path}")
    page = log_in_page(coordinator)
    with celery_worker():
        page.goto(base + "/watch/")
        _checked(page, width=1280)
        page.get_by_role("link", name="Ekbacksvägen 1–29").click()
        expect(page.get_by_text("karin@example.se")).to_be_visible()
        _checked(page, width=1280)
        page.get_by_label("Status").select_option(label="Aktiv")
        page.get_by_label("Uppsatta skyltar").fill("4")
        page.get_by_role("button", name="Spara").last.click()
        expect(page.get_by_text("Gruppen är sparad.")).to_be_visible()
        page.get_by_role("link", name="Skriv till kontaktpersonerna").click()
        expect(page.get_by_label("Brev")).to_contain_text("Händelser i ert område")
        _checked(page, width=1280)
        page.get_by_role("button", name="Skicka brevet").click()
        expect(page.get_by_text("Brevet är på väg till kontaktpersonerna.")).to_be_visible()
        mail = _mail(tmp_path)
    assert mail["To"] == "karin@example.se"
    assert mail["Subject"].strip() == "Grannsamverkan: Nytt från grannsamverkan i Ekbacksvägen 1–29"
    withdraw = re.search(r"http\S+/grannsamverkan/avsluta/\S+/", mail.get_content()).group(0)

    phone.goto(base + "/grannsamverkan/1984/")
    expect(phone.get_by_text("1 grannsamverkan är aktiv.", exact=False)).to_be_visible()
    expect(phone.locator("#watch-map path").first).to_be_attached()
    assert "Ekbacksvägen" not in phone.content()

    phone.goto(base + withdraw[withdraw.index("/grannsamverkan") :])
    _checked(phone)
    phone.get_by_role("button", name="Avsluta").tap()
    expect(phone.get_by_text("Du har avslutat.")).to_be_visible()
    _checked(phone)

    # Six months and a day later the daily beat task deletes the contact.
    WatchContact.objects.update(withdrawn_at=timezone.now() - datetime.timedelta(days=185))
    assert delete_watch_contacts.delay().get(timeout=30) == "1 contacts deleted"
    page.goto(base + f"/watch/{group.pk}/")
    expect(page.get_by_text("Inga kontaktpersoner.")).to_be_visible()


def test_the_data_subject_register_in_the_browser(log_in_page, live_server, coordinator, arboga):
    page = log_in_page(coordinator)
    page.goto(live_server.url + "/data-subject-requests/")
    _checked(page, width=1280)
    page.get_by_label("Kommun").select_option(label="Arboga")
    page.get_by_label("Typ").select_option(label="Radering")
    page.get_by_label("Diarienummer").fill("KS 2026/500")
    page.get_by_role("button", name="Registrera begäran").click()
    expect(page.get_by_text("Begäran KS 2026/500 (Radering) är registrerad.")).to_be_visible()
    _checked(page, width=1280)
    assert DataSubjectRequest.objects.get().kind == DataSubjectRequest.Kind.ERASURE
    page.get_by_label("Personens e-postadress").fill("ingen@example.se")
    page.get_by_role("button", name="Visa utdraget").click()
    expect(page.get_by_role("heading", name="Registerutdrag för KS 2026/500")).to_be_visible()
    expect(page.get_by_text("Inget sparat.").first).to_be_visible()
    _checked(page, width=1280)

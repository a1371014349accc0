"""Tips in chromium: sent on a 360 px phone by touch and by keyboard alone (a place outside the
municipality refused with everything typed kept), triaged by the coordinator into an incident
and into a measure with the tippers' mails sent by a real Celery worker, and every new page free
of WCAG 2.1 A/AA violations."""

import time
from email import message_from_bytes
from email.policy import default

import pytest
from playwright.sync_api import expect

from dialogues.tips.models import Tip
from reports.incidents.categories import category_create
from tests.accessibility import wcag_violations
from tests.dialogues.findings import street_department
from tests.dialogues.tips.helpers import tip_in
from tests.reports.conftest import centre_of, jpeg_with_gps, type_position
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


def _checked(page):
    assert wcag_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.errors == []


def test_a_tip_sent_by_touch_on_a_phone(phone, live_server, arboga):
    page = phone
    page.goto(live_server.url + "/otrygga-platser/")
    _checked(page)
    page.get_by_role("link", name="Arboga").tap()
    expect(page.get_by_role("heading", name="Otrygga platser i Arboga")).to_be_visible()
    _checked(page)
    page.get_by_role("link", name="Tipsa om en otrygg plats").tap()
    expect(page.get_by_text("Vid nödsituationer, ring 112.")).to_be_visible()
    page.wait_for_selector("#tip-map.leaflet-container")
    _checked(page)
    page.locator("#tip-map").scroll_into_view_if_needed()
    box = page.locator("#tip-map").bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.get_by_role("spinbutton", name="Latitud")).not_to_have_value("")
    page.get_by_label("Trasig belysning").tap()
    page.get_by_label("Vad gör att platsen känns otrygg?").fill("Tre lampor trasiga vid gångvägen")
    page.get_by_label("Foto (frivilligt)").set_input_files(
        [{"name": "lampa.jpg", "mimeType": "image/jpeg", "buffer": jpeg_with_gps()}]
    )
    page.get_by_label("Din e-postadress (frivilligt)").fill("boende@example.se")
    page.get_by_role("button", name="Skicka tipset").tap()
    expect(page.get_by_role("heading", name="Ditt tips")).to_be_visible()
    expect(page.locator("#tip-status")).to_have_text("Mottaget. Samordnaren läser det snart.")
    _checked(page)
    tip = Tip.objects.get()
    assert tip.category == "lighting"
    assert tip.email == "boende@example.se"
    assert tip.photo


def test_a_tip_sent_by_keyboard_alone_outside_and_then_inside(phone, live_server, arboga, kungsor):
    page = phone
    page.goto(live_server.url + "/otrygga-platser/1984/tipsa/")
    type_position(page, centre_of(kungsor))
    page.get_by_label("Adress eller plats (frivilligt)").focus()
    page.keyboard.type("Storgatan 12")
    page.get_by_label("Skadegörelse").focus()
    page.keyboard.press("Space")
    page.get_by_label("Vad gör att platsen känns otrygg?").focus()
    page.keyboard.type("Krossade rutor i busskuren")
    page.get_by_role("button", name="Skicka tipset").press("Enter")
    expect(page.locator(".error-summary")).to_contain_text("Positionen ligger i Kungsör")
    expect(page.get_by_label("Vad gör att platsen känns otrygg?")).to_have_value(
        "Krossade rutor i busskuren"
    )
    expect(page.get_by_label("Adress eller plats (frivilligt)")).to_have_value("Storgatan 12")
    expect(page.get_by_label("Skadegörelse")).to_be_checked()
    _checked(page)
    assert not Tip.objects.exists()
    type_position(page, centre_of(arboga))
    page.get_by_role("button", name="Skicka tipset").press("Enter")
    expect(page.get_by_role("heading", name="Ditt tips")).to_be_visible()
    assert Tip.objects.get().place_name == "Storgatan 12"


@pytest.mark.django_db(transaction=True)
def test_tips_triaged_into_an_incident_and_a_measure_with_mails_by_a_real_worker(
    log_in_page, live_server, coordinator, arboga, monkeypatch, tmp_path
):
    category_create(municipality=arboga, name="Belysning")
    street_department(arboga)
    lamp = tip_in(arboga, email="lampa@example.se", description="Trasig lampa vid skolan")
    bushes = tip_in(arboga, email="buske@example.se", east=3000, description="Buskar skymmer")
    tip_in(arboga, east=3050, description="Samma buskar")
    # The worker is another process: it writes its mails to files the test then reads.
    monkeypatch.setenv("EMAIL_URL", f"filemail:///{tmp_path}")
    page = log_in_page(coordinator)
    base = live_server.url
    with celery_worker():
        page.goto(base + "/tips/")
        expect(page.get_by_role("cell", name="Trasig lampa vid skolan")).to_be_visible()
        assert wcag_violations(page) == []
        page.goto(base + f"/tips/{lamp.pk}/")
        assert wcag_violations(page) == []
        page.get_by_label("Händelsekategori").select_option(label="Belysning")
        page.get_by_role("button", name="Registrera händelsen").click()
        expect(page.get_by_text("Tipset har nu status: Registrerat som händelse.")).to_be_visible()
        incident = Tip.objects.get(pk=lamp.pk).incident_id
        page.get_by_role("link", name=f"#{incident}").click()
        expect(page.get_by_text("Trasig lampa vid skolan")).to_be_visible()

        page.goto(base + f"/tips/{bushes.pk}/")
        expect(page.get_by_role("listitem").filter(has_text="Samma buskar")).to_be_visible()
        page.get_by_label("Vad som ska göras").fill("Klipp buskarna")
        page.get_by_label("Ansvarig organisation").select_option(label="Tekniska förvaltningen")
        page.get_by_role("button", name="Skapa åtgärden").click()
        expect(page.get_by_text("Tipset har nu status: Lämnat vidare som åtgärd.")).to_be_visible()
        assert wcag_violations(page) == []
        page.get_by_role("button", name="Visa det på den öppna kartan").click()
        expect(page.get_by_text("Tipset visas på den öppna kartan.")).to_be_visible()
        mails = _mails(tmp_path, 2)
    by_address = {message["To"]: message for message in mails}
    assert by_address["lampa@example.se"]["Subject"].strip() == (
        "Ditt tips: Registrerat som händelse"
    )
    assert (
        "Lämnat till Tekniska förvaltningen som en åtgärd."
        in by_address["buske@example.se"].get_content()
    )
    page.goto(base + "/otrygga-platser/1984/")
    expect(page.locator(".tip-list")).to_contain_text("Mörk gångväg")
    expect(page.locator(".tip-list")).to_contain_text("Lämnat vidare som åtgärd")
    expect(page.locator("#tips-map path").first).to_be_attached()
    assert wcag_violations(page) == []
    status = Tip.objects.get(pk=bushes.pk).token
    page.goto(base + f"/otrygga-platser/status/{status}/")
    expect(page.locator("#tip-status")).to_contain_text("Tekniska förvaltningen")


def _mails(folder, count, timeout=60):
    """Return the ``count`` mails the worker wrote to ``folder``, waiting for them."""
    deadline = time.monotonic() + timeout
    while len(list(folder.iterdir())) < count:
        assert time.monotonic() < deadline, "the worker did not send the mails"
        time.sleep(0.2)
    return [
        message_from_bytes(path.read_bytes().split(b"\n" + b"-" * 79)[0], policy=default)
        for path in folder.iterdir()
    ]


def test_an_address_chosen_from_the_suggestions_by_keyboard_alone(phone, live_server, arboga):
    from tests.dialogues.tips.test_places import place

    latitude, longitude = place(arboga, "Storgatan", east=900)
    place(arboga, "Stora torget", east=200)
    page = phone
    page.goto(live_server.url + "/otrygga-platser/1984/tipsa/")
    address = page.get_by_role("combobox", name="Adress eller plats (frivilligt)")
    address.focus()
    page.keyboard.type("storg")
    options = page.get_by_role("listbox", name="Platser som passar").get_by_role("option")
    expect(options).to_have_text(["Storgatan", "Stora torget"])
    expect(address).to_have_attribute("aria-expanded", "true")
    _checked(page)
    page.keyboard.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(address).to_have_attribute("aria-activedescendant", "id_place_name-suggestions-0")
    page.keyboard.press("Enter")  # chooses the place; does not send the form
    expect(address).to_have_value("Storgatan")
    expect(address).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("spinbutton", name="Latitud")).to_have_value(f"{latitude:.6f}")
    expect(
        page.get_by_role("status").filter(has_text="Storgatan är markerad på kartan.")
    ).to_be_attached()
    page.get_by_label("Trasig belysning").focus()
    page.keyboard.press("Space")
    page.get_by_label("Vad gör att platsen känns otrygg?").focus()
    page.keyboard.type("Mörkt hela vägen")
    page.get_by_role("button", name="Skicka tipset").press("Enter")
    expect(page.get_by_role("heading", name="Ditt tips")).to_be_visible()
    stored = Tip.objects.get().position.transform(4326, clone=True)
    assert stored.coords == pytest.approx((longitude, latitude), abs=1e-5)


def test_an_address_not_found_keeps_what_was_typed_in_the_browser(phone, live_server, arboga):
    page = phone
    page.goto(live_server.url + "/otrygga-platser/1984/tipsa/")
    page.get_by_label("Adress eller plats (frivilligt)").fill("Okändavägen 3")
    expect(
        page.get_by_role("status").filter(has_text="Ingen plats med det namnet")
    ).to_be_attached()
    page.get_by_label("Skadegörelse").check()
    page.get_by_label("Vad gör att platsen känns otrygg?").fill("Krossade rutor")
    page.get_by_role("button", name="Skicka tipset").click()
    expect(page.locator(".error-summary")).to_contain_text("Vi kunde inte hitta ”Okändavägen 3”")
    expect(page.get_by_label("Adress eller plats (frivilligt)")).to_have_value("Okändavägen 3")
    expect(page.get_by_label("Vad gör att platsen känns otrygg?")).to_have_value("Krossade rutor")
    _checked(page)
    assert not Tip.objects.exists()

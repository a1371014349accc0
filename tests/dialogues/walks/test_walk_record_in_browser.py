"""A walk recorded on a 360 px phone in chromium: by touch and by keyboard alone, with the
network cut in the middle (findings wait on the phone, shown as waiting, and are sent once when
it returns), the page opening again without a network, and the incident form offline too."""

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from dialogues.walks.models import Finding, ParticipantCount, StretchAudit
from reports.incidents.models import Incident
from tests.accessibility import wcag_violations
from tests.conftest import PASSWORD
from tests.reports.conftest import centre_of, jpeg_with_gps, type_position
from tests.second_factor import log_in_through_the_form

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def phone(browser, live_server):
    """Return a function that logs ``user`` in on a touch phone of 360 px; returns the page."""
    contexts = []

    def log_in(user):
        context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        return log_in_through_the_form(page, live_server.url, user, PASSWORD)

    yield log_in
    for context in contexts:
        context.close()


def fill_finding(page, description, *, unsafe="4"):
    """Choose a category, describe the finding and say how unsafe it feels, by touch."""
    page.get_by_label("Belysning").tap()
    page.get_by_label("Vad gör att platsen känns otrygg?").fill(description)
    page.locator("#id_unsafe").get_by_label(unsafe, exact=False).first.tap()


def waiting(page):
    return page.locator("#offline-queue-items li")


def test_a_walk_recorded_by_touch_with_the_network_cut_in_the_middle(
    phone, live_server, walk, coordinator
):
    page = phone(coordinator)
    page.goto(live_server.url + f"/walks/{walk.pk}/walk/")
    page.wait_for_selector("#finding-map.leaflet-container")
    assert wcag_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.locator("#finding-map").scroll_into_view_if_needed()
    box = page.locator("#finding-map").bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.get_by_role("spinbutton", name="Latitud")).not_to_have_value("")
    fill_finding(page, "Trasig gatlampa vid torget")
    page.get_by_label("Foton").set_input_files(
        [{"name": "lampa.jpg", "mimeType": "image/jpeg", "buffer": jpeg_with_gps()}]
    )
    page.get_by_role("button", name="Skicka iakttagelsen").tap()
    expect(page.get_by_text("Iakttagelsen är registrerad.")).to_be_visible()
    expect(page.get_by_role("heading", name="Skickade iakttagelser (1)")).to_be_visible()
    # The page is kept for offline use once the service worker is running.
    page.evaluate("navigator.serviceWorker.ready.then(() => caches.open('est-pages-v1'))")
    page.wait_for_function(
        "caches.open('est-pages-v1').then(c => c.match(location.pathname)).then(Boolean)"
    )

    page.context.set_offline(True)
    for number, text in enumerate(["Buskage skymmer gångvägen", "Mörk gångtunnel"], start=1):
        type_position(page, centre_of(walk.municipality))
        fill_finding(page, text, unsafe="5")
        page.get_by_role("button", name="Skicka iakttagelsen").tap()
        expect(waiting(page)).to_have_count(number)
    expect(page.locator("#offline-queue-status")).to_contain_text("2 väntar på att skickas")
    expect(waiting(page).first).to_contain_text("Iakttagelse")
    assert Finding.objects.count() == 1

    # Without a network the page opens again from the phone, with what is waiting.
    page.reload()
    expect(page.get_by_role("heading", name="Registrera en iakttagelse")).to_be_visible()
    expect(waiting(page)).to_have_count(2)

    page.context.set_offline(False)
    expect(page.get_by_role("heading", name="Skickade iakttagelser (3)")).to_be_visible(
        timeout=15000
    )
    expect(waiting(page)).to_have_count(0)
    assert sorted(Finding.objects.values_list("description", flat=True)) == [
        "Buskage skymmer gångvägen",
        "Mörk gångtunnel",
        "Trasig gatlampa vid torget",
    ]
    assert Finding.objects.get(description="Trasig gatlampa vid torget").photos.count() == 1
    assert page.errors == []


def test_a_walk_recorded_by_keyboard_alone(phone, live_server, walk, police):
    page = phone(police)
    page.goto(live_server.url + f"/walks/{walk.pk}/walk/")
    type_position(page, centre_of(walk.municipality))
    page.get_by_label("Klotter och skadegörelse").focus()
    page.keyboard.press("Space")
    page.get_by_label("Vad gör att platsen känns otrygg?").focus()
    page.keyboard.type("Klotter på elskåpet")
    page.locator("#id_unsafe_1").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Skicka iakttagelsen").press("Enter")
    expect(page.get_by_text("Iakttagelsen är registrerad.")).to_be_visible()

    page.get_by_label("Sträckans namn").focus()
    page.keyboard.type("Torget – stationen")
    page.locator("#id_lighting_2").focus()
    page.keyboard.press("Space")
    page.locator("#id_feeling_4").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Skicka bedömningen").press("Enter")
    expect(page.get_by_text("Bedömningen av sträckan är registrerad.")).to_be_visible()

    page.get_by_role("spinbutton", name="Invånare").focus()
    page.keyboard.type("12")
    page.get_by_role("spinbutton", name="Polisen").focus()
    page.keyboard.type("2")
    page.get_by_role("button", name="Spara deltagarna").press("Enter")
    expect(page.get_by_text("Deltagarna är antecknade.")).to_be_visible()

    finding = Finding.objects.get()
    assert (finding.category.code, finding.unsafe, finding.recorded_by) == ("graffiti", 2, police)
    audit = StretchAudit.objects.get()
    assert (audit.lighting, audit.feeling, audit.openness) == (2, 4, None)
    assert dict(ParticipantCount.objects.values_list("group", "count")) == {
        "residents": 12,
        "police": 2,
    }
    assert page.errors == []


def test_a_finding_outside_the_municipality_comes_back_with_everything_typed(
    phone, live_server, walk, coordinator, kungsor
):
    page = phone(coordinator)
    page.goto(live_server.url + f"/walks/{walk.pk}/walk/")
    type_position(page, centre_of(kungsor))
    fill_finding(page, "Det här får inte försvinna")
    page.get_by_role("button", name="Skicka iakttagelsen").tap()
    expect(page.locator(".error-summary")).to_contain_text("inte i Arboga")
    expect(page.get_by_label("Vad gör att platsen känns otrygg?")).to_have_value(
        "Det här får inte försvinna"
    )
    expect(page.get_by_label("Belysning")).to_be_checked()
    assert wcag_violations(page) == []
    assert Finding.objects.count() == 0


def test_the_incident_form_keeps_a_report_offline_and_files_it_once(
    phone, live_server, reporter, arboga
):
    page = phone(reporter)
    page.goto(live_server.url + "/reports/new/")
    page.wait_for_selector("#file-map.leaflet-container")
    page.context.set_offline(True)
    type_position(page, centre_of(arboga))
    page.get_by_label("Nyss").check()
    page.get_by_label("Klotter").check()
    page.get_by_label("Beskriv vad som hände").fill("Klotter i källaren")
    page.get_by_role("button", name="Skicka rapporten").tap()
    expect(waiting(page)).to_have_count(1)
    expect(waiting(page).first).to_contain_text("Händelserapport")
    assert Incident.objects.count() == 0

    page.context.set_offline(False)
    expect(waiting(page)).to_have_count(0, timeout=15000)
    incident = Incident.objects.get()
    assert incident.description == "Klotter i källaren"
    assert page.errors == []


def test_the_categories_page_meets_wcag(log_in_page, live_server, coordinator, arboga):
    page = log_in_page(coordinator)
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + f"/walks/{arboga.code}/categories/")
    page.get_by_label("Ny kategori").fill("Hundrastgård")
    page.get_by_role("button", name="Lägg till", exact=True).click()
    expect(page.get_by_text("Kategorin Hundrastgård är tillagd.")).to_be_visible()
    assert wcag_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_logging_out_forgets_the_pages_kept_for_offline_use(phone, live_server, walk, coordinator):
    page = phone(coordinator)
    path = f"/walks/{walk.pk}/walk/"
    page.goto(live_server.url + path)
    page.wait_for_function(
        f"caches.open('est-pages-v1').then(c => c.match('{path}')).then(Boolean)"
    )
    page.get_by_role("button", name="Logga ut").tap()
    page.wait_for_url("**/accounts/login/**")
    kept = page.evaluate(f"caches.open('est-pages-v1').then(c => c.match('{path}')).then(Boolean)")
    assert kept is False
    # The next person on the phone, without a network, does not get the walk page.
    page.context.set_offline(True)
    with pytest.raises(PlaywrightError):
        page.goto(live_server.url + path)
    # The browser goes on to its own error page (and may load it more than once): expect()
    # reads the page again until it holds still.
    expect(page.locator("body")).not_to_contain_text(walk.title)
    assert page.errors == []


def test_what_one_person_kept_on_a_shared_phone_is_sent_only_under_their_name(
    phone, live_server, walk, coordinator, police
):
    page = phone(coordinator)
    path = live_server.url + f"/walks/{walk.pk}/walk/"
    page.goto(path)
    page.wait_for_selector("#finding-map.leaflet-container")
    page.context.set_offline(True)
    type_position(page, centre_of(walk.municipality))
    fill_finding(page, "Mörk passage bakom skolan")
    page.get_by_role("button", name="Skicka iakttagelsen").tap()
    expect(waiting(page)).to_have_count(1)
    # The session ends (a timeout, or the phone is handed on), and the next person logs in.
    page.context.clear_cookies()
    page.context.set_offline(False)
    log_in_through_the_form(page, live_server.url, police, PASSWORD)
    page.goto(path)

    expect(page.locator("#offline-queue-status")).to_contain_text(
        "1 sparad på enheten för den som registrerade den"
    )
    expect(waiting(page)).to_have_count(0)
    page.get_by_role("button", name="Skicka nu").tap()
    assert not Finding.objects.exists()

    page.context.clear_cookies()
    log_in_through_the_form(page, live_server.url, coordinator, PASSWORD)
    page.goto(path)
    expect(page.get_by_role("heading", name="Skickade iakttagelser (1)")).to_be_visible(
        timeout=15000
    )
    finding = Finding.objects.get()
    assert (finding.description, finding.recorded_by) == ("Mörk passage bakom skolan", coordinator)
    assert page.errors == []

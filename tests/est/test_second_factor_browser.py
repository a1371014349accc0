"""The second factor in Chromium: a passkey set up and used with a virtual authenticator, and
the new pages checked with axe-core."""

import pytest
from playwright.sync_api import expect

from est.access_log import AccessEntry, AccessKind
from tests.accessibility import wcag_violations
from tests.conftest import PASSWORD
from tests.second_factor import authenticator_app, totp_code

pytestmark = pytest.mark.browser


def give_password(page, live_server, user):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Användarnamn").fill(user.username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()


def test_a_coordinator_sets_up_a_passkey_and_logs_in_with_it(
    page, live_server, coordinator, settings
):
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    give_password(page, live_server, coordinator)
    expect(page.get_by_role("heading", name="Ställ in ett andra steg")).to_be_visible()
    assert wcag_violations(page) == []
    page.get_by_role("button", name="Lägg till en nyckel (passkey)").click()
    # The passkey is made, then the recovery codes are shown once.
    expect(page.get_by_role("heading", name="Dina reservkoder")).to_be_visible()
    assert coordinator.webauthncredential_set.filter(confirmed=True).count() == 1
    page.get_by_role("link", name="Jag har sparat dem, fortsätt").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Välkommen")

    page.get_by_role("button", name="Logga ut").click()
    # Logging out first forgets the pages kept offline, then posts: wait for it to arrive.
    page.wait_for_url("**/accounts/login/**")
    give_password(page, live_server, coordinator)
    expect(page.get_by_role("heading", name="Andra steget")).to_be_visible()
    assert wcag_violations(page) == []
    page.get_by_role("button", name="Använd en passkey").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Välkommen")


def test_the_account_and_access_log_pages_pass_axe_on_a_phone(
    browser, live_server, coordinator, arboga
):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    device = authenticator_app(coordinator)
    give_password(page, live_server, coordinator)
    page.get_by_label("Kod").fill(totp_code(device))
    page.get_by_role("button", name="Fortsätt").click()
    AccessEntry.objects.create(
        username="sara", kind=AccessKind.INCIDENT, municipality=arboga, target="händelse 1"
    )
    for path in ["/accounts/", "/accounts/tokens/new/", "/access-log/"]:
        page.goto(live_server.url + path)
        assert wcag_violations(page) == [], path
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (path, width)

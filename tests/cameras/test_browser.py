"""The register and the public page in Debian's chromium: the map draws, and axe-core finds no
WCAG 2.1 AA violation."""

import pytest
from django.conf import settings

from tests.accessibility import wcag_violations
from tests.cameras.factories import CameraFactory, FootageFactory
from tests.second_factor import log_in_with_second_factor

pytestmark = pytest.mark.browser


@pytest.fixture
def logged_in_page(page, live_server, client):
    """Return a function that gives ``page`` the session of ``user`` (no login form needed)."""

    def log_in(user):
        log_in_with_second_factor(client, user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
        )
        return page

    return log_in


def test_the_register_shows_cameras_on_the_map_and_in_the_table(
    arboga, coordinator, logged_in_page, live_server
):
    camera = CameraFactory(municipality=arboga, name="Resecentrum perrong")
    FootageFactory(camera=camera)
    page = logged_in_page(coordinator)
    page.goto(live_server.url + "/cameras/")
    assert page.get_by_role("link", name="Resecentrum perrong").is_visible()
    page.locator("#camera-map path.leaflet-interactive").first.wait_for(state="attached")
    # The coordinator's two municipal boundaries, the filmed area and the camera's marker.
    assert page.locator("#camera-map .leaflet-overlay-pane path").count() == 4
    assert wcag_violations(page) == []

    page.get_by_role("link", name="Resecentrum perrong").click()
    page.wait_for_url(f"**/cameras/{camera.pk}/")
    assert wcag_violations(page) == []


def test_the_public_page_needs_no_login_and_passes_axe(arboga, page, live_server):
    CameraFactory(municipality=arboga, premises="Arboga resecentrum")
    page.goto(live_server.url + "/kamerabevakning/")
    assert page.get_by_role("heading", name="Arboga resecentrum").is_visible()
    page.locator("#camera-map path.leaflet-interactive").first.wait_for(state="attached")
    assert wcag_violations(page) == []


def test_the_other_register_pages_pass_axe(arboga, coordinator, logged_in_page, live_server):
    camera = CameraFactory(municipality=arboga)
    footage = FootageFactory(camera=camera)
    page = logged_in_page(coordinator)
    for path in [
        "/cameras/new/",
        f"/cameras/{camera.pk}/footage/new/",
        f"/cameras/footage/{footage.pk}/",
        f"/cameras/footage/{footage.pk}/hold/",
        "/cameras/purges/",
        "/cameras/compliance/",
        "/cameras/disclosures/",
        "/data-subject-requests/",
    ]:
        page.goto(live_server.url + path)
        assert wcag_violations(page) == [], path

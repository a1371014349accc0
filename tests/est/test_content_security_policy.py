"""No script from data: names reach the page as text, and the Content Security Policy lets no
script run but our own files and the inline scripts that carry the request's nonce."""

import re

import pytest
from playwright.sync_api import expect

from dialogues.pledges.services import pledge_publish
from est.periods import Tertial
from est.settings.base import tile_origin
from reports.situation.compile import situation_picture_compile, situation_picture_ensure
from reports.tertial.compile import tertial_analysis_compile, tertial_analysis_ensure
from tests.cameras.factories import CameraFactory
from tests.dialogues.pledges.conftest import pledge_draft
from tests.dialogues.walks.helpers import announced_walk
from tests.factories import AreaFactory
from tests.reports.helpers import PERIOD_START, known_incidents

#: A name that runs script wherever it reaches the page as HTML.
STORED_SCRIPT = '<img src=x onerror="window.__pwned=1">'

#: Records what the browser reports: CSP violations and errors, before any page script runs.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__violations.push(
    event.violatedDirective + " blocked " + event.blockedURI + " in " + event.sourceFile
    + ":" + event.lineNumber
  );
});
"""


def policy(response) -> dict[str, list[str]]:
    """Return the response's Content-Security-Policy as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def test_every_page_has_a_policy_without_inline_script(client, client_for, coordinator):
    public = policy(client.get("/accounts/login/"))
    assert public["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in public["script-src"]
    assert "'unsafe-eval'" not in public["script-src"]
    assert "'unsafe-inline'" not in public["style-src"]
    assert public["object-src"] == ["'none'"]
    assert public["frame-ancestors"] == ["'none'"]
    assert public["base-uri"] == ["'self'"]
    assert public["form-action"] == ["'self'"]

    response = client_for(coordinator).get("/municipalities/1984/")
    script_src = policy(response)["script-src"]
    assert "'unsafe-inline'" not in script_src
    nonce = next(s for s in script_src if s.startswith("'nonce-"))[len("'nonce-") : -1]
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", response.content.decode())
    assert inline, "the page has an inline script to start its map"
    for attributes in inline:
        assert "application/json" in attributes or f'nonce="{nonce}"' in attributes


def test_the_tile_server_is_allowed_for_images_only_when_set():
    assert tile_origin("") == ""
    assert tile_origin("https://{s}.tile.example.org/{z}/{x}/{y}.png") == (
        "https://*.tile.example.org"
    )
    assert tile_origin("https://kartor.example.se:8443/wmts/{z}/{x}/{y}") == (
        "https://kartor.example.se:8443"
    )
    assert tile_origin("//tiles.example.org/{z}/{x}/{y}.png") == "tiles.example.org"


@pytest.mark.browser
def test_a_stored_script_in_an_area_name_shows_as_text(log_in_page, coordinator, arboga):
    AreaFactory(municipality=arboga, name=STORED_SCRIPT)
    page = log_in_page(coordinator)
    page.goto(page.url + "municipalities/1984/")
    areas = page.locator("#municipality-map .leaflet-overlay-pane path")
    expect(areas).to_have_count(2)
    areas.last.hover()
    expect(page.locator("#municipality-map .leaflet-tooltip")).to_have_text(STORED_SCRIPT)
    expect(page.get_by_role("table")).to_contain_text(STORED_SCRIPT)
    assert page.evaluate("window.__pwned") is None


@pytest.mark.browser
def test_a_stored_script_in_a_camera_name_shows_as_text(log_in_page, coordinator, arboga):
    CameraFactory(municipality=arboga, name=STORED_SCRIPT)
    page = log_in_page(coordinator)
    page.goto(page.url + "cameras/")
    camera = page.locator("#camera-map path.leaflet-interactive").last
    camera.hover()
    expect(page.locator("#camera-map .leaflet-tooltip")).to_have_text(STORED_SCRIPT)
    assert page.evaluate("window.__pwned") is None


@pytest.fixture
def every_page_has_data(arboga, kungsor, coordinator, police):
    """One of each thing the main pages show: incidents, a compiled situation picture and
    tertial analysis, an area, a camera and a published pledge, each named with a script."""
    known_incidents(arboga, kungsor)
    picture, _ = situation_picture_ensure(municipality=arboga, period_start=PERIOD_START)
    situation_picture_compile(picture_id=picture.pk)
    analysis, _ = tertial_analysis_ensure(municipality=arboga, tertial=Tertial(2025, 1))
    tertial_analysis_compile(analysis_id=analysis.pk)
    area = AreaFactory(municipality=arboga, name=STORED_SCRIPT)
    camera = CameraFactory(municipality=arboga, name=STORED_SCRIPT)
    pledge = pledge_publish(pledge=pledge_draft(arboga, coordinator), by=coordinator)
    walk = announced_walk(arboga, coordinator, title=STORED_SCRIPT, meeting_place=STORED_SCRIPT)
    return {
        "picture": picture,
        "analysis": analysis,
        "area": area,
        "camera": camera,
        "pledge": pledge,
        "walk": walk,
    }


#: (path, whether a Leaflet map draws there) for each role; {names} come from every_page_has_data.
PAGES = {
    "coordinator": [
        ("/", False),
        ("/reports/incidents/", True),
        ("/reports/new/", True),
        ("/situation/", False),
        ("/situation/{picture}/", False),
        ("/situation/{picture}/interventions/new/", True),
        ("/tertial/", False),
        ("/tertial/{analysis}/", False),
        ("/municipalities/1984/", True),
        ("/municipalities/1984/areas/new/", True),
        ("/cameras/", True),
        ("/cameras/new/", True),
        ("/cameras/{camera}/", True),
        ("/pledges/", False),
        ("/pledges/{pledge}/", False),
        ("/walks/", False),
        ("/walks/{walk}/edit/", True),
        ("/api/v1/docs/", False),
    ],
    "reporter": [("/", False), ("/reports/new/", True), ("/reports/round/", True)],
    "police": [("/", False), ("/reports/incidents/", True), ("/pledges/", False)],
    "council_member": [("/", False), ("/tertial/", False), ("/tertial/{analysis}/", False)],
    # The admin's map widgets are django-leaflet's, which take the nonce from the request.
    "administrator": [
        ("/admin/", False),
        ("/admin/est/area/{area}/change/", True),
        ("/admin/cameras/camera/{camera}/change/", True),
    ],
    None: [
        ("/accounts/login/", False),
        ("/admin/login/", False),
        ("/kamerabevakning/", True),
        ("/medborgarloften/", False),
        ("/medborgarloften/1984/", False),
        ("/trygghetsvandringar/1984/", False),
        ("/trygghetsvandringar/1984/{walk}/", True),
    ],
}


@pytest.mark.browser
@pytest.mark.parametrize("role", list(PAGES), ids=lambda role: role or "public")
def test_no_page_breaks_the_policy_and_the_maps_still_draw(
    request, page, live_server, log_in_page, every_page_has_data, role
):
    page.add_init_script(RECORD_VIOLATIONS)
    errors = []

    def console(message):
        # The admin's pages name no icon, so the browser asks for /favicon.ico and gets a 404.
        if message.type == "error" and not message.location["url"].endswith("/favicon.ico"):
            errors.append(f"{message.text} ({message.location['url']})")

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    if role:
        log_in_page(request.getfixturevalue(role))
    names = {key: thing.pk for key, thing in every_page_has_data.items()}
    for path, has_map in PAGES[role]:
        url = live_server.url + path.format(**names)
        response = page.goto(url)
        assert response.ok, url
        if has_map:
            expect(page.locator(".leaflet-container path").first).to_be_attached()
        if path == "/api/v1/docs/":
            expect(page.locator(".swagger-ui .information-container")).to_be_visible()
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__violations") == [], url
        assert errors == [], url
        assert page.evaluate("window.__pwned") is None, url

"""Open311 GeoReport v2 over the tips, JSON and XML, field by field against the spec
(https://wiki.open311.org/GeoReport_v2): services, a service definition, creating a request with
a client application's key, reading published requests, and the spec's errors."""

from xml.etree import ElementTree

import pytest
from django.core.management import call_command

from dialogues.tips.models import Tip
from dialogues.tips.open311.keys import open311_client_create, open311_client_revoke
from dialogues.tips.services import tip_close, tip_pass_as_measure, tip_publish
from tests.dialogues.findings import street_department
from tests.dialogues.tips.helpers import inside, tip_in

pytestmark = pytest.mark.django_db

REQUEST_FIELDS = [
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
]


@pytest.fixture
def key(db):
    return open311_client_create(name="FixMyStreet Arboga")[1]


def _xml(response):
    assert response["Content-Type"].startswith("text/xml")
    return ElementTree.fromstring(response.content)  # noqa: S314 (our own answer, in a test)


def _post(client, fmt, arboga, **changes):
    latitude, longitude = inside(arboga)
    data = {
        "jurisdiction_id": arboga.code,
        "service_code": "bushes",
        "lat": latitude,
        "long": longitude,
        "address_string": "Parkvägen 3",
        "email": "boende@example.se",
        "description": "Buskarna skymmer gångvägen",
        "device_id": "phone-1",
        **changes,
    }
    return client.post(
        f"/open311/v2/requests.{fmt}", {k: v for k, v in data.items() if v is not None}
    )


def test_services_in_json_and_xml(client, arboga):
    services = client.get("/open311/v2/services.json", {"jurisdiction_id": "1984"}).json()
    assert [service["service_code"] for service in services] == [
        "dark_path",
        "bushes",
        "lighting",
        "vandalism",
        "gathering",
        "traffic",
        "other",
    ]
    assert services[0] == {
        "service_code": "dark_path",
        "service_name": "Mörk gångväg",
        "description": "Ett tips om en plats som känns otrygg: mörk gångväg.",
        "metadata": False,
        "type": "batch",
        "keywords": "",
        "group": "Otrygga platser",
    }
    root = _xml(client.get("/open311/v2/services.xml", {"jurisdiction_id": "1984"}))
    assert root.tag == "services"
    first = root.find("service")
    assert [child.tag for child in first] == list(services[0])
    assert first.findtext("metadata") == "false"
    assert first.findtext("service_name") == "Mörk gångväg"
    definition = client.get("/open311/v2/services/bushes.json", {"jurisdiction_id": "1984"})
    assert definition.json() == {"service_code": "bushes", "attributes": []}
    root = _xml(client.get("/open311/v2/services/bushes.xml", {"jurisdiction_id": "1984"}))
    assert root.tag == "service_definition"
    assert root.findtext("service_code") == "bushes"


def test_a_request_created_is_a_tip_moderated_before_it_is_public(client, arboga, key):
    response = _post(client, "json", arboga, api_key=key)
    assert response.status_code == 200
    (created,) = response.json()
    assert set(created) == {"service_request_id", "service_notice", "account_id"}
    tip = Tip.objects.get(pk=created["service_request_id"])
    assert tip.source == "open311"
    assert tip.status == "new"
    assert tip.category == "bushes"
    assert tip.place_name == "Parkvägen 3"
    assert tip.email == "boende@example.se"
    # Not public before the coordinator approves it.
    missing = client.get(f"/open311/v2/requests/{tip.pk}.json", {"jurisdiction_id": "1984"})
    assert missing.status_code == 404
    assert missing.json() == [{"code": 404, "description": "Hittades inte."}]
    root = _xml(_post(client, "xml", arboga, api_key=key, device_id="phone-2"))
    assert root.tag == "service_requests"
    assert root.find("request").findtext("service_request_id").isdigit()


def test_requests_read_field_by_field(client, arboga, coordinator):
    open_tip = tip_in(arboga, place_name="Skolgatan 1")
    tip_publish(tip=open_tip, by=coordinator, published=True)
    measured = tip_in(arboga, east=500, category="lighting")
    tip_pass_as_measure(
        tip=measured, by=coordinator, title="Byt lampor", responsible=street_department(arboga)
    )
    tip_publish(tip=measured, by=coordinator, published=True)
    closed = tip_in(arboga, east=900)
    tip_close(tip=closed, by=coordinator, reason="Privat mark")
    tip_publish(tip=closed, by=coordinator, published=True)
    tip_in(arboga, east=1200, description="Inte publicerat")

    records = client.get("/open311/v2/requests.json", {"jurisdiction_id": "1984"}).json()
    assert {r["service_request_id"] for r in records} == {
        str(open_tip.pk),
        str(measured.pk),
        str(closed.pk),
    }
    for record in records:
        assert list(record) == REQUEST_FIELDS
    first = next(r for r in records if r["service_request_id"] == str(open_tip.pk))
    latitude, longitude = inside(arboga)
    assert first["status"] == "open"
    assert first["status_notes"] == "Mottaget. Samordnaren läser det snart."
    assert first["service_code"] == "dark_path"
    assert first["service_name"] == "Mörk gångväg"
    assert first["description"] is None
    assert first["media_url"] is None
    assert first["agency_responsible"] == "Arboga"
    assert first["address"] == "Skolgatan 1"
    assert first["lat"] == pytest.approx(latitude, abs=1e-5)
    assert first["long"] == pytest.approx(longitude, abs=1e-5)
    assert first["requested_datetime"] == open_tip.created_at.isoformat(timespec="seconds")
    by_id = {r["service_request_id"]: r for r in records}
    assert by_id[str(measured.pk)]["agency_responsible"] == "Tekniska förvaltningen"
    assert by_id[str(closed.pk)]["status"] == "closed"
    assert by_id[str(closed.pk)]["status_notes"] == "Stängt. Privat mark"

    closed_only = client.get(
        "/open311/v2/requests.json", {"jurisdiction_id": "1984", "status": "closed"}
    ).json()
    assert [r["service_request_id"] for r in closed_only] == [str(closed.pk)]
    lighting = client.get(
        "/open311/v2/requests.json", {"jurisdiction_id": "1984", "service_code": "lighting"}
    ).json()
    assert [r["service_request_id"] for r in lighting] == [str(measured.pk)]

    root = _xml(client.get(f"/open311/v2/requests/{open_tip.pk}.xml", {"jurisdiction_id": "1984"}))
    assert root.tag == "service_requests"
    (request,) = root.findall("request")
    assert [child.tag for child in request] == REQUEST_FIELDS
    assert request.findtext("status") == "open"
    assert float(request.findtext("lat")) == pytest.approx(latitude, abs=1e-5)
    assert request.findtext("media_url") == ""


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_errors_in_the_specs_format(client, arboga, key, fmt):
    def errors(response):
        if fmt == "json":
            return [(e["code"], e["description"]) for e in response.json()]
        root = _xml(response)
        assert root.tag == "errors"
        return [(int(e.findtext("code")), e.findtext("description")) for e in root]

    missing_key = _post(client, fmt, arboga)
    assert missing_key.status_code == 403
    assert errors(missing_key) == [(403, "api_key saknas eller är ogiltig.")]
    wrong_key = _post(client, fmt, arboga, api_key=key + "x")
    assert wrong_key.status_code == 403
    no_jurisdiction = client.get(f"/open311/v2/services.{fmt}")
    assert errors(no_jurisdiction)[0][0] == 400
    assert client.get(f"/open311/v2/services.{fmt}", {"jurisdiction_id": "9999"}).status_code == 404
    unknown = _post(client, fmt, arboga, api_key=key, service_code="nope")
    assert errors(unknown) == [(400, "Välj vad det är för slags plats.")]
    no_place = _post(client, fmt, arboga, api_key=key, lat=None, long=None)
    assert errors(no_place)[0][0] == 400
    bad_date = client.get(
        f"/open311/v2/requests.{fmt}", {"jurisdiction_id": "1984", "start_date": "igår"}
    )
    assert errors(bad_date)[0][0] == 400
    assert not Tip.objects.exists()


def test_outside_the_jurisdiction_and_a_revoked_key_are_refused(client, arboga, kungsor):
    client_app, key = open311_client_create(name="App")
    latitude, longitude = inside(kungsor)
    outside = _post(client, "json", arboga, api_key=key, lat=latitude, long=longitude)
    assert outside.status_code == 400
    assert "Positionen ligger i Kungsör, inte i Arboga." in outside.json()[0]["description"]
    open311_client_revoke(client=client_app)
    assert _post(client, "json", arboga, api_key=key).status_code == 403


def test_an_administrator_issues_a_key(capsys, db):
    call_command("open311_key_create", "Felanmälan Kungsör")
    name, key = capsys.readouterr().out.strip().split(": ")
    assert name == "Felanmälan Kungsör"
    assert "." in key


def test_other_municipalities_requests_are_not_found(client, arboga, kungsor, coordinator):
    tip = tip_in(arboga)
    tip_publish(tip=tip, by=coordinator, published=True)
    response = client.get(f"/open311/v2/requests/{tip.pk}.json", {"jurisdiction_id": "1960"})
    assert response.status_code == 404
    assert client.get("/open311/v2/requests.json", {"jurisdiction_id": "1960"}).json() == []

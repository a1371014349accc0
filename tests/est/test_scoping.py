"""A user of one municipality never reaches another's data, in the pages or the API."""

import pytest

from est.api_tokens import api_token_create
from tests.factories import AreaFactory


@pytest.fixture
def arboga_area(arboga):
    return AreaFactory(municipality=arboga, name="Centrum")


@pytest.mark.parametrize(
    "path",
    [
        "/municipalities/1984/",
        "/municipalities/1984/areas/new/",
        "/areas/{area}/edit/",
        "/areas/{area}/delete/",
        "/api/v1/municipalities/1984/",
        "/api/v1/areas/{area}/",
    ],
)
def test_kungsor_user_guessing_arboga_ids_gets_404(client_for, outsider, arboga_area, path):
    response = client_for(outsider).get(path.format(area=arboga_area.pk))
    assert response.status_code == 404


def test_kungsor_user_lists_only_kungsor(client_for, outsider, arboga_area, kungsor):
    AreaFactory(municipality=kungsor, name="Kungsudden")
    client = client_for(outsider)
    # One municipality: the list leads straight to it.
    assert client.get("/municipalities/").url == "/municipalities/1960/"
    assert [m["code"] for m in client.get("/api/v1/municipalities/").json()["results"]] == ["1960"]
    areas = client.get("/api/v1/areas/").json()["results"]["features"]
    assert [area["properties"]["name"] for area in areas] == ["Kungsudden"]
    assert "Centrum" not in client.get("/municipalities/1960/").content.decode()


def test_coordinator_of_both_sees_both(client_for, coordinator, arboga_area):
    response = client_for(coordinator).get("/api/v1/municipalities/")
    assert {m["code"] for m in response.json()["results"]} == {"1984", "1960"}
    assert client_for(coordinator).get(f"/api/v1/areas/{arboga_area.pk}/").status_code == 200


def test_api_needs_a_login_or_a_token(client, arboga_area, reporter):
    assert client.get("/api/v1/areas/").status_code in (401, 403)
    _token, key = api_token_create(user=reporter, name="tests")
    response = client.get("/api/v1/areas/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    assert response.json()["results"]["type"] == "FeatureCollection"


def test_openapi_schema_is_served(client_for, reporter):
    response = client_for(reporter).get("/api/v1/schema/")
    assert response.status_code == 200
    assert b"/api/v1/areas/" in response.content


@pytest.mark.parametrize("path", ["/api/v1/schema/", "/api/v1/docs/"])
def test_the_api_schema_and_docs_need_a_login(client, db, path):
    response = client.get(path)
    assert response.status_code in (401, 403)
    assert b"/api/v1/areas/" not in response.content


def test_a_token_reads_the_schema_and_a_session_the_docs(client, client_for, reporter):
    _token, key = api_token_create(user=reporter, name="tests")
    response = client.get("/api/v1/schema/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    assert b"/api/v1/areas/" in response.content
    assert client_for(reporter).get("/api/v1/docs/").status_code == 200

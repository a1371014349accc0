"""The public page: where the municipality films and why, for anyone, with no internal details."""

from cameras.models import Camera
from tests.cameras.factories import CameraFactory, FootageFactory


def test_anyone_sees_where_and_why_the_municipality_films(arboga, client):
    camera = CameraFactory(
        municipality=arboga,
        premises="Arboga resecentrum",
        purpose="Förebygga rån och skadegörelse vid resecentrum.",
        permit_reference="DI-2025-9999",
        permit_conditions="Hemligt villkor",
    )
    FootageFactory(camera=camera, description="Man i blå jacka")
    response = client.get("/kamerabevakning/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Arboga resecentrum" in html
    assert "Förebygga rån och skadegörelse vid resecentrum." in html
    assert "Kommunstyrelsen" in html
    for internal in [
        "DI-2025-9999",
        "Hemligt villkor",
        "Man i blå jacka",
        camera.organisation.name,
    ]:
        assert internal not in html
    layers = response.context["layers"]
    assert len(layers["cameras"]["features"]) == 1
    assert set(layers["cameras"]["features"][0]["properties"]) == {"premises"}


def test_decommissioned_cameras_are_not_shown(arboga, client):
    CameraFactory(municipality=arboga, premises="Gamla torget", status=Camera.Status.DECOMMISSIONED)
    assert "Gamla torget" not in client.get("/kamerabevakning/").content.decode()


def test_the_public_page_is_in_english_too(arboga, client):
    CameraFactory(municipality=arboga)
    client.cookies["django_language"] = "en"
    response = client.get("/kamerabevakning/")
    assert "Where the municipality films" in response.content.decode()

"""The public map of approved tips, kept between changes: publishing, a decision and taking a
tip off the map show at once on the page and in its GeoJSON, which has no personal data."""

import pytest
from django.urls import reverse

from dialogues.tips.services import tip_close, tip_publish
from tests.dialogues.tips.helpers import tip_in

pytestmark = pytest.mark.django_db


def _geojson(client, municipality):
    response = client.get(reverse("public_tips_geojson", args=[municipality.code]))
    assert response["Content-Type"] == "application/geo+json"
    return response.json()


def test_the_kept_map_follows_every_change(
    client, coordinator, arboga, django_capture_on_commit_callbacks
):
    tip = tip_in(arboga, email="boende@example.se", description="Mörk gångväg vid skolan")
    page = reverse("public_tips", args=[arboga.code])
    assert _geojson(client, arboga)["features"] == []
    assert "Inga tips visas ännu." in client.get(page).text
    with django_capture_on_commit_callbacks(execute=True):
        tip_publish(tip=tip, by=coordinator, published=True)
    (feature,) = _geojson(client, arboga)["features"]
    assert feature["properties"] == {"category": "dark_path", "status": "new", "pk": tip.pk}
    assert "1 tips godkänt av samordnaren" in client.get(page).text
    with django_capture_on_commit_callbacks(execute=True):
        tip_close(tip=tip, by=coordinator, reason="Belysningen är lagad.")
    assert _geojson(client, arboga)["features"][0]["properties"]["status"] == "closed"
    assert "Avslutad" in client.get(page).text
    with django_capture_on_commit_callbacks(execute=True):
        tip_publish(tip=tip, by=coordinator, published=False)
    assert _geojson(client, arboga)["features"] == []
    text = client.get(page).text
    assert "Inga tips visas ännu." in text
    assert "boende@example.se" not in text


def test_another_municipalitys_map_has_none_of_them(client, coordinator, arboga, kungsor):
    tip_publish(tip=tip_in(arboga), by=coordinator, published=True)
    assert _geojson(client, kungsor)["features"] == []
    assert client.get("/otrygga-platser/9999/tips.geojson").status_code == 404

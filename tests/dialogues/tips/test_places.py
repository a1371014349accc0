"""An address or place name typed in a tip instead of a point on the map: found in the local
gazetteer (imported places, named areas, walks' meeting places) or by the optional geocoder,
not found, or found in another municipality — with everything typed kept; the suggestions as
one types, scoped to the form's municipality; and the import of an open file."""

import http.server
import json
import threading
from contextlib import contextmanager

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from dialogues.tips.models import Tip
from dialogues.tips.places.imports import PlaceRow, named_places_import
from dialogues.tips.places.models import NamedPlace
from reports.incidents.filing import point_from_lat_lon
from tests.dialogues.tips.helpers import inside
from tests.factories import AreaFactory

pytestmark = pytest.mark.django_db


def place(municipality, name, *, east=0, north=0):
    """Put ``name`` in ``municipality``'s gazetteer, ``east``/``north`` metres from its middle;
    return its (latitude, longitude)."""
    latitude, longitude = inside(municipality, east=east, north=north)
    named_places_import(
        municipality=municipality,
        rows=[PlaceRow(name, point_from_lat_lon(latitude, longitude))],
        source="test",
    )
    return latitude, longitude


def _form(**changes):
    return {
        "latitude": "",
        "longitude": "",
        "place_name": "Storgatan 12",
        "category": "lighting",
        "description": "Tre lampor är trasiga, helt mörkt på kvällen.",
        "email": "boende@example.se",
        "website": "",
        **changes,
    }


def _sent(client, municipality, **changes):
    return client.post(reverse("public_tip_create", args=[municipality.code]), _form(**changes))


def test_a_typed_address_puts_the_tip_there(client, arboga):
    latitude, longitude = place(arboga, "Storgatan", east=1200, north=-800)
    response = _sent(client, arboga, place_name="storgatan 12")
    tip = Tip.objects.get()
    assert response.url == reverse("public_tip_status", args=[tip.token])
    assert tip.place_name == "storgatan 12"
    assert tip.position.transform(4326, clone=True).coords == pytest.approx(
        (longitude, latitude), abs=1e-6
    )


def test_a_point_on_the_map_wins_over_the_typed_address(client, arboga):
    place(arboga, "Storgatan", east=1200)
    latitude, longitude = inside(arboga, north=2000)
    _sent(client, arboga, latitude=latitude, longitude=longitude)
    stored = Tip.objects.get().position.transform(4326, clone=True)
    assert stored.coords == pytest.approx((longitude, latitude), abs=1e-6)


def test_areas_and_walk_meeting_places_are_found_too(client, arboga):
    AreaFactory(municipality=arboga, name="Ekbacken")
    response = _sent(client, arboga, place_name="Ekbacken")
    assert response.status_code == 302
    assert arboga.boundary.intersects(Tip.objects.get().position)


def test_an_address_not_found_is_said_plainly_and_everything_typed_is_kept(client, arboga):
    place(arboga, "Storgatan")
    response = _sent(client, arboga, place_name="Okändavägen 3")
    assert response.status_code == 400
    assert "Vi kunde inte hitta ”Okändavägen 3” i Arboga." in response.text
    assert 'value="Okändavägen 3"' in response.text
    assert "Tre lampor är trasiga, helt mörkt på kvällen." in response.text
    assert 'value="boende@example.se"' in response.text
    assert not Tip.objects.exists()


def test_an_address_in_another_municipality_says_where_it_is(client, arboga, kungsor):
    place(kungsor, "Torggatan")
    response = _sent(client, arboga, place_name="Torggatan")
    assert response.status_code == 400
    assert "”Torggatan” ligger i Kungsör, inte i Arboga." in response.text
    assert 'value="Torggatan"' in response.text
    assert not Tip.objects.exists()


def test_neither_a_point_nor_an_address_asks_for_the_place(client, arboga):
    response = _sent(client, arboga, place_name="")
    assert response.status_code == 400
    assert "Markera platsen på kartan" in response.text


def test_suggestions_as_one_types_are_the_municipalitys_own(client, arboga, kungsor):
    place(arboga, "Storgatan")
    place(arboga, "Stora torget", east=300)
    place(kungsor, "Storgatan")
    url = reverse("public_tip_places", args=[arboga.code])
    found = client.get(url, {"q": "storg"}).json()["places"]
    assert [p["name"] for p in found] == ["Storgatan", "Stora torget"]
    assert all(
        arboga.boundary.intersects(
            point_from_lat_lon(p["latitude"], p["longitude"]).transform(
                arboga.boundary.srid, clone=True
            )
        )
        for p in found
    )
    assert client.get(url, {"q": "s"}).json() == {"places": []}
    assert client.get(url, {"q": "x" * 5000}).json() == {"places": []}
    assert client.get(url, {"q": "100%_\\"}).status_code == 200
    assert client.post(url, {"q": "storg"}).status_code == 405
    assert client.get("/otrygga-platser/9999/platser/", {"q": "storg"}).status_code == 404


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_open311_address_string_without_lat_and_long(client, arboga, fmt):
    from dialogues.tips.open311.keys import open311_client_create

    key = open311_client_create(name="App")[1]
    place(arboga, "Storgatan", east=500)
    data = {
        "api_key": key,
        "jurisdiction_id": arboga.code,
        "service_code": "bushes",
        "address_string": "Storgatan 4",
        "description": "Buskarna skymmer gångvägen",
    }
    response = client.post(f"/open311/v2/requests.{fmt}", data)
    assert response.status_code == 200
    assert Tip.objects.get().place_name == "Storgatan 4"
    missing = client.post(f"/open311/v2/requests.{fmt}", {**data, "address_string": "Ingenstans"})
    assert missing.status_code == 400
    assert "Vi kunde inte hitta ”Ingenstans” i Arboga." in missing.content.decode()


@contextmanager
def geocoder(answers):
    """Run a Nominatim-like geocoder on a free loopback port that answers ``answers`` to any
    search; yield its URL (an outside service stands in here, not a part of ours)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            body = json.dumps(answers).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def test_the_configured_geocoder_finds_what_the_gazetteer_does_not(
    client, arboga, kungsor, settings
):
    latitude, longitude = inside(arboga, east=-700)
    elsewhere = inside(kungsor)
    answers = [
        {"lat": str(elsewhere[0]), "lon": str(elsewhere[1]), "display_name": "Kungsör"},
        {"lat": str(latitude), "lon": str(longitude), "display_name": "Skolvägen, Arboga"},
    ]
    with geocoder(answers) as url:
        settings.TIPS_GEOCODER_URL = url
        assert _sent(client, arboga, place_name="Skolvägen 2").status_code == 302
        with geocoder(answers[:1]) as only_elsewhere:
            settings.TIPS_GEOCODER_URL = only_elsewhere
            outside = _sent(client, arboga, place_name="Skolvägen 9")
    stored = Tip.objects.get().position.transform(4326, clone=True)
    assert stored.coords == pytest.approx((longitude, latitude), abs=1e-6)
    assert "”Skolvägen 9” ligger i Kungsör, inte i Arboga." in outside.text


def test_a_geocoder_that_does_not_answer_is_no_error(client, arboga, settings):
    settings.TIPS_GEOCODER_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    settings.TIPS_GEOCODER_TIMEOUT = 0.5
    response = _sent(client, arboga, place_name="Skolvägen 2")
    assert response.status_code == 400
    assert "Vi kunde inte hitta ”Skolvägen 2” i Arboga." in response.text


def test_an_administrator_imports_places_from_csv_and_geojson(arboga, tmp_path, capsys):
    latitude, longitude = inside(arboga)
    far = inside(arboga, east=50_000)
    csv_file = tmp_path / "adresser.csv"
    csv_file.write_text(
        "# An extract, with a comment\nname,latitude,longitude\n"
        f"Storgatan 1,{latitude},{longitude}\nLångt bort,{far[0]},{far[1]}\n",
        encoding="utf-8",
    )
    call_command("places_import", str(csv_file), municipality=arboga.code)
    assert "1 places stored, 1 outside it left out" in capsys.readouterr().out
    geojson = tmp_path / "osm.geojson"
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
        "properties": {"namn": "Storgatan 1"},
    }
    geojson.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    call_command("places_import", str(geojson), municipality=arboga.code, name_field="namn")
    assert list(NamedPlace.objects.values_list("name", "source")) == [
        ("Storgatan 1", "osm.geojson")
    ]
    bad = tmp_path / "trasig.csv"
    bad.write_text("name,latitude,longitude\nStorgatan,norr,öster\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Rad 2 saknar latitud och longitud"):
        call_command("places_import", str(bad), municipality=arboga.code)

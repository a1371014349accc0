"""Coordinators draw and name areas inside a municipality."""

import json

import pytest

from est.models import Area
from tests.factories import AreaFactory, drawn, drawn_outline


def test_coordinator_draws_an_area_stored_in_sweref(client_for, coordinator, arboga):
    x, y = arboga.boundary.extent[:2]
    response = client_for(coordinator).post(
        "/municipalities/1984/areas/new/",
        {
            "name": "Centrum",
            "kind": "centre",
            "boundary": drawn(x + 1000, y + 1000, x + 2000, y + 1500),
        },
    )
    assert response.status_code == 302
    area = Area.objects.get(name="Centrum")
    assert area.municipality == arboga
    assert area.boundary.srid == 3006
    assert round(area.size_km2, 2) == 0.5


def test_area_outside_the_municipality_is_refused_and_nothing_is_lost(
    client_for, coordinator, arboga, kungsor
):
    x, y = kungsor.boundary.extent[:2]
    response = client_for(coordinator).post(
        "/municipalities/1984/areas/new/",
        {
            "name": "Fel ställe",
            "kind": "park",
            "description": "Vid ån",
            "boundary": drawn(x, y, x + 500, y + 500),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "100 % av området ligger utanför Arboga" in page
    assert 'value="Fel ställe"' in page
    assert "Vid ån" in page
    assert not Area.objects.exists()


def test_area_slightly_over_the_border_is_cut_to_the_municipality(client_for, coordinator, arboga):
    x1, y1 = arboga.boundary.extent[2:]
    # 2 % of this 1000 × 1000 m square is outside the municipality's eastern edge.
    client_for(coordinator).post(
        "/municipalities/1984/areas/new/",
        {
            "name": "Kanten",
            "kind": "district",
            "boundary": drawn(x1 - 980, y1 - 2000, x1 + 20, y1 - 1000),
        },
    )
    assert round(Area.objects.get(name="Kanten").size_km2, 3) == 0.98


def test_names_are_unique_per_municipality(client_for, coordinator, arboga):
    AreaFactory(municipality=arboga, name="Centrum")
    x, y = arboga.boundary.extent[:2]
    response = client_for(coordinator).post(
        "/municipalities/1984/areas/new/",
        {"name": "centrum", "kind": "centre", "boundary": drawn(x, y, x + 500, y + 500)},
    )
    assert "Arboga har redan ett område med det namnet." in response.content.decode()
    assert Area.objects.count() == 1


@pytest.mark.parametrize("garbage", ["{not json", '{"type": "Point", "coordinates": [1]}', ""])
def test_a_broken_drawing_is_a_message_not_an_error(client_for, coordinator, arboga, garbage):
    response = client_for(coordinator).post(
        "/municipalities/1984/areas/new/", {"name": "Nytt", "kind": "centre", "boundary": garbage}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in page
    assert 'value="Nytt"' in page


def test_coordinator_edits_and_deletes(client_for, coordinator, arboga):
    area = AreaFactory(municipality=arboga, name="Nyby")
    x, y = arboga.boundary.extent[:2]
    client = client_for(coordinator)
    response = client.post(
        f"/areas/{area.pk}/edit/",
        {
            "name": "Nyby norra",
            "kind": "district",
            "boundary": drawn(x + 100, y + 100, x + 600, y + 600),
        },
    )
    assert response.status_code == 302
    area.refresh_from_db()
    assert area.name == "Nyby norra"
    client.post(f"/areas/{area.pk}/delete/")
    assert not Area.objects.exists()


def test_reporters_and_police_may_look_but_not_draw(client_for, reporter, police, arboga):
    assert client_for(reporter).get("/municipalities/1984/").status_code == 200
    assert client_for(reporter).get("/municipalities/1984/areas/new/").status_code == 403
    assert client_for(police).get("/municipalities/1984/areas/new/").status_code == 403


def test_map_page_carries_boundary_and_areas_as_geojson(client_for, reporter, arboga):
    AreaFactory(municipality=arboga, name="Ekbacken")
    page = client_for(reporter).get("/municipalities/1984/").content.decode()
    layers = json.loads(
        page.split('id="map-layers" type="application/json">')[1].split("</script>")[0]
    )
    assert layers["boundary"]["features"][0]["properties"]["name"] == "Arboga"
    assert [f["properties"]["name"] for f in layers["areas"]["features"]] == ["Ekbacken"]
    # WGS 84 for Leaflet: longitudes and latitudes, not metres.
    lon, lat = layers["areas"]["features"][0]["geometry"]["coordinates"][0][0][0]
    assert abs(lon) <= 180
    assert abs(lat) <= 90


def test_an_outline_that_crosses_itself_is_refused_with_a_message(client_for, coordinator, arboga):
    x, y = arboga.boundary.point_on_surface.coords
    bow_tie = drawn_outline((x, y), (x + 500, y + 500), (x + 500, y), (x, y + 500))
    response = client_for(coordinator).post(
        "/municipalities/1984/areas/new/", {"name": "Fluga", "kind": "park", "boundary": bow_tie}
    )
    page = response.content.decode()
    assert "Konturen korsar sig själv." in page
    assert 'value="Fluga"' in page
    assert not Area.objects.exists()

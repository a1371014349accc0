"""The map's data: single incidents where few are in view, counts per cell where many are, police
events in a layer of their own, the same filter and scope as the list, and clear 400s."""

import datetime
import random

import pytest
from django.contrib.gis.geos import Point
from django.urls import reverse
from django.utils import timezone

from reports.incidents.map_data import MAX_FEATURES
from reports.incidents.models import Incident
from tests.reports.conftest import category_of, centre_of


def view_of(*municipalities, zoom=12) -> dict:
    """Return the query of a map view just around ``municipalities``."""
    boxes = [m.boundary.transform(4326, clone=True).extent for m in municipalities]
    west, south = min(b[0] for b in boxes), min(b[1] for b in boxes)
    east, north = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return {"bbox": f"{west:.5f},{south:.5f},{east:.5f},{north:.5f}", "zoom": str(zoom)}


def many_incidents(municipality, count, *, category="graffiti", days_ago=3, **fields):
    """Insert ``count`` incidents spread over ``municipality``'s square, straight into the table."""
    rng = random.Random(count)  # noqa: S311 (test positions, not secrets)
    x0, y0, x1, y1 = municipality.boundary.extent
    when = timezone.now() - datetime.timedelta(days=days_ago)
    Incident.objects.bulk_create(
        Incident(
            municipality=municipality,
            category=category_of(municipality, category),
            occurred_from=when,
            occurred_to=when,
            position=Point(rng.uniform(x0, x1), rng.uniform(y0, y1), srid=3006),
            **fields,
        )
        for _ in range(count)
    )


def map_data(client, query):
    response = client.get(reverse("incident_map_data"), query)
    assert response.status_code == 200, response.content
    return response.json()


def test_few_incidents_come_one_by_one_with_a_link(
    client_for, coordinator, arboga, reporter, file_incident
):
    incident = file_incident(reporter, arboga, place_name="Torget")

    data = map_data(client_for(coordinator), view_of(arboga))

    assert data["incidents"]["kind"] == "points"
    [feature] = data["incidents"]["features"]
    assert feature["properties"]["id"] == incident.pk
    assert feature["properties"]["url"] == reverse("incident_detail", args=[incident.pk])
    lon, lat = feature["geometry"]["coordinates"]
    wgs84 = centre_of(arboga).transform(4326, clone=True)
    assert (lon, lat) == pytest.approx((wgs84.x, wgs84.y), abs=1e-5)


def test_many_incidents_come_as_counted_cells_never_more_than_the_limit(
    client_for, coordinator, arboga
):
    many_incidents(arboga, MAX_FEATURES + 1)

    zoomed_out = map_data(client_for(coordinator), view_of(arboga, zoom=8))
    street_level = map_data(client_for(coordinator), view_of(arboga, zoom=16))

    assert zoomed_out["incidents"]["kind"] == "cells"
    cells = zoomed_out["incidents"]["features"]
    assert sum(c["properties"]["count"] for c in cells) == MAX_FEATURES + 1
    assert len(cells) < 10  # 16 km cells over a 10 km square
    # Zoomed in, the same view is cut into smaller cells, still never more than the limit.
    assert street_level["incidents"]["kind"] == "cells"
    assert 10 < len(street_level["incidents"]["features"]) <= MAX_FEATURES


def test_zooming_into_a_cell_shows_its_incidents_one_by_one(client_for, coordinator, arboga):
    many_incidents(arboga, MAX_FEATURES + 1)
    client = client_for(coordinator)
    cells = map_data(client, view_of(arboga, zoom=14))["incidents"]["features"]

    west, south, east, north = cells[0]["properties"]["bounds"]
    inside = map_data(client, {"bbox": f"{west},{south},{east},{north}", "zoom": "16"})

    assert inside["incidents"]["kind"] == "points"
    assert len(inside["incidents"]["features"]) >= cells[0]["properties"]["count"]


def test_the_filter_applies_to_cells(client_for, coordinator, arboga):
    many_incidents(arboga, MAX_FEATURES + 1, category="graffiti")
    many_incidents(arboga, 30, category="fire")
    many_incidents(arboga, 40, category="fire", days_ago=400)
    client = client_for(coordinator)
    last_year = (timezone.localdate() - datetime.timedelta(days=365)).isoformat()

    fires = map_data(client, {**view_of(arboga), "category": "Brand/anlagd brand"})
    recent = map_data(client, {**view_of(arboga, zoom=8), "start": last_year})

    assert fires["incidents"]["kind"] == "points"
    assert len(fires["incidents"]["features"]) == 70
    assert recent["incidents"]["kind"] == "cells"
    assert sum(c["properties"]["count"] for c in recent["incidents"]["features"]) == (
        MAX_FEATURES + 1 + 30
    )


def test_the_outsider_gets_no_arboga_cells_or_points(client_for, outsider, arboga, kungsor):
    many_incidents(arboga, MAX_FEATURES + 1)
    many_incidents(kungsor, 5)
    many_incidents(arboga, 3, position_precise=False, source=Incident.Source.POLICE_EVENT)
    client = client_for(outsider)

    for zoom in (5, 10, 16):
        data = map_data(client, view_of(arboga, kungsor, zoom=zoom))
        assert data["incidents"]["kind"] == "points"
        assert len(data["incidents"]["features"]) == 5
        assert {f["properties"]["id"] for f in data["incidents"]["features"]} <= set(
            Incident.objects.filter(municipality=kungsor).values_list("pk", flat=True)
        )
        assert data["police_events"]["features"] == []


def test_police_events_are_their_own_layer_flagged_approximate(
    client_for, coordinator, arboga, reporter, file_incident
):
    precise = file_incident(reporter, arboga)
    many_incidents(
        arboga,
        4,
        position_precise=False,
        source=Incident.Source.POLICE_EVENT,
        category="burglary",
    )
    Incident.objects.filter(position_precise=False).update(position=centre_of(arboga))

    data = map_data(client_for(coordinator), view_of(arboga))

    assert [f["properties"]["id"] for f in data["incidents"]["features"]] == [precise.pk]
    [police] = data["police_events"]["features"]
    assert police["properties"] == {"municipality": "Arboga", "count": 4, "approximate": True}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"zoom": "10"}, "bbox"),
        ({"bbox": "1,2,3", "zoom": "10"}, "bbox"),
        ({"bbox": "a,b,c,d", "zoom": "10"}, "bbox"),
        ({"bbox": "16,59,15,60", "zoom": "10"}, "±180"),
        ({"bbox": "15,59,16,95", "zoom": "10"}, "±90"),
        ({"bbox": "nan,59,16,60", "zoom": "10"}, "bbox"),
        ({"bbox": "15,59,16,60"}, "zoom"),
        ({"bbox": "15,59,16,60", "zoom": "ten"}, "zoom"),
        ({"bbox": "15,59,16,60", "zoom": "99"}, "zoom"),
    ],
)
def test_a_malformed_view_is_a_400_with_a_message(client_for, coordinator, query, message):
    response = client_for(coordinator).get(reverse("incident_map_data"), query)

    assert response.status_code == 400
    assert message in response.json()["error"]


def test_a_view_far_outside_sweden_is_empty(client_for, coordinator, arboga):
    many_incidents(arboga, 3)

    data = map_data(client_for(coordinator), {"bbox": "-179,-89,-170,-80", "zoom": "3"})

    assert data["incidents"]["features"] == []
    assert data["police_events"]["features"] == []


@pytest.mark.browser
def test_the_map_shows_counted_squares_and_a_click_on_a_point_opens_the_incident(
    log_in_page, live_server, coordinator, arboga, tmp_path
):
    many_incidents(arboga, MAX_FEATURES + 1)
    many_incidents(arboga, 2, position_precise=False, source=Incident.Source.POLICE_EVENT)
    Incident.objects.filter(position_precise=False).update(position=centre_of(arboga))
    page = log_in_page(coordinator)

    page.goto(live_server.url + "/reports/incidents/")
    cell = page.locator("#incidents-map .map-cell").first
    cell.wait_for()
    assert "räknade per ruta" in page.locator("#map-count").inner_text()
    assert page.locator("#incidents-map .map-police").get_attribute("title") == (
        "Arboga: 2 polishändelser, ungefärlig position (kommunens mittpunkt)"
    )
    for width in (1280, 360):  # for a person to look at: pytest --basetemp=DIR keeps them
        page.set_viewport_size({"width": width, "height": 800})
        page.screenshot(path=tmp_path / f"map-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 800})

    # Clicking squares zooms in until the incidents come one by one; a click opens one.
    for _ in range(8):
        if page.locator("#incidents-map .map-point").count():
            break
        # Leaflet redraws the squares after every move; a dispatched click cannot land on a
        # square that is being replaced, as a pointer click may.
        page.locator("#incidents-map .map-cell").first.dispatch_event("click")
        page.wait_for_load_state("networkidle")
    # Markers may overlap: a person clicks one that lies on top.
    points = page.locator("#incidents-map .map-point")
    points.first.wait_for()
    on_top = points.evaluate_all(
        """points => points.findIndex(point => {
            const box = point.getBoundingClientRect();
            const x = box.x + box.width / 2, y = box.y + box.height / 2;
            return point.contains(document.elementFromPoint(x, y));
        })"""
    )
    assert on_top >= 0
    points.nth(on_top).click()
    page.wait_for_url(live_server.url + "/reports/incidents/*/")
    assert page.url.rstrip("/").rsplit("/", 1)[1].isdigit()

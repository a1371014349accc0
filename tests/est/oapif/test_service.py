"""The staff GIS service: the protocol's resources, paging, filters, CRSs, bad input, scoping."""

import datetime

import pytest

from reports.incidents.models import Incident
from reports.situation.compile import situation_picture_compile, situation_picture_ensure
from reports.situation.models import Intervention
from reports.situation.workflow import situation_picture_publish
from tests.cameras.factories import CameraFactory
from tests.dialogues.findings import finding_on, held_walk
from tests.est.oapif.conftest import spread_incidents
from tests.factories import AreaFactory, OrganisationFactory
from tests.reports.helpers import PERIOD_START, known_incidents, local

SWEREF = "http://www.opengis.net/def/crs/EPSG/0/3006"
STAFF_COLLECTIONS = [
    "incidents",
    "areas",
    "interventions",
    "hot-spot-hexagons",
    "repeat-places",
    "cameras",
    "walk-findings",
]


@pytest.fixture
def arboga_layers(arboga, kungsor, coordinator):
    """Something of Arboga in every staff collection: incidents, an area, a published picture
    with its hexagons and repeat places, an intervention, a camera and a safety walk's finding."""
    known_incidents(arboga, kungsor)
    picture, _ = situation_picture_ensure(municipality=arboga, period_start=PERIOD_START)
    situation_picture_compile(picture_id=picture.pk)
    picture.refresh_from_db()
    situation_picture_publish(picture=picture, by=coordinator)
    area = AreaFactory(municipality=arboga, name="Centrum")
    Intervention.objects.create(
        municipality=arboga,
        decided_in=picture,
        what="Väktarrond fredagar",
        area=area,
        starts_on=datetime.date(2025, 4, 1),
        ends_on=datetime.date(2025, 4, 30),
        organisation=OrganisationFactory(),
    )
    CameraFactory(municipality=arboga)
    finding_on(held_walk(arboga, coordinator))
    return picture


def items(api, collection, **query):
    response = api.get(f"/api/features/collections/{collection}/items", query)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_landing_page_leads_to_conformance_and_collections(gis, coordinator):
    landing = gis(coordinator).get("/api/features/").json()
    rels = {link["rel"] for link in landing["links"]}
    assert {"self", "conformance", "data", "service-doc"} <= rels

    conformance = gis(coordinator).get("/api/features/conformance").json()["conformsTo"]
    assert "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs" in conformance


def test_each_staff_collection_is_listed_with_both_crss(gis, coordinator):
    listed = gis(coordinator).get("/api/features/collections").json()["collections"]

    assert [c["id"] for c in listed] == STAFF_COLLECTIONS
    assert all(SWEREF in c["crs"] for c in listed)


def test_without_a_token_nothing_is_shown(gis, arboga_layers):
    response = gis().get("/api/features/collections/incidents/items")

    assert response.status_code in (401, 403)
    assert set(response.json()) == {"code", "description"}


def test_every_layer_has_arbogas_features_for_the_coordinator(gis, coordinator, arboga_layers):
    api = gis(coordinator)
    for collection in STAFF_COLLECTIONS:
        features = items(api, collection)["features"]
        assert features, collection


def test_a_kungsor_token_sees_no_arboga_feature_through_any_collection(
    gis, outsider, arboga_layers, coordinator
):
    api, theirs = gis(outsider), gis(coordinator)
    for collection in STAFF_COLLECTIONS:
        seen = {f["properties"]["municipality"] for f in items(api, collection)["features"]}
        assert "1984" not in seen, collection
        arboga_feature = next(
            f["id"]
            for f in items(theirs, collection)["features"]
            if f["properties"]["municipality"] == "1984"
        )
        response = api.get(f"/api/features/collections/{collection}/items/{arboga_feature}")
        assert response.status_code == 404, collection


def test_a_reporter_sees_only_the_layers_of_their_role(gis, reporter, arboga_layers):
    listed = gis(reporter).get("/api/features/collections").json()["collections"]

    assert [c["id"] for c in listed] == ["incidents", "areas", "walk-findings"]
    assert gis(reporter).get("/api/features/collections/cameras/items").status_code == 404
    # A reporter reads what they filed themselves, as on the pages.
    assert items(gis(reporter), "incidents")["features"] == []


def test_paging_with_next_gives_each_incident_once(gis, coordinator, arboga):
    made = spread_incidents(arboga, 250)
    api, seen = gis(coordinator), []
    page = items(api, "incidents", limit=100)
    while True:
        seen += [feature["id"] for feature in page["features"]]
        following = [link for link in page["links"] if link["rel"] == "next"]
        if not following:
            break
        assert following[0]["type"] == "application/geo+json"
        page = api.get(following[0]["href"]).json()

    assert sorted(seen) == sorted(incident.pk for incident in made)
    assert len(seen) == len(set(seen))


def test_bbox_and_datetime_filter(gis, coordinator, arboga):
    spread_incidents(arboga, 48)  # one an hour on 1 and 2 January 2025
    api = gis(coordinator)

    whole_day = "2025-01-01T00:00:00+01:00/2025-01-01T23:59:59+01:00"
    first_day = items(api, "incidents", datetime=whole_day)
    open_start = items(api, "incidents", datetime="../2025-01-01")
    from_the_second = items(api, "incidents", datetime="2025-01-02/..")
    assert first_day["numberReturned"] == 24
    assert open_start["numberReturned"] == 24
    assert from_the_second["numberReturned"] == 24

    x0, y0, x1, y1 = arboga.boundary.extent
    west_half = f"{y0},{x0},{y1},{(x0 + x1) / 2}"  # northing first, as EPSG:3006 has its axes
    west = items(api, "incidents", bbox=west_half, **{"bbox-crs": SWEREF, "crs": SWEREF})
    assert 0 < west["numberReturned"] < 48
    for feature in west["features"]:
        northing, easting = feature["geometry"]["coordinates"]
        assert x0 <= easting <= (x0 + x1) / 2
        assert y0 <= northing <= y1


def test_the_lists_filters_are_parameters(gis, coordinator, arboga):
    spread_incidents(arboga, 3)
    spread_incidents(arboga, 2, code="vandalism", source=Incident.Source.POLICE_EVENT,
                     position_precise=False)  # fmt: skip
    api = gis(coordinator)

    police = items(api, "incidents", source="police_event")["features"]
    assert len(police) == 2
    assert all(feature["properties"]["approximate"] for feature in police)
    refused = api.get("/api/features/collections/incidents/items", {"status": "lost"})
    assert refused.status_code == 400
    assert "status" in refused.json()["description"]


@pytest.mark.parametrize(
    ("query", "word"),
    [
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "a,b,c,d"}, "bbox"),
        ({"bbox": "15,60,14,59"}, "bbox"),
        ({"datetime": "yesterday"}, "datetime"),
        ({"datetime": "2025-13-01"}, "datetime"),
        ({"datetime": "2025-01-02/2025-01-01"}, "datetime"),
        ({"datetime": "../.."}, "datetime"),
        ({"datetime": "2025-01-01T10:00:00"}, "datetime"),
        ({"limit": "0"}, "limit"),
        ({"limit": "10001"}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"crs": "EPSG:9999"}, "crs"),
        ({"bbox-crs": "urn:nothing"}, "bbox-crs"),
        ({"cursor": "x"}, "cursor"),
        ({"f": "xml"}, "f"),
    ],
)
def test_bad_input_gets_the_standards_400(gis, coordinator, query, word):
    response = gis(coordinator).get("/api/features/collections/incidents/items", query)

    assert response.status_code == 400
    assert response.json()["code"] == "InvalidParameterValue"
    assert response.json()["description"].startswith(word)


def test_unknown_collections_and_features_are_404(gis, coordinator, arboga):
    api = gis(coordinator)
    for url in [
        "/api/features/collections/nothing",
        "/api/features/collections/nothing/items",
        "/api/features/collections/incidents/items/999999",
        "/api/features/collections/incidents/items/not-a-number",
        "/api/features/collections/kamerabevakning",
    ]:
        response = api.get(url)
        assert response.status_code == 404, url
        assert response.json()["code"] == "NotFound"


def test_one_feature_in_sweref(gis, coordinator, arboga):
    incident = spread_incidents(arboga, 1, start=local(2025, 6, 1, 12))[0]

    response = gis(coordinator).get(
        f"/api/features/collections/incidents/items/{incident.pk}", {"crs": SWEREF}
    )

    assert response["Content-Crs"] == f"<{SWEREF}>"
    northing, easting = response.json()["geometry"]["coordinates"]
    assert (easting, northing) == pytest.approx(incident.position.coords, abs=0.1)


def test_each_resource_has_an_html_page(gis, coordinator, arboga_layers):
    api = gis(coordinator)
    incident = Incident.objects.filter(municipality=arboga_layers.municipality).first()
    for url in [
        "/api/features/",
        "/api/features/conformance",
        "/api/features/collections",
        "/api/features/collections/incidents",
        "/api/features/collections/incidents/items",
        f"/api/features/collections/incidents/items/{incident.pk}",
    ]:
        response = api.get(url, HTTP_ACCEPT="text/html,application/xhtml+xml")
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("text/html")
    page = api.get("/api/features/collections/incidents/items", {"f": "html"}).content.decode()
    assert "Klotter" in page


def test_hexagons_and_repeat_places_come_from_the_published_picture(
    gis, coordinator, arboga_layers
):
    api = gis(coordinator)
    hexagons = items(api, "hot-spot-hexagons", crs=SWEREF)["features"]
    places = items(api, "repeat-places")["features"]

    shown = {cell["count"] for cell in arboga_layers.content["where"]["cells"]}
    assert {h["properties"]["count"] for h in hexagons} == shown
    ring = hexagons[0]["geometry"]["coordinates"][0]
    assert len(ring) == 7  # a closed hexagon
    assert all("z" in h["properties"] and "confidence" in h["properties"] for h in hexagons)
    assert [p["properties"]["label"] for p in places] == [
        r["label"] for r in arboga_layers.content["where"]["repeat_places"]
    ]
    assert all(p["properties"]["situation_picture"] == arboga_layers.pk for p in places)

"""The open data: no login, a licence, adopted tertial counts never under the threshold, where
the municipalities film and the announced safety walks."""

import datetime

import pytest

from est.periods import Tertial
from reports.tertial.compile import tertial_analysis_compile, tertial_analysis_ensure
from reports.tertial.workflow import tertial_analysis_adopt, tertial_analysis_submit
from tests.cameras.factories import CameraFactory
from tests.dialogues.walks.helpers import announced_walk
from tests.est.oapif.conftest import spread_incidents
from tests.factories import AreaFactory
from tests.reports.helpers import local


def public_items(client, collection, **query):
    response = client.get(f"/oppna-data/collections/{collection}/items", query)
    assert response.status_code == 200, response.content
    return response.json()


def adopted(municipality, by):
    analysis, _ = tertial_analysis_ensure(municipality=municipality, tertial=Tertial(2025, 1))
    tertial_analysis_compile(analysis_id=analysis.pk)
    analysis.refresh_from_db()
    tertial_analysis_submit(analysis=analysis, by=by)
    return tertial_analysis_adopt(
        analysis=analysis, by=by, adopted_on=datetime.date(2025, 5, 20), decision="Antogs."
    )


@pytest.fixture
def centre(arboga):
    """An area over the whole of Arboga's test square: every incident lies in it."""
    return AreaFactory(municipality=arboga, name="Hela kommunen", boundary=arboga.boundary)


def test_counts_under_the_threshold_are_never_shown(client, arboga, coordinator, centre):
    spread_incidents(arboga, 6, start=local(2025, 2, 1))  # graffiti: shown
    spread_incidents(arboga, 4, start=local(2025, 2, 1), code="vandalism")  # hidden
    adopted(arboga, coordinator)

    counts = public_items(client, "handelser-per-omrade")["features"]

    shown = [(f["properties"]["category"], f["properties"]["incidents"]) for f in counts]
    assert shown == [("Klotter", 6)]
    assert all(f["properties"]["incidents"] >= 5 for f in counts)
    assert counts[0]["properties"]["area"] == "Hela kommunen"


def test_the_threshold_is_a_setting(client, arboga, coordinator, centre, settings):
    settings.OPEN_DATA_MIN_COUNT = 7
    spread_incidents(arboga, 6, start=local(2025, 2, 1))
    adopted(arboga, coordinator)

    assert public_items(client, "handelser-per-omrade")["features"] == []


def test_a_draft_analysis_is_not_open_data(client, arboga, centre):
    spread_incidents(arboga, 9, start=local(2025, 2, 1))
    analysis, _ = tertial_analysis_ensure(municipality=arboga, tertial=Tertial(2025, 1))
    tertial_analysis_compile(analysis_id=analysis.pk)

    assert public_items(client, "handelser-per-omrade")["features"] == []


def test_the_licence_is_named_and_a_setting(client, settings):
    assert client.get("/oppna-data/").json()["license"] == "CC0-1.0"
    settings.OAPIF_LICENCE = "CC-BY-4.0"
    listed = client.get("/oppna-data/collections").json()["collections"]
    assert {c["license"] for c in listed} == {"CC-BY-4.0"}
    assert all(any(link["rel"] == "license" for link in c["links"]) for c in listed)


def test_filmed_places_and_walks_without_login(client, arboga, coordinator):
    CameraFactory(municipality=arboga, premises="Resecentrum")
    announced_walk(arboga, coordinator, title="Vandring i Centrum")

    filmed = public_items(client, "kamerabevakning")["features"]
    walks = public_items(client, "trygghetsvandringar")["features"]

    assert [f["properties"]["premises"] for f in filmed] == ["Resecentrum"]
    assert "permit_reference" not in filmed[0]["properties"]
    assert [f["properties"]["title"] for f in walks] == ["Vandring i Centrum"]


def test_the_open_data_has_no_staff_collection(client, arboga):
    for collection in ("incidents", "cameras", "hot-spot-hexagons"):
        response = client.get(f"/oppna-data/collections/{collection}/items")
        assert response.status_code == 404


def test_the_public_site_points_gis_users_to_the_open_data(client):
    page = client.get("/").content.decode()

    assert "/oppna-data/" in page

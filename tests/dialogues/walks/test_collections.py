"""The walks in the GIS service: findings with their measures for staff, scoped; the held walks'
follow-up figures as open data, with nothing typed on the walk."""

from rest_framework.test import APIClient

from dialogues.measures.models import Measure
from dialogues.measures.services import measure_create
from tests.dialogues.findings import finding_on, held_walk, street_department


def _features(api, collection):
    response = api.get(f"/api/features/collections/{collection}/items")
    assert response.status_code == 200, response.content
    return response.json()["features"]


def _open_data(collection):
    response = APIClient().get(f"/oppna-data/collections/{collection}/items")
    assert response.status_code == 200, response.content
    return response.json()["features"]


def test_findings_come_with_their_measures_and_stay_in_their_municipality(
    api_for, coordinator, outsider, arboga
):
    walk = held_walk(arboga, coordinator, title="Kvällsvandring i centrum")
    finding = finding_on(walk, description="Mörk gångtunnel")
    measure_create(
        municipality=arboga,
        by=coordinator,
        title="Ny belysning i tunneln",
        responsible=street_department(arboga),
        findings=[finding],
    )
    (feature,) = _features(api_for(coordinator), "walk-findings")
    assert feature["properties"]["description"] == "Mörk gångtunnel"
    assert feature["properties"]["measures"][0]["title"] == "Ny belysning i tunneln"
    assert feature["properties"]["measures"][0]["status"] == Measure.Status.PROPOSED
    assert _features(api_for(outsider), "walk-findings") == []
    response = api_for(outsider).get(f"/api/features/collections/walk-findings/items/{finding.pk}")
    assert response.status_code == 404


def test_the_follow_ups_are_open_data_in_counts_only(coordinator, arboga):
    walk = held_walk(arboga, coordinator, title="Kvällsvandring i centrum")
    finding_on(walk, description="Mörk gångtunnel")
    finding_on(walk, category="Klotter", description="Klotter på skolan")
    (feature,) = _open_data("trygghetsvandringar-uppfoljning")
    assert feature["properties"]["findings"] == 2
    assert feature["properties"]["measures_open"] == 0
    assert "Mörk gångtunnel" not in str(feature)

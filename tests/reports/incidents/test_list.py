"""The coordinators' list: one filter in the URL drives the list, the map data and the CSV."""

import csv
import datetime
import io

import pytest
from django.contrib.gis.geos import Point
from django.urls import reverse
from django.utils import timezone

from reports.incidents.filing import incident_triage
from reports.incidents.models import Incident
from tests.factories import AreaFactory, OrganisationFactory
from tests.reports.conftest import category_of


def local(day, hour=12):
    return datetime.datetime(2026, 3, day, hour, tzinfo=timezone.get_current_timezone())


@pytest.fixture
def incidents(reporter, coordinator, arboga, kungsor, file_incident):
    """Four incidents in March 2026: three in Arboga (one in the corner area), one in Kungsör."""
    x, y = arboga.boundary.extent[:2]
    return {
        "graffiti_in_corner": file_incident(
            reporter,
            arboga,
            category=category_of(arboga, "graffiti"),
            occurred_from=local(2),
            occurred_to=local(2),
            position=Point(x + 500, y + 500, srid=3006),
            description="Tags på skolan",
        ),
        "fire_on_the_5th": file_incident(
            reporter,
            arboga,
            category=category_of(arboga, "fire"),
            occurred_from=local(5, 22),
            occurred_to=local(6, 2),
            description="Brand i container",
        ),
        "littering_by_coordinator": file_incident(
            coordinator,
            arboga,
            category=category_of(arboga, "littering"),
            occurred_from=local(20),
            occurred_to=local(20),
            description="Skräp vid ån",
        ),
        "kungsor_graffiti": file_incident(
            coordinator,
            kungsor,
            category=category_of(kungsor, "graffiti"),
            occurred_from=local(3),
            occurred_to=local(3),
            description='=HYPERLINK("evil")',
        ),
    }


def listed(client, query):
    return {i.pk for i in client.get(reverse("incident_list"), query).context["object_list"]}


def exported(client, query):
    response = client.get(reverse("incident_export"), query)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    return rows[0], rows[1:]


WHOLE_COUNTRY = {"bbox": "10,55,24.5,69.5", "zoom": "14"}


def mapped(client, query):
    return {
        f["properties"]["id"]
        for f in client.get(reverse("incident_map_data"), {**query, **WHOLE_COUNTRY}).json()[
            "incidents"
        ]["features"]
    }


QUERIES = {
    "nothing": (
        {},
        {"graffiti_in_corner", "fire_on_the_5th", "littering_by_coordinator", "kungsor_graffiti"},
    ),
    "category": ({"category": ["Klotter"]}, {"graffiti_in_corner", "kungsor_graffiti"}),
    "two categories": (
        {"category": ["Klotter", "Nedskräpning"]},
        {"graffiti_in_corner", "kungsor_graffiti", "littering_by_coordinator"},
    ),
    "municipality": ({"municipality": "1960"}, {"kungsor_graffiti"}),
    # The fire lasted from the 5th into the 6th: a period starting the 6th overlaps it.
    "period": (
        {"start": "2026-03-06", "end": "2026-03-20"},
        {"fire_on_the_5th", "littering_by_coordinator"},
    ),
    "text": ({"q": "container"}, {"fire_on_the_5th"}),
    "status": ({"status": ["new"]}, {"graffiti_in_corner", "fire_on_the_5th", "kungsor_graffiti"}),
}


@pytest.mark.parametrize("name", QUERIES)
def test_the_filter_drives_list_map_and_csv_identically(client_for, coordinator, incidents, name):
    incident_triage(
        incident=incidents["littering_by_coordinator"], by=coordinator, status="reviewed"
    )
    query, expected_names = QUERIES[name]
    expected = {incidents[n].pk for n in expected_names}
    client = client_for(coordinator)

    _header, rows = exported(client, query)

    assert listed(client, query) == expected
    assert mapped(client, query) == expected
    assert {int(row[0]) for row in rows} == expected


def test_the_area_filter_keeps_incidents_inside_the_area(
    client_for, coordinator, arboga, incidents
):
    corner = AreaFactory(municipality=arboga)  # the 1 km square in Arboga's south-west corner
    client = client_for(coordinator)

    assert listed(client, {"area": corner.pk}) == {incidents["graffiti_in_corner"].pk}
    assert {int(r[0]) for r in exported(client, {"area": corner.pk})[1]} == {
        incidents["graffiti_in_corner"].pk
    }


def test_the_organisation_filter(client_for, coordinator, reporter, incidents):
    client = client_for(coordinator)

    assert listed(client, {"organisation": reporter.organisation.pk}) == {
        incidents["graffiti_in_corner"].pk,
        incidents["fire_on_the_5th"].pk,
    }
    other = OrganisationFactory()
    assert listed(client, {"organisation": other.pk}) == set()


def test_the_csv_is_for_swedish_excel_and_safe_from_formulas(client_for, coordinator, incidents):
    response = client_for(coordinator).get(reverse("incident_export"))
    raw = b"".join(response.streaming_content)

    assert raw.startswith("\ufeff".encode())
    assert response["Content-Disposition"].startswith('attachment; filename="incidents-')
    header, rows = exported(client_for(coordinator), {})
    assert header[:3] == ["id", "kommun", "kategori"]
    kungsor_row = next(r for r in rows if int(r[0]) == incidents["kungsor_graffiti"].pk)
    assert kungsor_row[9].startswith("'=")


def test_an_invalid_filter_shows_nothing_rather_than_everything(client_for, coordinator, incidents):
    client = client_for(coordinator)

    assert listed(client, {"start": "not a date"}) == set()
    assert exported(client, {"start": "not a date"})[1] == []


def test_the_list_page_says_how_many_and_links_the_export(client_for, coordinator, incidents):
    response = client_for(coordinator).get(reverse("incident_list"), {"category": "Klotter"})

    html = response.content.decode()
    assert "2 händelser" in html
    assert reverse("incident_export") + "?category=Klotter" in html


def test_triage_asks_the_reporter_for_more_information(client_for, coordinator, incidents):
    incident = incidents["fire_on_the_5th"]

    response = client_for(coordinator).post(
        reverse("incident_triage", args=[incident.pk]),
        {"status": "needs_information", "triage_note": "Vilken container?"},
    )

    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.status == Incident.Status.NEEDS_INFORMATION
    assert incident.triage_note == "Vilken container?"
    assert incident.history.first().history_user == coordinator
    page = client_for(coordinator).get(response.url).content.decode()
    assert "Status är nu: Behöver mer information." in page


def test_asking_for_information_needs_a_question(client_for, coordinator, incidents):
    incident = incidents["fire_on_the_5th"]

    client_for(coordinator).post(
        reverse("incident_triage", args=[incident.pk]), {"status": "needs_information"}
    )

    incident.refresh_from_db()
    assert incident.status == Incident.Status.NEW


def test_a_list_longer_than_the_count_cap_says_more_than_and_shows_the_newest(
    client_for, coordinator, incidents, monkeypatch
):
    monkeypatch.setattr("reports.incidents.pagination.COUNT_CAP", 2)

    response = client_for(coordinator).get(reverse("incident_list"))

    html = response.content.decode()
    assert "Mer än 2 händelser: listan visar de 2 senaste." in html
    assert "Ladda ner" in html
    assert {i.pk for i in response.context["object_list"]} == {
        incidents["littering_by_coordinator"].pk,
        incidents["fire_on_the_5th"].pk,
    }

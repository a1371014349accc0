"""The map's kept cells: the same answer as counting the incidents, kept right by every write,
and scoped like everything else."""

import datetime
import io
import random

import pytest
from django.contrib.gis.geos import Point
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from reports.incidents.duplicates import incident_merge
from reports.incidents.filing import incident_update
from reports.incidents.filters import IncidentFilter
from reports.incidents.map_cells import STORED_SIZES, cell_selection
from reports.incidents.map_data import MAX_FEATURES, MapView
from reports.incidents.map_data import map_data as map_data_of
from reports.incidents.models import Incident, IncidentCell
from reports.incidents.police_events import police_events_import
from tests.reports.conftest import category_of

from .test_imports import confirm, csv_file, row, upload
from .test_map_data import many_incidents, map_data, view_of

#: One police event in Arboga, as the police's API gives it.
ARBOGA_POLICE_EVENT = {
    "id": 1,
    "datetime": "2026-03-05 22:10:00 +01:00",
    "name": "05 mars 21.30, Skadegörelse, Arboga",
    "summary": "Fönster krossat.",
    "type": "Skadegörelse",
    "location": {"name": "Arboga", "gps": "59.39,15.84"},
}


def varied_incidents(municipality, count, seed):
    """Insert ``count`` incidents of varied category, status, source and period (some lasting
    days, so that they span a filter's first day) over the last 400 days."""
    rng = random.Random(seed)  # noqa: S311 (test data, not secrets)
    x0, y0, x1, y1 = municipality.boundary.extent
    now = timezone.now()
    incidents = []
    for _ in range(count):
        start = now - datetime.timedelta(minutes=rng.randrange(60, 400 * 24 * 60))
        incidents.append(
            Incident(
                municipality=municipality,
                category=category_of(municipality, rng.choice(("graffiti", "fire", "burglary"))),
                occurred_from=start,
                occurred_to=start + datetime.timedelta(hours=rng.choice((0, 0, 5, 30, 200))),
                position=Point(rng.uniform(x0, x1), rng.uniform(y0, y1), srid=3006),
                status=rng.choice(Incident.Status.values),
                source=rng.choice((Incident.Source.REPORTER, Incident.Source.IMPORT)),
            )
        )
    Incident.objects.bulk_create(incidents)


def both_answers(user, query, view):
    """Return the map data of ``query`` for ``user``: as the map answers it (from the kept
    cells where they can), and counted; with whether the kept cells could answer."""
    request = RequestFactory().get("/", query)
    request.user = user
    filterset = IncidentFilter(
        request.GET, queryset=Incident.objects.for_user(user), request=request
    )
    selection = cell_selection(filterset, user)
    return (
        map_data_of(filterset.qs, view, selection),
        map_data_of(filterset.qs, view),
        selection is not None,
    )


def assert_same_answers(user, query, view) -> tuple[str, bool]:
    """Assert that the map of ``user`` answers ``query`` in ``view`` as counting does; return
    the answer's kind and whether the kept cells gave it."""
    answer, counted, from_cells = both_answers(user, query, view)
    assert comparable(answer) == comparable(counted), (user, query, view.zoom)
    if answer["incidents"]["kind"] == "cells":
        assert means_of(answer) == pytest.approx(means_of(counted), abs=2e-6)
    return answer["incidents"]["kind"], from_cells


def means_of(data) -> list[float]:
    return [c for f in data["incidents"]["features"] for c in f["geometry"]["coordinates"]]


def comparable(data) -> tuple:
    features = data["incidents"]["features"]
    if data["incidents"]["kind"] == "points":
        return ("points", sorted(f["properties"]["id"] for f in features))
    return (
        "cells",
        sorted((f["properties"]["bounds"], f["properties"]["count"]) for f in features),
    )


def test_the_kept_cells_answer_exactly_as_counting_the_incidents(
    arboga, kungsor, coordinator, administrator
):
    varied_incidents(arboga, MAX_FEATURES + 300, seed=1)
    varied_incidents(kungsor, 600, seed=2)
    # Merged duplicates count nowhere.
    kept = Incident.objects.filter(municipality=arboga).first()
    duplicates = Incident.objects.filter(municipality=arboga).exclude(pk=kept.pk)[:20]
    Incident.objects.filter(pk__in=list(duplicates.values_list("pk", flat=True))).update(
        merged_into=kept
    )
    today = timezone.localdate()
    some_time_ago = (today - datetime.timedelta(days=97)).isoformat()
    lately = (today - datetime.timedelta(days=9)).isoformat()
    queries = [
        {},
        {"start": some_time_ago, "end": lately},
        {"start": some_time_ago},
        {"end": lately},
        {"start": "2026-01-01", "end": today.isoformat()},
        {"category": ["Klotter", "Brand/anlagd brand"], "start": some_time_ago},
        {"status": ["reviewed", "closed"]},
        {"source": ["import"], "end": lately},
        {"municipality": "1984", "start": lately},
    ]
    compared = {"points": 0, "cells": 0}
    for user in (coordinator, administrator):
        for query in queries:
            for zoom in (5, 6, 7, 8, 9):
                view = MapView(*map(float, view_of(arboga, kungsor)["bbox"].split(",")), zoom)
                kind, from_cells = assert_same_answers(user, query, view)
                compared[kind] += from_cells
    # The kept cells answered, both with cells and with points (a short period).
    assert compared["cells"] > 10
    assert compared["points"] > 1


def test_filing_correcting_merging_importing_and_deleting_change_the_counts_on_the_map(
    client_for, coordinator, administrator, reporter, arboga, file_incident, settings
):
    settings.LANGUAGE_CODE = "sv"
    many_incidents(arboga, MAX_FEATURES)
    client = client_for(coordinator)
    # The country's view, the one read from the kept cells.
    country = client_for(administrator)

    def counted(**query):
        """Return how many incidents the country's map shows: in cells, or one by one."""
        incidents = map_data(country, {**view_of(arboga, zoom=8), **query})["incidents"]
        if incidents["kind"] == "points":
            return len(incidents["features"])
        return sum(f["properties"]["count"] for f in incidents["features"])

    filed = file_incident(reporter, arboga)
    assert counted() == MAX_FEATURES + 1
    assert counted(category="Brand/anlagd brand", status="new") == 0

    incident_update(incident=filed, by=coordinator, category=category_of(arboga, "fire"))
    assert counted(category="Brand/anlagd brand", status="new") == 1

    duplicate = file_incident(reporter, arboga)
    assert counted() == MAX_FEATURES + 2
    incident_merge(keep=filed, duplicate=duplicate, by=coordinator)
    assert counted() == MAX_FEATURES + 1

    upload(client, arboga, csv_file(row(arboga), row(arboga, start="2026-03-06 08:00")))
    incident_import = arboga.incident_imports.get()
    confirm(client, incident_import)
    assert Incident.objects.filter(source=Incident.Source.IMPORT).count() == 2
    assert counted() == MAX_FEATURES + 3

    Incident.objects.filter(source=Incident.Source.IMPORT).first().delete()
    assert counted() == MAX_FEATURES + 2

    # Police events are imprecise: they change the layer of their own, never the cells.
    police_events_import(events=[ARBOGA_POLICE_EVENT])
    assert counted() == MAX_FEATURES + 2
    police = map_data(country, view_of(arboga, zoom=8))["police_events"]["features"]
    assert [f["properties"]["count"] for f in police] == [1]

    # What the writes left is what a rebuild counts from scratch.
    before = sorted(IncidentCell.objects.values_list("size", "x", "y", "start", "count"))
    call_command("rebuild_incident_counts", stdout=io.StringIO())
    assert sorted(IncidentCell.objects.values_list("size", "x", "y", "start", "count")) == before
    assert {size for (size, *_rest) in before} == set(STORED_SIZES)


def test_a_kungsor_user_never_gets_arboga_counts_from_the_cells(
    client_for, outsider, administrator, arboga, kungsor
):
    many_incidents(arboga, MAX_FEATURES + 1)
    many_incidents(kungsor, MAX_FEATURES + 5)

    for zoom in (6, 8, 10, 12):
        query = view_of(arboga, kungsor, zoom=zoom)
        mine = map_data(client_for(outsider), query)["incidents"]
        everyone = map_data(client_for(administrator), query)["incidents"]
        assert mine["kind"] == "cells"
        assert sum(f["properties"]["count"] for f in mine["features"]) == MAX_FEATURES + 5
        assert sum(f["properties"]["count"] for f in everyone["features"]) == 2 * MAX_FEATURES + 6
        # Asking for Arboga by name gets nothing but the filter's message.
        response = client_for(outsider).get(
            "/reports/incidents.geojson", {**query, "municipality": "1984"}
        )
        assert response.json()["incidents"]["features"] == []


def test_a_filter_the_cells_do_not_keep_is_answered_by_counting(
    client_for, coordinator, arboga, reporter, file_incident
):
    many_incidents(arboga, MAX_FEATURES + 1)
    file_incident(reporter, arboga, description="Sprejat på skolan")

    data = map_data(client_for(coordinator), {**view_of(arboga, zoom=8), "q": "skolan"})

    assert data["incidents"]["kind"] == "points"
    assert len(data["incidents"]["features"]) == 1

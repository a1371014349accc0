"""The municipalities' kept map cells: a coordinator's map, filtered by period and category, gets
the same answer as counting the incidents, kept right by every write and scoped to the
coordinator's municipalities; and the map data's ETag."""

import datetime
import io

from django.contrib.gis.geos import Point
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from reports.incidents.duplicates import incident_merge
from reports.incidents.filing import incident_update
from reports.incidents.map_cells import MUNICIPAL_SIZES
from reports.incidents.map_data import MAX_FEATURES, MapView
from reports.incidents.models import Incident, IncidentMunicipalityCell
from tests.reports.conftest import category_of
from tests.second_factor import log_in_with_second_factor

from .test_imports import confirm, csv_file, row, upload
from .test_map_cells import assert_same_answers, both_answers, varied_incidents
from .test_map_data import many_incidents, map_data, view_of

URL = "/reports/incidents.geojson"


def assert_kept_as_counted(user, queries, views) -> dict:
    """Assert that the map of ``user`` answers each of ``queries`` in each of ``views`` from the
    kept cells exactly as counting does; return how many answers were cells and points."""
    compared = {"points": 0, "cells": 0}
    for query in queries:
        for view in views:
            kind, from_cells = assert_same_answers(user, query, view)
            assert from_cells, query
            compared[kind] += 1
    return compared


def views_of(*municipalities, zooms=range(8, 14)) -> list[MapView]:
    bbox = view_of(*municipalities)["bbox"]
    return [MapView(*map(float, bbox.split(",")), zoom) for zoom in zooms]


def test_a_coordinator_s_map_read_from_the_kept_cells_is_the_counted_map(
    arboga, kungsor, coordinator, administrator
):
    varied_incidents(arboga, MAX_FEATURES + 300, seed=3)
    varied_incidents(kungsor, 700, seed=4)
    kept = Incident.objects.filter(municipality=arboga).first()
    duplicates = Incident.objects.filter(municipality=arboga).exclude(pk=kept.pk)[:20]
    Incident.objects.filter(pk__in=list(duplicates.values_list("pk", flat=True))).update(
        merged_into=kept
    )
    today = timezone.localdate()
    year_ago = (today - datetime.timedelta(days=365)).isoformat()
    lately = (today - datetime.timedelta(days=9)).isoformat()
    queries = [
        {},
        {"start": year_ago, "end": today.isoformat()},
        {"start": "2026-02-01", "end": "2026-04-30"},
        {"end": lately},
        {"category": ["Klotter"]},
        {"category": ["Klotter", "Brand/anlagd brand"], "start": year_ago},
        {"category": ["Inbrott"], "start": "2026-01-15", "end": lately},
    ]
    # The coordinator of both municipalities, over both.
    compared = assert_kept_as_counted(coordinator, queries, views_of(arboga, kungsor))
    assert compared["cells"] > 10
    assert compared["points"] > 0
    # One municipality picked in the filter, by its coordinator and by an administrator.
    arboga_only = [{**query, "municipality": "1984"} for query in queries]
    assert_kept_as_counted(coordinator, arboga_only, views_of(arboga, zooms=(9, 11, 13)))
    assert_kept_as_counted(administrator, arboga_only, views_of(arboga, zooms=(9, 11, 13)))


def test_other_filters_and_finer_zooms_are_counted(arboga, coordinator):
    many_incidents(arboga, 10)
    view = views_of(arboga, zooms=(12,))[0]
    assert both_answers(coordinator, {"status": ["new"]}, view)[2] is False
    assert both_answers(coordinator, {"q": "skolan"}, view)[2] is False
    assert min(MUNICIPAL_SIZES) == MapView(0, 0, 1, 1, 13).cell_size


def kept_rows() -> list:
    return sorted(
        IncidentMunicipalityCell.objects.values_list(
            "municipality_id", "category_id", "size", "month", "x", "y", "count"
        ),
        key=repr,
    )


def test_moving_recategorising_merging_importing_and_deleting_move_the_counts(
    client_for, arboga, kungsor, coordinator, reporter, file_incident
):
    many_incidents(arboga, MAX_FEATURES + 10)
    filed = file_incident(reporter, arboga)
    duplicate = file_incident(reporter, arboga)
    incident_update(incident=filed, by=coordinator, category=category_of(arboga, "fire"))
    x0, y0, x1, y1 = arboga.boundary.extent
    incident_update(
        incident=duplicate,
        by=coordinator,
        position=Point((x0 + x1) / 2 + 3000, (y0 + y1) / 2, srid=3006),
        occurred_from=timezone.now() - datetime.timedelta(days=40),
    )
    incident_merge(keep=filed, duplicate=duplicate, by=coordinator)
    client = client_for(coordinator)
    upload(client, arboga, csv_file(row(arboga), row(arboga, start="2026-03-06 08:00")))
    confirm(client, arboga.incident_imports.get())
    Incident.objects.filter(municipality=arboga).order_by("pk").first().delete()
    # An incident moved to another municipality leaves one's cells for the other's.
    moved = Incident.objects.filter(municipality=arboga).order_by("pk").last()
    Incident.objects.filter(pk=moved.pk).update(
        municipality=kungsor, category=category_of(kungsor, "graffiti")
    )

    queries = [{}, {"category": ["Brand/anlagd brand"]}, {"category": ["Klotter"]}]
    assert_kept_as_counted(coordinator, queries, views_of(arboga, kungsor, zooms=(8, 10, 13)))
    fire = {"category": ["Brand/anlagd brand"], **view_of(arboga, zoom=13)}
    assert len(map_data(client, fire)["incidents"]["features"]) == 1
    # What the writes left is what a rebuild counts from scratch.
    before = kept_rows()
    call_command("rebuild_incident_counts", stdout=io.StringIO())
    assert kept_rows() == before
    assert {size for (_m, _c, size, *_rest) in before} == set(MUNICIPAL_SIZES)


def test_a_kungsor_coordinator_never_gets_arboga_counts_from_the_cells(
    client_for, outsider, arboga, kungsor
):
    many_incidents(arboga, MAX_FEATURES + 1)
    many_incidents(kungsor, MAX_FEATURES + 5)
    client = client_for(outsider)

    for zoom in (8, 10, 12, 13):
        for query in ({}, {"category": "Klotter"}, {"start": "2026-01-01"}):
            data = map_data(client, {**view_of(arboga, kungsor, zoom=zoom), **query})
            counts = [f["properties"]["count"] for f in data["incidents"]["features"]]
            assert sum(counts) == MAX_FEATURES + 5, (zoom, query)
        response = client.get(URL, {**view_of(arboga, zoom=zoom), "municipality": "1984"})
        assert response.json()["incidents"]["features"] == []


def browser_of(user) -> Client:
    """Return a client of its own (a browser) logged in as ``user``."""
    return log_in_with_second_factor(Client(), user)


def test_a_view_asked_for_again_is_not_modified_until_an_incident_changes(
    coordinator, outsider, reporter, arboga, kungsor, file_incident
):
    many_incidents(arboga, MAX_FEATURES + 1)
    client = browser_of(coordinator)
    query = view_of(arboga, zoom=10)
    kungsor_client = browser_of(outsider)
    kungsor_etag = kungsor_client.get(URL, view_of(kungsor, zoom=10))["ETag"]

    first = client.get(URL, query)
    etag = first["ETag"]
    assert first.status_code == 200
    again = client.get(URL, query, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    # Another view is another answer.
    other_zoom = client.get(URL, {**query, "zoom": "11"}, headers={"if-none-match": etag})
    assert other_zoom.status_code == 200

    file_incident(reporter, arboga)
    fresh = client.get(URL, query, headers={"if-none-match": etag})
    assert fresh.status_code == 200
    assert fresh["ETag"] != etag
    counts = [f["properties"]["count"] for f in fresh.json()["incidents"]["features"]]
    assert sum(counts) == MAX_FEATURES + 2
    # Arboga's new incident changes nothing the Kungsör coordinator sees.
    kungsor_again = kungsor_client.get(
        URL, view_of(kungsor, zoom=10), headers={"if-none-match": kungsor_etag}
    )
    assert kungsor_again.status_code == 304

    # Another user's browser never gets a 304 for the coordinator's answer.
    other = kungsor_client.get(URL, query, headers={"if-none-match": fresh["ETag"]})
    assert other.status_code == 200
    assert other.json()["incidents"]["features"] == []

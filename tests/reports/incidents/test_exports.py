"""Exports: the list's filter gives the same incidents as CSV, Excel and GeoJSON."""

import datetime
import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reports.incidents.filing import incident_triage

from . import test_list
from .test_list import QUERIES, exported, listed, local

#: The list's four incidents of March 2026, so that the exports answer the list's queries.
incidents = test_list.incidents


def excel_rows(client, query):
    response = client.get(reverse("incident_export_xlsx"), query)
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    return rows[0], rows[1:]


def geojson(client, query):
    response = client.get(reverse("incident_export_geojson"), query)
    assert response.status_code == 200
    assert response.streaming
    return json.loads(b"".join(response.streaming_content))


@pytest.mark.parametrize("name", QUERIES)
def test_the_filter_gives_the_same_incidents_in_every_export(
    client_for, coordinator, incidents, name
):
    incident_triage(
        incident=incidents["littering_by_coordinator"], by=coordinator, status="reviewed"
    )
    query, expected_names = QUERIES[name]
    expected = {incidents[n].pk for n in expected_names}
    client = client_for(coordinator)

    assert listed(client, query) == expected
    assert {int(row[0]) for row in exported(client, query)[1]} == expected
    assert {row[0] for row in excel_rows(client, query)[1]} == expected
    assert {f["properties"]["id"] for f in geojson(client, query)["features"]} == expected


def test_excel_has_a_header_real_local_datetimes_and_widths(client_for, coordinator, incidents):
    client = client_for(coordinator)
    header, rows = excel_rows(client, {"q": "container"})

    assert header[:5] == ("id", "kommun", "kategori", "från", "till")
    (row,) = rows
    # The fire began 22:00 Swedish time on 5 March (21:00 UTC).
    assert row[3] == local(5, 22).replace(tzinfo=None)
    assert row[4] == local(6, 2).replace(tzinfo=None)
    assert isinstance(row[3], datetime.datetime)
    response = client.get(reverse("incident_export_xlsx"))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.column_dimensions["J"].width == 60
    assert sheet["A1"].font.bold


def test_excel_cells_are_safe_from_formulas(client_for, coordinator, incidents):
    _header, rows = excel_rows(client_for(coordinator), {"municipality": "1960"})
    assert rows[0][9] == '\'=HYPERLINK("evil")'


def test_excel_keeps_text_as_typed_and_numbers_as_numbers(client_for, coordinator, incidents):
    fire = incidents["fire_on_the_5th"]
    # XML's own characters, a line break, spaces at the ends, and a bell XML does not allow.
    fire.description = " <b>Brand & rök</b>\nrad två\x07 "
    fire.save()

    header, (row,) = excel_rows(client_for(coordinator), {"q": "rök"})

    assert row[9] == " <b>Brand & rök</b>\nrad två "
    assert isinstance(row[0], int)
    assert isinstance(row[5], float)
    assert isinstance(row[6], float)
    assert (row[7], row[13], row[14]) == ("ja", "nej", None)


def test_excel_of_a_filter_that_selects_nothing_has_the_header_only(
    client_for, outsider, incidents
):
    header, rows = excel_rows(client_for(outsider), {"municipality": "1984"})
    assert header[0] == "id"
    assert rows == []


def test_geojson_is_wgs84_and_flags_imprecise_positions(client_for, coordinator, arboga, incidents):
    incident = incidents["fire_on_the_5th"]
    incident.position_precise = False
    incident.save()

    collection = geojson(client_for(coordinator), {"q": "container"})

    (feature,) = collection["features"]
    lon, lat = feature["geometry"]["coordinates"]
    wgs84 = incident.position.transform(4326, clone=True)
    assert (lon, lat) == pytest.approx((wgs84.x, wgs84.y), abs=1e-6)
    assert feature["properties"]["precise_position"] is False
    assert feature["properties"]["from"] == "2026-03-05T22:00:00+01:00"
    assert "reporter" not in feature["properties"]


def test_the_outsider_gets_nothing_of_arboga_in_any_export(client_for, outsider, incidents):
    client = client_for(outsider)
    kungsor_only = {incidents["kungsor_graffiti"].pk}

    assert {int(r[0]) for r in exported(client, {})[1]} == kungsor_only
    assert {r[0] for r in excel_rows(client, {})[1]} == kungsor_only
    assert {f["properties"]["id"] for f in geojson(client, {})["features"]} == kungsor_only
    # Asking for Arboga by name is an invalid filter for the outsider: nothing at all.
    assert geojson(client, {"municipality": "1984"})["features"] == []


def test_the_list_links_every_export_with_the_current_filter(client_for, coordinator, incidents):
    html = client_for(coordinator).get(reverse("incident_list"), {"q": "skola"}).content.decode()
    for name in ("incident_export", "incident_export_xlsx", "incident_export_geojson"):
        assert reverse(name) + "?q=skola" in html


def test_excel_begins_a_new_sheet_past_the_row_limit(
    client_for, coordinator, incidents, monkeypatch
):
    monkeypatch.setattr("reports.incidents.export_workbook.EXCEL_SHEET_ROWS", 3)
    response = client_for(coordinator).get(reverse("incident_export_xlsx"))
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))

    assert [sheet.max_row for sheet in workbook.worksheets] == [4, 2]
    assert workbook.worksheets[1]["A1"].value == "id"

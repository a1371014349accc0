"""Importing police events: occurrence time from the name, imprecise positions, no duplicates."""

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from est.municipalities import municipalities_load
from reports.incidents.models import Incident
from reports.incidents.police_events import (
    UnusableEvent,
    occurred_at,
    parse_event,
    police_events_import,
    published_at,
)

DATA = Path(__file__).resolve().parents[3] / "reports" / "incidents" / "data"
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def test_publication_time_with_an_unpadded_hour():
    assert published_at("2023-04-11 3:24:01 +02:00") == datetime(
        2023, 4, 11, 3, 24, 1, tzinfo=ZoneInfo("Europe/Stockholm")
    )


@pytest.mark.parametrize(
    ("name", "published", "expected"),
    [
        ("22 augusti 17.59, Brand, Kävlinge", "2026-08-22 19:51:41 +02:00", (2026, 8, 22, 17, 59)),
        ("06 juli 22:02, Olaga intrång, Arboga", "2023-07-07 7:22:12 +02:00", (2023, 7, 6, 22, 2)),
        ("31 december 23.40, Brand, Arboga", "2024-01-01 8:00:00 +01:00", (2023, 12, 31, 23, 40)),
    ],
)
def test_occurrence_time_comes_from_the_name(name, published, expected):
    assert occurred_at(name, published_at(published)) == datetime(*expected, tzinfo=STOCKHOLM)


def test_summaries_and_garbage_are_refused_with_a_reason():
    with pytest.raises(UnusableEvent, match="summary"):
        parse_event({"type": "Sammanfattning natt", "id": 1})
    with pytest.raises(UnusableEvent, match="missing or malformed"):
        parse_event({"type": "Brand", "id": 2, "datetime": "2026-01-01 10:00:00 +01:00"})
    with pytest.raises(UnusableEvent, match="no occurrence time"):
        parse_event(
            {
                "id": 3,
                "type": "Brand",
                "name": "Brand i Arboga",
                "datetime": "2026-01-01 10:00:00 +01:00",
                "location": {"name": "Arboga", "gps": "59.39,15.83"},
            }
        )


@pytest.fixture
def sweden(db):
    municipalities_load()


def test_arboga_and_kungsor_events_import_once(sweden, capsys):
    path = DATA / "events_arboga_kungsor.json"
    call_command("import_police_events", str(path))
    assert "127 created, 0 updated, 0 unchanged, 0 skipped." in capsys.readouterr().out
    call_command("import_police_events", str(path))
    assert "0 created, 0 updated, 127 unchanged" in capsys.readouterr().out
    incidents = Incident.objects.filter(source=Incident.Source.POLICE_EVENT)
    assert incidents.count() == 127
    assert incidents.filter(position_precise=True).count() == 0
    # A county event ("Västmanlands län") lands inside the municipality its name ends with.
    county = incidents.get(
        police_event_id=next(
            e["id"] for e in json.loads(path.read_text()) if e["location"]["name"].endswith("län")
        )
    )
    assert county.municipality.boundary.contains(county.position)
    fire = incidents.get(police_event_id=390671)
    assert fire.occurred_from == datetime(2022, 12, 20, 11, 31, tzinfo=STOCKHOLM)
    assert fire.occurred_from == fire.occurred_to
    assert fire.municipality.name == "Kungsör"


def test_a_changed_event_is_updated_not_duplicated(sweden):
    event = json.loads((DATA / "events_arboga_kungsor.json").read_text())[0]
    police_events_import(events=[event])
    event = {**event, "summary": "Uppdaterad sammanfattning."}
    result = police_events_import(events=[event])
    assert (result.created, result.updated) == (0, 1)
    incident = Incident.objects.get(police_event_id=event["id"])
    assert "Uppdaterad sammanfattning." in incident.description
    assert incident.history.count() == 2


@pytest.mark.parametrize(
    ("name", "published"),
    [
        ("29 oktober 02.50, Brand, Arboga", "2023-10-29 2:10:00 +01:00"),  # clocks turned back
        ("26 mars 02.02, Brand, Arboga", "2023-03-26 4:10:00 +02:00"),  # an hour that is skipped
    ],
)
def test_an_event_in_the_hour_the_clocks_change_is_unchanged_when_polled_again(
    sweden, name, published
):
    event = json.loads((DATA / "events_arboga_kungsor.json").read_text())[0]
    event = {**event, "name": name, "datetime": published}
    police_events_import(events=[event])
    result = police_events_import(events=[event])
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    assert Incident.objects.get(police_event_id=event["id"]).history.count() == 1


def test_the_national_sample_keeps_the_events_it_can_place(sweden):
    events = json.loads((DATA / "events_sample.json").read_text())
    result = police_events_import(events=events)
    assert result.created + len(result.skipped) == 500
    reasons = {reason.split(" ")[0] for _, reason in result.skipped}
    assert reasons <= {"Sammanfattning", "a", "Information", "Uppdatering"}
    assert result.created > 300

"""Compiling a situation picture gives exactly the counts the known incidents add up to."""

import datetime

import pytest
from django.core.management import call_command

from est.periods import fortnight_containing, last_ended_period
from reports.situation.compile import (
    situation_picture_compile,
    situation_picture_ensure,
    situation_pictures_due,
)
from reports.situation.models import SituationPicture
from reports.tasks import compile_due_situation_pictures
from tests.reports.helpers import PERIOD_START, known_incidents, local


def compiled(municipality, start=PERIOD_START) -> SituationPicture:
    picture, _ = situation_picture_ensure(municipality=municipality, period_start=start)
    situation_picture_compile(picture_id=picture.pk)
    picture.refresh_from_db()
    return picture


def test_periods_are_fortnights_from_the_anchor_monday():
    assert fortnight_containing(datetime.date(2025, 3, 30)) == (
        datetime.date(2025, 3, 17),
        datetime.date(2025, 3, 31),
    )
    assert fortnight_containing(datetime.date(2025, 3, 31))[0] == datetime.date(2025, 3, 31)
    # Before the anchor, too.
    assert fortnight_containing(datetime.date(2024, 12, 31))[0] == datetime.date(2024, 12, 23)
    assert last_ended_period(local(2025, 3, 31, 0, 1)) == (
        datetime.date(2025, 3, 17),
        datetime.date(2025, 3, 31),
    )


def test_key_figures_count_exactly(arboga, kungsor):
    known_incidents(arboga, kungsor)
    content = compiled(arboga).content
    figures = {f["name"]: f for f in content["key_figures"]["categories"]}
    assert (figures["Klotter"]["current"], figures["Klotter"]["previous"]) == (1, 1)
    assert figures["Klotter"]["last_year"] == 2
    assert (figures["Skadegörelse"]["current"], figures["Skadegörelse"]["previous"]) == (2, 0)
    assert figures["Inbrott"]["current"] == 0  # the police event is not a report
    total = content["key_figures"]["total"]
    assert (total["current"], total["previous"], total["last_year"]) == (3, 1, 2)
    assert content["incident_count"] == 3
    assert total["previous_change"]["significant"] is False


def test_a_large_rise_is_marked_beyond_chance(arboga, kungsor):
    from tests.reports.helpers import incident

    for day in range(17, 31):
        for hour in (1, 2, 3):
            incident(arboga, "disorder", local(2025, 3, day, 10 + hour))
    incident(arboga, "disorder", local(2025, 3, 5, 12))
    figure = next(
        f
        for f in compiled(arboga).content["key_figures"]["categories"]
        if f["name"] == "Ordningsstörning"
    )
    assert (figure["current"], figure["previous"]) == (42, 1)
    assert figure["previous_change"]["significant"] is True
    assert figure["previous_change"]["p_value"] < 0.001


def test_when_spreads_aoristically_across_midnight_and_daylight_saving(arboga, kungsor):
    known_incidents(arboga, kungsor)
    when = compiled(arboga).content["when"]
    matrix = when["matrix"]
    assert matrix[1][12] == 1  # Tuesday 12:30
    assert matrix[4][23] == 0.5
    assert matrix[5][0] == 0.5
    assert matrix[6][1] == 0.5
    assert matrix[6][2] == 0
    assert matrix[6][3] == 0.5
    assert when["total"] == 3
    assert when["weekdays"] == [0, 1, 0, 0, 0.5, 0.5, 1]
    assert sum(when["hours"]) == 3


def test_the_trend_counts_months(arboga, kungsor):
    known_incidents(arboga, kungsor)
    content = compiled(arboga).content
    trend = content["trend"]
    assert trend["months"][-1] == "2025-03"
    assert len(trend["months"]) == 12
    graffiti = next(f for f in content["key_figures"]["categories"] if f["name"] == "Klotter")
    assert trend["series"][str(graffiti["category"])][-1] == 2  # 5 and 18 March


def test_who_reported_and_police_events(arboga, kungsor, reporter):
    known_incidents(arboga, kungsor, reporter=reporter)
    content = compiled(arboga).content
    organisations = {o["name"]: o["count"] for o in content["who"]["organisations"]}
    assert organisations[reporter.organisation.name] == 1
    assert sum(organisations.values()) == 3
    assert content["who"]["silent_reporters"] == []
    events = content["police_events"]
    assert [(e["at"], e["summary"]) for e in events] == [("2025-03-25 03:00", "Inbrott i villa")]


def test_trained_reporters_who_reported_nothing_are_listed(arboga, kungsor, reporter):
    known_incidents(arboga, kungsor)
    silent = compiled(arboga).content["who"]["silent_reporters"]
    assert [s["name"] for s in silent] == [reporter.get_full_name() or reporter.username]


def test_two_beat_runs_make_one_picture(arboga, kungsor):
    known_incidents(arboga, kungsor)
    now = local(2025, 3, 31, 0, 5)
    municipalities = type(arboga).objects.filter(pk__in=[arboga.pk, kungsor.pk])
    first = situation_pictures_due(now=now, municipalities=municipalities)
    second = situation_pictures_due(now=now, municipalities=municipalities)
    assert sorted(first) == sorted(second)
    assert len(first) == 2
    assert [situation_picture_compile(picture_id=pk) for pk in first] == [True, True]
    # A retried task or a second tick compiles nothing again.
    assert [situation_picture_compile(picture_id=pk) for pk in first] == [False, False]
    assert situation_pictures_due(now=now, municipalities=municipalities) == []
    assert SituationPicture.objects.filter(period_start=PERIOD_START).count() == 2


def test_the_beat_task_compiles_each_municipality_once(arboga, kungsor, settings, monkeypatch):
    import est.periods

    known_incidents(arboga, kungsor)
    monkeypatch.setattr(est.periods.timezone, "now", lambda: local(2025, 3, 31, 0, 5))
    compile_due_situation_pictures.delay()
    compile_due_situation_pictures.delay()
    pictures = SituationPicture.objects.filter(period_start=PERIOD_START)
    assert pictures.count() == SituationPicture.objects.count()
    assert sorted(p.municipality.code for p in pictures) == sorted(
        type(arboga).objects.values_list("code", flat=True)
    )
    assert {p.compile_state for p in pictures} == {SituationPicture.CompileState.DONE}


def test_the_command_compiles_by_hand(arboga, kungsor, capsys):
    known_incidents(arboga, kungsor)
    call_command("compile_situation_pictures", "--municipality=1984", "--period=2025-03-20")
    call_command("compile_situation_pictures", "--municipality=1984", "--period=2025-03-20")
    picture = SituationPicture.objects.get()
    assert picture.content["incident_count"] == 3
    assert "0 pictures compiled" in capsys.readouterr().out


@pytest.mark.parametrize("minutes", [5, 11])
def test_a_claim_left_by_a_dead_worker_is_taken_again_after_ten_minutes(arboga, minutes):
    picture, _ = situation_picture_ensure(municipality=arboga, period_start=PERIOD_START)
    claimed_at = local(2025, 4, 1, 12)
    SituationPicture.objects.filter(pk=picture.pk).update(
        compile_state=SituationPicture.CompileState.RUNNING, claimed_at=claimed_at
    )
    now = claimed_at + datetime.timedelta(minutes=minutes)
    assert situation_picture_compile(picture_id=picture.pk, now=now) is (minutes > 10)


def test_hot_spots_and_repeat_places(arboga, kungsor):
    from tests.reports.helpers import incident

    for n in range(12):
        incident(arboga, "vandalism", local(2025, 3, 18 + n % 7, 21, 30), dx=n * 3)
    where = compiled(arboga).content["where"]
    assert where["repeat_places"][0]["count"] == 12
    assert where["hot_spots"]
    assert where["hot_spots"][0]["count"] == 12
    assert sum(cell["count"] for cell in where["cells"]) == 12
    patrols = compiled(arboga).content["patrols"]
    assert patrols
    assert patrols[0]["place"] == where["repeat_places"][0]["label"]
    assert patrols[0]["start_hour"] <= 21 < patrols[0]["start_hour"] + 3


_WHOLE_GRID_SQL = """
SELECT ST_X(ST_Centroid(hex.geom)), ST_Y(ST_Centroid(hex.geom)), count(incident.id)
FROM est_municipality AS m
CROSS JOIN ST_HexagonGrid(%(size)s, m.boundary) AS hex
LEFT JOIN reports_incident AS incident
  ON incident.municipality_id = m.id AND ST_Intersects(hex.geom, incident.position)
 AND incident.occurred_from >= %(start)s AND incident.occurred_from < %(end)s
WHERE m.id = %(municipality)s AND ST_Intersects(hex.geom, m.boundary)
GROUP BY hex.geom
"""


def test_hot_spots_on_the_grid_near_the_data_are_those_of_the_whole_grid(arboga, kungsor):
    """The grid is made only around the incidents; every cell with incidents in its
    neighbourhood has the z-score it has on the grid over the whole municipality."""
    import pandas as pd
    from django.db import connection

    from reports.analysis.hotspots import getis_ord_gi_star
    from reports.situation.places import HEX_SIZE, NEIGHBOURS, grid_size
    from tests.reports.helpers import incident

    # Two clusters 4 km apart and a lone incident: three separate pieces of grid.
    for n in range(9):
        incident(arboga, "vandalism", local(2025, 3, 18 + n % 7, 21), dx=n * 40, dy=n * 25)
        incident(arboga, "graffiti", local(2025, 3, 19, 14), dx=4000 + n * 60, dy=-300)
    incident(arboga, "graffiti", local(2025, 3, 20, 14), dx=-3000, dy=2500)
    with connection.cursor() as cursor:
        cursor.execute(
            _WHOLE_GRID_SQL,
            {
                "size": HEX_SIZE,
                "municipality": arboga.pk,
                "start": local(2025, 3, 17),
                "end": local(2025, 3, 31),
            },
        )
        whole = pd.DataFrame(cursor.fetchall(), columns=["x", "y", "count"])
    expected = getis_ord_gi_star(whole, distance=NEIGHBOURS)
    assert grid_size(arboga) == len(whole)

    cells = pd.DataFrame(compiled(arboga).content["where"]["cells"])
    assert len(cells) < len(whole) / 5  # only the grid near the data is drawn and counted
    data = whole[whole["count"] > 0]
    near_data = cells[
        [
            ((data["x"] - c.x) ** 2 + (data["y"] - c.y) ** 2 <= NEIGHBOURS**2).any()
            for c in cells.itertuples()
        ]
    ]
    assert len(near_data) >= 10
    merged = near_data.merge(
        expected.round({"x": 1, "y": 1}), on=["x", "y"], suffixes=("", "_whole")
    )
    assert len(merged) == len(near_data)
    assert list(merged["z"]) == list(merged["z_whole"].round(2))
    assert list(merged["spot"]) == list(merged["spot_whole"])
    assert "hot99" in set(merged["spot"])

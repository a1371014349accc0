import pandas as pd
import pytest

from reports.analysis.patrols import patrol_guidance


def hours(place, weekday, hour, weight=1.0):
    return {"place": place, "weekday": weekday, "hour": hour, "weight": weight}


def test_the_busiest_window_of_the_busiest_place_comes_first():
    rows = [hours("Centrum", 4, h) for h in (22, 23, 23, 23)]  # Friday late evening
    rows += [hours("Centrum", 5, 0, 2.0)]  # …into Saturday night
    rows += [hours("Skolan", 1, 15)]  # one Tuesday afternoon
    guidance = patrol_guidance(pd.DataFrame(rows), window=3, per_place=1)
    first = guidance.iloc[0]
    assert (first["place"], first["weekday"], first["start_hour"], first["end_hour"]) == (
        "Centrum",
        4,
        22,
        1,
    )
    assert first["expected"] == pytest.approx(6)
    assert first["share"] == pytest.approx(1)
    assert list(guidance["place"]) == ["Centrum", "Skolan"]


def test_windows_of_one_place_do_not_overlap():
    rows = [hours("Torget", 5, h, 1.0) for h in range(20, 24)] + [hours("Torget", 2, 12, 0.5)]
    guidance = patrol_guidance(pd.DataFrame(rows), window=2, per_place=3)
    windows = list(zip(guidance["weekday"], guidance["start_hour"], strict=True))
    assert windows == [(5, 20), (5, 22), (2, 11)]


def test_nothing_to_guide_gives_an_empty_table():
    assert patrol_guidance(pd.DataFrame(columns=["place", "weekday", "hour", "weight"])).empty

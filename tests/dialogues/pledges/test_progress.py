"""The roll-up of activity statuses, without a database."""

import pytest

from dialogues.pledges.progress import Progress, progress_of


def test_share_done_counts_done_among_planned_activities():
    progress = progress_of(["done", "done", "under_way", "not_started", "cancelled"])
    assert progress == Progress(not_started=1, under_way=1, done=2, cancelled=1)
    assert progress.total == 5
    assert progress.planned == 4
    assert progress.share_done == 0.5
    assert progress.percent_done == 50


def test_nothing_planned_is_zero_not_a_division_error():
    assert progress_of([]).share_done == 0.0
    assert progress_of(["cancelled"]).percent_done == 0


def test_percent_rounds_down_so_unfinished_never_shows_as_complete():
    assert progress_of(["done"] * 199 + ["under_way"]).percent_done == 99
    assert progress_of(["done", "done"]).percent_done == 100


def test_focus_areas_add_up_to_the_pledge():
    total = progress_of(["done", "not_started"]) + progress_of(["under_way", "done"])
    assert total == Progress(not_started=1, under_way=1, done=2)
    assert total.share_done == 0.5


def test_unknown_status_is_an_error():
    with pytest.raises(ValueError, match="finished"):
        progress_of(["finished"])

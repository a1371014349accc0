"""Interventions judged through the compile step's SQL, on incidents placed in PostGIS where the
right answer is known: a real drop, no change, displacement into the buffer, too few."""

import datetime

import pytest

from reports.analysis.effect import Spillover, Verdict
from reports.tertial.effects import EffectWindow, intervention_evaluation, interventions_evaluated
from tests.factories import AreaFactory, square
from tests.reports.helpers import incident, local

STARTS = datetime.date(2025, 6, 1)
UNTIL = datetime.date(2025, 7, 1)  # 30 days; "before" is 2 May – 31 May


@pytest.fixture
def target(arboga):
    centre = arboga.boundary.centroid
    return AreaFactory(municipality=arboga, boundary=square(centre.x - 3000, centre.y - 3000, 1000))


# Offsets from the municipality's centre: inside the target square, 150 m south of it (in the
# 300 m ring), and far away in the rest of the municipality.
TARGET, RING, ELSEWHERE = (-2500, -2500), (-2500, -3150), (3000, 3000)


def place(arboga, where, before, after):
    dx, dy = where
    for n in range(before):
        incident(arboga, "vandalism", local(2025, 5, 3 + n % 28, 22), dx=dx, dy=dy + n % 5)
    for n in range(after):
        incident(arboga, "vandalism", local(2025, 6, 2 + n % 28, 22), dx=dx, dy=dy + n % 5)


def judge(arboga, target):
    return intervention_evaluation(
        municipality=arboga, target=target.boundary, starts_on=STARTS, until=UNTIL
    )


def test_a_real_drop_is_an_effect(arboga, target):
    place(arboga, TARGET, 30, 6)
    place(arboga, ELSEWHERE, 40, 40)
    result = judge(arboga, target)
    assert result["counts"]["target"] == {"before": 30, "after": 6}
    assert result["counts"]["comparison"] == {"before": 40, "after": 40}
    assert result["verdict"] == Verdict.EFFECT
    assert result["change_percent"] == -80
    assert result["before_start"] == "2025-05-02"


def test_no_change_is_no_detectable_effect(arboga, target):
    place(arboga, TARGET, 20, 19)
    place(arboga, ELSEWHERE, 40, 40)
    assert judge(arboga, target)["verdict"] == Verdict.NO_DETECTABLE_EFFECT


def test_incidents_moving_into_the_ring_are_displacement(arboga, target):
    place(arboga, TARGET, 30, 5)
    place(arboga, RING, 5, 30)
    place(arboga, ELSEWHERE, 40, 40)
    result = judge(arboga, target)
    assert result["counts"]["buffer"] == {"before": 5, "after": 30}
    # Ring incidents are neither target nor comparison.
    assert result["counts"]["comparison"] == {"before": 40, "after": 40}
    assert result["verdict"] == Verdict.EFFECT
    assert result["spillover"] == Spillover.DISPLACEMENT


def test_too_few_incidents_tell_nothing(arboga, target):
    place(arboga, TARGET, 3, 1)
    place(arboga, ELSEWHERE, 40, 40)
    result = judge(arboga, target)
    assert result["verdict"] == Verdict.TOO_LITTLE_DATA
    assert result["change_percent"] is None


def test_a_named_comparison_area_replaces_the_rest_of_the_municipality(arboga, target):
    centre = arboga.boundary.centroid
    comparison = square(centre.x + 2000, centre.y + 2000, 2000)
    place(arboga, TARGET, 30, 6)
    place(arboga, ELSEWHERE, 40, 40)  # inside the named comparison square
    place(arboga, (-4000, 4000), 50, 0)  # elsewhere, outside it: not counted
    result = intervention_evaluation(
        municipality=arboga, target=target.boundary, starts_on=STARTS, until=UNTIL,
        comparison=comparison,
    )  # fmt: skip
    assert result["counts"]["comparison"] == {"before": 40, "after": 40}
    assert result["named_comparison"] is True


def test_the_compiled_analysis_judges_each_intervention_of_the_tertial(arboga, target):
    from est.periods import Tertial
    from reports.situation.models import Intervention, SituationPicture
    from reports.tertial.compile import analysis_content
    from tests.factories import OrganisationFactory

    picture = SituationPicture.objects.create(
        municipality=arboga, period_start=datetime.date(2025, 2, 17),
        period_end=datetime.date(2025, 3, 3),
    )  # fmt: skip
    organisation = OrganisationFactory()
    organisation.municipalities.add(arboga)
    Intervention.objects.create(
        municipality=arboga, decided_in=picture, what="Väktarrondering fre–lör",
        area=target, starts_on=datetime.date(2025, 3, 1), ends_on=datetime.date(2025, 4, 30),
        organisation=organisation,
    )  # fmt: skip
    dx, dy = TARGET
    for n in range(30):  # 30 before (January–February), 5 during (March–April)
        incident(arboga, "vandalism", local(2025, 1, 5 + n % 25, 22), dx=dx, dy=dy)
    for n in range(5):
        incident(arboga, "vandalism", local(2025, 3, 5 + n, 22), dx=dx, dy=dy)
    for n in range(40):
        incident(arboga, "vandalism", local(2025, 1, 5 + n % 25, 22), dx=3000, dy=3000)
        incident(arboga, "vandalism", local(2025, 3, 5 + n % 25, 22), dx=3000, dy=3000)
    [judged] = analysis_content(arboga, Tertial(2025, 1))["interventions"]
    assert judged["what"] == "Väktarrondering fre–lör"
    assert judged["counts"]["target"] == {"before": 30, "after": 5}
    assert judged["counts"]["comparison"] == {"before": 40, "after": 40}
    assert judged["verdict"] == Verdict.EFFECT
    assert judged["until"] == "2025-05-01"


def test_interventions_counted_together_are_each_counted_on_their_own(arboga, target):
    """The compile step counts all of a tertial's interventions in one pass; each window keeps
    its own place and time (a later window, another target, a named comparison)."""
    centre = arboga.boundary.centroid
    elsewhere = square(centre.x + 2000, centre.y + 2000, 2000)
    place(arboga, TARGET, 30, 6)
    place(arboga, RING, 5, 9)
    place(arboga, ELSEWHERE, 40, 40)
    windows = [
        EffectWindow(target.boundary, STARTS, UNTIL),
        EffectWindow(elsewhere, STARTS, UNTIL),
        EffectWindow(target.boundary, datetime.date(2025, 6, 16), UNTIL, comparison=elsewhere),
    ]
    together = interventions_evaluated(municipality=arboga, windows=windows)
    alone = [
        intervention_evaluation(
            municipality=arboga, target=w.target, starts_on=w.starts_on, until=w.until,
            comparison=w.comparison,
        )
        for w in windows
    ]  # fmt: skip
    assert together == alone
    assert together[0]["counts"] == {
        "target": {"before": 30, "after": 6},
        "buffer": {"before": 5, "after": 9},
        "comparison": {"before": 40, "after": 40},
    }
    assert together[1]["counts"]["target"] == {"before": 40, "after": 40}
    # The later window starts 16 June, so its "before" is 2–15 June: the target's six
    # incidents of 2–7 June; of the 40 elsewhere (2–29 June, then 2–13 June again) 26 and 14.
    assert together[2]["counts"]["target"] == {"before": 6, "after": 0}
    assert together[2]["counts"]["comparison"] == {"before": 26, "after": 14}

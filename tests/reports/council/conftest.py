"""What the action plan's tests share: a draft plan for 2025–2026 in Arboga, a way to add a
goal to it, and hand-countable incidents."""

import datetime

import pytest

from est.periods import local_midnight
from reports.council.plans import action_plan_create, goal_create
from tests.factories import AreaFactory, square
from tests.reports.conftest import category_of, centre_of


def _at(day: datetime.date):
    return local_midnight(day) + datetime.timedelta(hours=20)


@pytest.fixture
def plan(arboga, coordinator):
    return action_plan_create(
        municipality=arboga,
        by=coordinator,
        title="Trygghetsplan",
        first_year=2025,
        last_year=2026,
    )


def plan_goal(plan, coordinator, **fields):
    """Add a goal to ``plan``: fewer graffiti and vandalism, 10 in 2025-T1, 3 by 2026."""
    arguments = {
        "title": "Mindre klotter",
        "indicator": "incidents",
        "categories": [category_of(plan.municipality), category_of(plan.municipality, "vandalism")],
        "baseline_value": 10,
        "baseline_year": 2025,
        "baseline_tertial": 1,
        "target_value": 3,
        "target_on": datetime.date(2026, 12, 31),
        **fields,
    }
    return goal_create(plan=plan, by=coordinator, **arguments)


@pytest.fixture
def incidents(file_incident, reporter, arboga):
    """Hand-countable incidents: in 2025-T2 three graffiti and one vandalism (one of the graffiti
    in the corner area), in 2025-T3 two graffiti, and littering that no goal counts."""
    corner = centre_of(arboga).buffer(1).centroid
    corner.x, corner.y = arboga.boundary.extent[0] + 500, arboga.boundary.extent[1] + 500
    for day, code, position in [
        (datetime.date(2025, 5, 3), "graffiti", corner),
        (datetime.date(2025, 6, 3), "graffiti", None),
        (datetime.date(2025, 8, 31), "graffiti", None),
        (datetime.date(2025, 7, 1), "vandalism", None),
        (datetime.date(2025, 9, 1), "graffiti", None),
        (datetime.date(2025, 12, 31), "graffiti", corner),
        (datetime.date(2025, 6, 1), "littering", None),
    ]:
        file_incident(
            reporter,
            arboga,
            category=category_of(arboga, code),
            occurred_from=_at(day),
            occurred_to=_at(day),
            position=position or centre_of(arboga),
        )
    return AreaFactory(
        municipality=arboga,
        name="Hörnet",
        boundary=square(*arboga.boundary.extent[:2], 1_000),
    )


def survey_goal(plan, coordinator):
    """Add a goal measured by the survey, which no wave has measured: 60 % to 75 %."""
    return plan_goal(
        plan,
        coordinator,
        title="Tryggare på kvällen",
        indicator="survey_feeling_safe",
        categories=[],
        baseline_value=60,
        target_value=75,
    )

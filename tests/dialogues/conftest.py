"""Pledges built through the same functions the pages call."""

import datetime

import pytest

from dialogues.models import Activity
from dialogues.pledges import activity_create, focus_area_create, pledge_create, pledge_publish


def pledge_draft(municipality, by, year=2026, focus_areas=("Narkotika i centrummiljön",)):
    """Return a draft pledge with one activity per focus area."""
    pledge = pledge_create(
        municipality=municipality,
        year=year,
        introduction=f"Medborgarlöfte för {municipality.name} {year}.",
        by=by,
    )
    for title in focus_areas:
        focus_area = focus_area_create(
            pledge=pledge,
            title=title,
            reason="Återkommer i lägesbilden.",
            incident_categories=["Narkotika"],
        )
        activity_create(
            focus_area=focus_area,
            description=f"Medborgardialog om {title.lower()}",
            responsible=Activity.Responsible.TOGETHER,
            starts_on=datetime.date(year, 3, 1),
            ends_on=datetime.date(year, 11, 30),
            target="Minst två dialogtillfällen",
        )
    return pledge


@pytest.fixture
def arboga_draft(arboga, coordinator):
    return pledge_draft(arboga, coordinator)


@pytest.fixture
def arboga_pledge(arboga_draft, coordinator):
    """Arboga's published pledges for 2026."""
    return pledge_publish(pledge=arboga_draft, by=coordinator)

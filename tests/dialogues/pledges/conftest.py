"""Pledges built through the same functions the pages call."""

import datetime

import pytest

from dialogues.pledges.models import Activity, Pledge
from dialogues.pledges.services import (
    activity_create,
    activity_progress_add,
    focus_area_create,
    pledge_create,
    pledge_publish,
)
from reports.incidents.models import Category
from tests.reports.helpers import local


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
            categories=Category.objects.filter(municipality=municipality, code="drug_dealing"),
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


def report(activity, on: datetime.date, text: str, status: str, by) -> None:
    """Report progress on ``activity`` as the police do on the pledge's page."""
    activity_progress_add(activity=activity, on=on, text=text, status=status, by=by)


@pytest.fixture
def pledge_with_progress(arboga, coordinator, police):
    """Arboga's 2026 pledges, published in February: the drugs dialogue under way since 15
    March and done in May (after the tertial); the traffic dialogue never started."""
    pledge = pledge_draft(arboga, coordinator, focus_areas=("Narkotika i centrum", "Trafik"))
    pledge_publish(pledge=pledge, by=coordinator)
    Pledge.objects.filter(pk=pledge.pk).update(published_at=local(2026, 2, 2, 10))
    dialogue = Activity.objects.get(description="Medborgardialog om narkotika i centrum")
    first = "Första dialogen hölls på torget med 40 besökare."
    report(dialogue, datetime.date(2026, 3, 15), first, Activity.Status.UNDER_WAY, police)
    report(dialogue, datetime.date(2026, 5, 20), "Andra dialogen hölls i Nyby.", "done", police)
    return pledge

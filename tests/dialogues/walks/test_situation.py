"""The safety walks in the situation picture, through est.situation_sources: the period's
findings as a group of their own (not incidents), the open ones on the map, and an area with
many open findings in the hot-spot discussion."""

import datetime

import pytest

from dialogues.measures.services import measure_create, measure_status_set
from dialogues.walks.models import Finding, SafetyWalk
from reports.situation.compile import situation_picture_compile, situation_picture_ensure
from tests.dialogues.findings import finding_on, held_walk, street_department
from tests.factories import AreaFactory, square
from tests.reports.helpers import PERIOD_START, local

pytestmark = pytest.mark.django_db


def test_findings_are_their_own_group_on_the_map_and_in_the_hot_spot_discussion(
    client_for, coordinator, arboga
):
    walk = held_walk(arboga, coordinator)
    evening = local(PERIOD_START.year, PERIOD_START.month, PERIOD_START.day, 19) + (
        datetime.timedelta(days=2)
    )
    SafetyWalk.objects.filter(pk=walk.pk).update(
        starts_at=evening, ends_at=evening + datetime.timedelta(hours=2)
    )
    centre = arboga.boundary.centroid
    AreaFactory(
        municipality=arboga,
        name="Stationsområdet",
        boundary=square(centre.x - 500, centre.y - 500, 1000),
    )
    findings = [finding_on(walk, description=f"Mörkt hörn {n}") for n in range(4)]
    Finding.objects.update(recorded_at=evening)
    fixed = measure_create(
        municipality=arboga,
        by=coordinator,
        findings=findings[:1],
        title="Belys hörnet",
        responsible=street_department(arboga),
    )
    measure_status_set(measure=fixed, by=coordinator, status="done", done_note="Lampa satt upp.")
    picture, _created = situation_picture_ensure(municipality=arboga, period_start=PERIOD_START)
    situation_picture_compile(picture_id=picture.pk)
    picture.refresh_from_db()
    assert picture.content["incident_count"] == 0
    page = " ".join(
        client_for(coordinator).get(f"/situation/{picture.pk}/").content.decode().split()
    )
    assert (
        "Iakttagelser på trygghetsvandringar denna period, räknas inte bland händelserna: 4."
        in page
    )
    assert (
        "Också där många öppna iakttagelser från trygghetsvandringar väntar: Stationsområdet (3)."
        in page
    )
    # Three open findings, and the legend's swatch of each source (the walks', the tips' and
    # the neighbourhood watch groups').
    assert page.count('fill="#e69f00"') == 3 + 3

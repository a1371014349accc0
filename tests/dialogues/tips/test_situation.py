"""The tips in the situation picture, through est.situation_sources: the period's tips as a
group of their own, the open ones on the map; a tip recorded as an incident counts as one."""

import datetime

import pytest

from dialogues.tips.models import Tip
from dialogues.tips.services import tip_close, tip_record_as_incident
from reports.incidents.categories import category_create
from reports.situation.compile import situation_picture_compile, situation_picture_ensure
from tests.dialogues.tips.helpers import tip_in
from tests.reports.helpers import PERIOD_START, local

pytestmark = pytest.mark.django_db


def test_tips_are_their_own_group_and_recorded_ones_count_as_incidents(
    client_for, coordinator, arboga
):
    evening = local(PERIOD_START.year, PERIOD_START.month, PERIOD_START.day, 19)
    evening += datetime.timedelta(days=2)
    tips = [tip_in(arboga, east=100 * n, description=f"Mörkt hörn {n}") for n in range(4)]
    Tip.objects.update(created_at=evening)
    tips[0].refresh_from_db()
    tip_record_as_incident(
        tip=tips[0], by=coordinator, category=category_create(municipality=arboga, name="Belysning")
    )
    tip_close(tip=tips[1], by=coordinator, reason="Redan åtgärdat")
    picture, _created = situation_picture_ensure(municipality=arboga, period_start=PERIOD_START)
    situation_picture_compile(picture_id=picture.pk)
    picture.refresh_from_db()
    assert picture.content["incident_count"] == 1
    assert picture.content["sources"]["tips"]["count"] == 4
    assert len(picture.content["sources"]["tips"]["points"]) == 2
    page = " ".join(
        client_for(coordinator).get(f"/situation/{picture.pk}/").content.decode().split()
    )
    assert "Invånarnas tips denna period, räknas inte bland händelserna: 4." in page

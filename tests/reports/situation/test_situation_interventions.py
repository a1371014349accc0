"""Interventions decided at a situation picture, and their follow-up in later pictures."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from reports.situation.compile import situation_picture_compile, situation_picture_ensure
from reports.situation.interventions import intervention_create
from reports.situation.models import Intervention, SituationPicture
from reports.situation.workflow import situation_picture_publish
from tests.factories import AreaFactory, OrganisationFactory
from tests.reports.helpers import PERIOD_START, incident, local


def compiled(municipality, start):
    picture, _ = situation_picture_ensure(municipality=municipality, period_start=start)
    situation_picture_compile(picture_id=picture.pk, force=True)
    picture.refresh_from_db()
    return picture


@pytest.fixture
def place(arboga):
    """A 1 km square in Arboga's south-west corner, away from the centre the helpers use."""
    return AreaFactory(municipality=arboga, name="Hamnen")


@pytest.fixture
def guards(arboga):
    organisation = OrganisationFactory(name="Vakt AB")
    organisation.municipalities.add(arboga)
    return organisation


def in_place(place, code, when):
    x0, y0, _x1, _y1 = place.boundary.extent
    centre = place.municipality.boundary.centroid
    return incident(place.municipality, code, when, dx=x0 + 500 - centre.x, dy=y0 + 500 - centre.y)


def test_an_intervention_is_decided_and_followed_up_in_the_next_picture(
    client_for, coordinator, arboga, place, guards
):
    motivating = [in_place(place, "vandalism", local(2025, 3, day, 22)) for day in (5, 6, 7, 12)]
    first = compiled(arboga, datetime.date(2025, 3, 3))
    client = client_for(coordinator)
    response = client.post(
        f"/situation/{first.pk}/interventions/new/",
        {
            "what": "Väktarrond fredag–lördag kväll",
            "problem": "Skadegörelse vid hamnen helgkvällar",
            "area": place.pk,
            "starts_on": "2025-03-17",
            "ends_on": "2025-04-13",
            "times": "fre–lör 21–03",
            "organisation": guards.pk,
            "status": Intervention.Status.PLANNED,
            "incidents": [i.pk for i in motivating],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    intervention = Intervention.objects.get()
    assert intervention.incidents.count() == 4
    page = client.get(f"/situation/{first.pk}/").content.decode()
    assert "Väktarrond fredag–lördag kväll" in page

    client.post(f"/situation/interventions/{intervention.pk}/status/", {"status": "done"})
    in_place(place, "vandalism", local(2025, 3, 22, 23))
    incident(arboga, "vandalism", local(2025, 3, 22, 23))  # outside the area
    second = compiled(arboga, PERIOD_START)
    (row,) = second.content["follow_up"]
    assert (row["status"], row["since"]) == ("done", 1)
    assert row["before"] == 4  # 14 days before 17 March: 5, 6, 7 and 12 March
    page = client.get(f"/situation/{second.pk}/").content.decode()
    assert "Väktarrond fredag–lördag kväll" in page


def test_interventions_are_decided_only_on_drafts_and_in_the_municipality(
    coordinator, arboga, kungsor, place, guards
):
    picture = compiled(arboga, PERIOD_START)
    elsewhere = AreaFactory(municipality=kungsor, name="Annanstans")
    arguments = {
        "what": "Belysning",
        "starts_on": datetime.date(2025, 4, 1),
        "ends_on": datetime.date(2025, 4, 30),
        "organisation": guards,
    }
    with pytest.raises(ValidationError) as error:
        intervention_create(picture=picture, by=coordinator, area=elsewhere, **arguments)
    assert "area" in error.value.message_dict
    situation_picture_publish(picture=picture, by=coordinator)
    picture.refresh_from_db()
    assert picture.status == SituationPicture.Status.PUBLISHED
    with pytest.raises(ValidationError):
        intervention_create(picture=picture, by=coordinator, area=place, **arguments)


def test_another_municipality_cannot_touch_an_intervention(
    client_for, coordinator, outsider, arboga, place, guards
):
    picture = compiled(arboga, PERIOD_START)
    intervention = intervention_create(
        picture=picture,
        by=coordinator,
        what="Röjning av buskar",
        area=place,
        starts_on=datetime.date(2025, 4, 1),
        ends_on=datetime.date(2025, 4, 30),
        organisation=guards,
    )
    response = client_for(outsider).post(
        f"/situation/interventions/{intervention.pk}/status/", {"status": "done"}
    )
    assert response.status_code == 404
    assert (
        client_for(outsider).get(f"/situation/{picture.pk}/interventions/new/").status_code == 404
    )
    intervention.refresh_from_db()
    assert intervention.status == Intervention.Status.PLANNED

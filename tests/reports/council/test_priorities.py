"""The management group's priorities: recorded on an adopted tertial analysis, shown at the top
of every situation picture of the next tertial with their development, marked on the patrol
windows that match them."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from est.periods import Tertial
from reports.council.direction import patrols_mark
from reports.council.models import Priority
from reports.council.priorities import priority_create
from reports.incidents.models import Category
from reports.situation.compile import situation_picture_compile, situation_picture_ensure
from reports.situation.models import SituationPicture
from reports.tertial.compile import tertial_analysis_compile, tertial_analysis_ensure
from reports.tertial.workflow import tertial_analysis_adopt, tertial_analysis_submit
from tests.factories import AreaFactory, square
from tests.reports.helpers import PERIOD_START, incident, local

T3_2024 = Tertial(2024, 3)


def adopted_analysis(municipality, by, tertial=T3_2024):
    analysis, _ = tertial_analysis_ensure(municipality=municipality, tertial=tertial)
    tertial_analysis_compile(analysis_id=analysis.pk)
    analysis = tertial_analysis_submit(analysis=analysis, by=by)
    return tertial_analysis_adopt(
        analysis=analysis, by=by, adopted_on=tertial.end, decision="Kvällar i centrum."
    )


@pytest.fixture
def analysis(arboga, coordinator):
    # Two vandalisms on Friday nights in 2024-T3: the baseline of the priority below.
    incident(arboga, "vandalism", local(2024, 10, 4, 22))
    incident(arboga, "vandalism", local(2024, 10, 12, 1))  # Saturday 01:00: Friday's night
    incident(arboga, "vandalism", local(2024, 10, 8, 22))  # a Tuesday: outside the window
    return adopted_analysis(arboga, coordinator)


def friday_nights(analysis, coordinator, **extra):
    arguments = {
        "title": "Skadegörelse fredagsnätter",
        "category": Category.objects.get(municipality=analysis.municipality, code="vandalism"),
        "weekdays": [4],
        "start_hour": 21,
        "end_hour": 3,
    }
    return priority_create(analysis=analysis, by=coordinator, **{**arguments, **extra})


def compiled_picture(municipality):
    picture, _ = situation_picture_ensure(municipality=municipality, period_start=PERIOD_START)
    situation_picture_compile(picture_id=picture.pk, force=True)
    return SituationPicture.objects.get(pk=picture.pk)


def test_a_priority_set_at_adoption_is_on_the_next_tertials_picture_with_its_development(
    client_for, coordinator, arboga, kungsor, analysis
):
    friday_nights(analysis, coordinator)
    incident(arboga, "vandalism", local(2025, 3, 21, 23))  # Friday night in the picture
    incident(arboga, "vandalism", local(2025, 3, 23, 23))  # Sunday: not the priority's
    picture = compiled_picture(arboga)
    [priority] = picture.content["priorities"]
    assert priority["title"] == "Skadegörelse fredagsnätter"
    assert priority["current"] == 1
    assert priority["before_per_period"] == round(2 / (122 / 14), 1)
    page = client_for(coordinator).get(f"/situation/{picture.pk}/").content.decode()
    assert page.index("Skadegörelse fredagsnätter") < page.index("figures-heading")
    assert "fre 21–03" in page.lower()


def test_a_picture_of_a_later_tertial_shows_no_priority_of_an_older_one(
    coordinator, arboga, analysis
):
    friday_nights(analysis, coordinator)
    picture, _ = situation_picture_ensure(
        municipality=arboga, period_start=PERIOD_START + datetime.timedelta(days=70)
    )
    situation_picture_compile(picture_id=picture.pk)
    picture.refresh_from_db()
    assert picture.content["priorities"] == []


def test_the_patrol_windows_that_match_a_priority_are_marked(
    client_for, coordinator, arboga, analysis
):
    # Twelve evenings at 21:30 in one place: a repeat place with its evening windows.
    for n in range(12):
        incident(arboga, "vandalism", local(2025, 3, 18 + n % 7, 21, 30), dx=n * 3)
    evenings = friday_nights(analysis, coordinator, title="Kvällar", weekdays=[], start_hour=20)
    friday_nights(analysis, coordinator, title="Morgnar", weekdays=[0], start_hour=6, end_hour=9)
    picture = compiled_picture(arboga)
    patrols = picture.content["patrols"]
    assert patrols
    assert all(row["priorities"] == [evenings.title] for row in patrols)
    page = client_for(coordinator).get(f"/situation/{picture.pk}/").content.decode()
    assert "★ Kvällar" in page


def test_a_priority_in_another_area_marks_no_window():
    row = {"area": "Centrum", "weekday": 4, "start_hour": 22, "end_hour": 1}
    priority = {"title": "Norr", "area": "Norr", "slots": [4 * 24 + 23]}
    anywhere = {"title": "Alla", "area": "", "slots": [5 * 24 + 0]}
    assert patrols_mark([row], [priority, anywhere])[0]["priorities"] == ["Alla"]


def test_priorities_are_recorded_only_on_an_adopted_analysis_with_the_municipalitys_own_links(
    coordinator, arboga, kungsor, analysis
):
    draft, _ = tertial_analysis_ensure(municipality=arboga, tertial=Tertial(2025, 1))
    with pytest.raises(ValidationError):
        priority_create(analysis=draft, by=coordinator, title="Något")
    kungsor_area = AreaFactory(municipality=kungsor, boundary=square(0, 0, 10))
    with pytest.raises(ValidationError):
        priority_create(analysis=analysis, by=coordinator, title="Fel", area=kungsor_area)
    with pytest.raises(ValidationError):
        priority_create(analysis=analysis, by=coordinator, title="Fel", start_hour=21)
    assert not Priority.objects.exists()


def test_the_coordinator_records_a_priority_on_the_page_and_bad_input_keeps_what_was_typed(
    client_for, coordinator, arboga, analysis
):
    client = client_for(coordinator)
    url = f"/council/tertial/{analysis.pk}/priorities/new/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"title": "Centrum kvällar", "start_hour": "21", "end_hour": "21"})
    assert response.status_code == 200
    assert "Centrum kvällar" in response.content.decode()
    window = {"weekdays": ["4", "5"], "start_hour": "21", "end_hour": "3"}
    response = client.post(url, {"title": "Centrum kvällar", **window})
    assert response.status_code == 302
    page = client.get(f"/tertial/{analysis.pk}/").content.decode()
    assert "Centrum kvällar" in page
    assert "fre, lör 21–03" in page.lower()


def test_others_may_not_record_or_remove_priorities(
    client_for, coordinator, council_member, outsider, police, analysis
):
    priority = friday_nights(analysis, coordinator)
    for user, status in ((council_member, 403), (police, 403), (outsider, 404)):
        client = client_for(user)
        assert client.get(f"/council/tertial/{analysis.pk}/priorities/new/").status_code == status
        assert client.post(f"/council/priorities/{priority.pk}/delete/").status_code in (403, 404)
        client.logout()
    assert Priority.objects.filter(pk=priority.pk).exists()

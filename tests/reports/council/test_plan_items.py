"""Changing and removing a draft plan's goals and activities, and a goal's baseline measured by
the product: what the coordinator sees on the pages, an adopted version refusing every change
with a message, council members reading only, and another municipality's user getting 404."""

import datetime

import pytest

from reports.council.plans import action_plan_adopt, action_plan_create, activity_create
from reports.council.year_plans import year_plan_adopt
from tests.factories import OrganisationFactory
from tests.reports.conftest import category_of
from tests.reports.council.conftest import plan_goal, survey_goal

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(arboga):
    organisation = OrganisationFactory(name="Tekniska förvaltningen")
    organisation.municipalities.add(arboga)
    return organisation


@pytest.fixture
def goal(plan, coordinator):
    return plan_goal(plan, coordinator)


@pytest.fixture
def activity(plan, coordinator, goal, owner):
    return activity_create(
        plan=plan,
        by=coordinator,
        goal=goal,
        year=2025,
        title="Belysning",
        owner=owner,
        status="planned",
    )


def _text(response) -> str:
    return " ".join(response.content.decode().split())


def _goal_form(**fields) -> dict:
    return {
        "title": "Mindre klotter i centrum",
        "indicator": "incidents",
        "baseline_source": "typed",
        "baseline_value": "12",
        "baseline_year": "2025",
        "baseline_tertial": "1",
        "target_value": "5",
        "target_on": "2026-12-31",
        **fields,
    }


def _item_urls(plan, goal, activity) -> list[str]:
    base = f"/council/plans/{plan.pk}"
    return [
        f"{base}/goals/{goal.pk}/edit/",
        f"{base}/goals/{goal.pk}/remove/",
        f"{base}/activities/{activity.pk}/edit/",
        f"{base}/activities/{activity.pk}/remove/",
    ]


def test_the_coordinator_changes_a_goal(client_for, coordinator, plan, goal, arboga):
    client = client_for(coordinator)
    form = client.get(f"/council/plans/{plan.pk}/goals/{goal.pk}/edit/")
    assert 'value="Mindre klotter"' in form.content.decode()

    response = client.post(
        f"/council/plans/{plan.pk}/goals/{goal.pk}/edit/",
        _goal_form(categories=[category_of(arboga).pk]),
        follow=True,
    )

    page = _text(response)
    assert "Målet är sparat." in page
    assert "Mål 1: Mindre klotter i centrum" in page
    assert "12 (2025-T1)" in page
    goal.refresh_from_db()
    assert [c.code for c in goal.categories.all()] == ["graffiti"]


def test_the_coordinator_changes_an_activity(client_for, coordinator, plan, activity, goal):
    client = client_for(coordinator)
    response = client.post(
        f"/council/plans/{plan.pk}/activities/{activity.pk}/edit/",
        {
            "title": "Belysning vid resecentrum",
            "goal": goal.pk,
            "year": "2026",
            "owner": activity.owner.pk,
            "status": "under_way",
        },
        follow=True,
    )
    page = _text(response)
    assert "Aktiviteten är sparad." in page
    later = page[page.index("Handlingsplan 2026") :]
    assert "<td>Belysning vid resecentrum</td>" in later


def test_removing_a_goal_asks_and_names_its_activities(
    client_for, coordinator, plan, goal, activity
):
    client = client_for(coordinator)
    question = _text(client.get(f"/council/plans/{plan.pk}/goals/{goal.pk}/remove/"))
    assert "Mål 1, ”Mindre klotter”, har 1 aktivitet. Ta bort målet och aktiviteten?" in question

    page = _text(client.post(f"/council/plans/{plan.pk}/goals/{goal.pk}/remove/", follow=True))

    assert "Målet är borttaget." in page
    assert "Planen har inga mål än." in page
    assert not plan.activities.exists()


def test_removing_an_activity_asks_first(client_for, coordinator, plan, activity):
    client = client_for(coordinator)
    url = f"/council/plans/{plan.pk}/activities/{activity.pk}/remove/"
    assert "Ta bort aktiviteten ”Belysning” ur handlingsplanen för 2025?" in _text(client.get(url))
    assert "Aktiviteten är borttagen." in _text(client.post(url, follow=True))
    assert not plan.activities.exists()


def test_an_adopted_plan_refuses_every_change_and_offers_a_new_version(
    client_for, coordinator, plan, goal, activity
):
    action_plan_adopt(
        plan=plan, by=coordinator, adopted_on=datetime.date(2026, 2, 1), decision="Antagen"
    )
    client = client_for(coordinator)
    page = _text(client.get(f"/council/plans/{plan.pk}/"))
    assert "Påbörja en ny version" in page
    assert "Ändra mål 1" not in page
    assert "Ta bort mål 1" not in page

    goal_urls = _item_urls(plan, goal, activity)[:2]
    for url in goal_urls:
        followed = client.get(url, follow=True)
        assert "En antagen plan kan inte ändras" in _text(followed), url
    response = client.post(goal_urls[0], _goal_form())
    assert response.status_code == 200
    assert "En antagen plan kan inte ändras" in _text(response)
    response = client.post(goal_urls[1], follow=True)
    assert "En antagen plan kan inte ändras" in _text(response)
    goal.refresh_from_db()
    assert goal.title == "Mindre klotter"


def test_an_adopted_years_activities_refuse_every_change(
    client_for, coordinator, plan, goal, activity
):
    year_plan_adopt(
        year_plan=activity.year_plan,
        by=coordinator,
        adopted_on=datetime.date(2025, 2, 1),
        decision="Antagen",
    )
    client = client_for(coordinator)
    refused = "Handlingsplanen för 2025 är antagen och kan inte ändras"
    for url in _item_urls(plan, goal, activity)[2:]:
        assert refused in _text(client.get(url, follow=True)), url
    edit, remove = _item_urls(plan, goal, activity)[2:]
    fields = {"title": "Sent", "goal": goal.pk, "year": "2025", "owner": activity.owner.pk}
    response = client.post(edit, {**fields, "status": "done"})
    assert response.status_code == 200
    assert refused in _text(response)
    assert refused in _text(client.post(remove, follow=True))
    status = f"/council/plans/{plan.pk}/activities/{activity.pk}/status/"
    assert refused in _text(client.post(status, {"status": "done"}, follow=True))
    activity.refresh_from_db()
    assert (activity.title, activity.status) == ("Belysning", "planned")


def test_council_members_read_but_never_change(client_for, council_member, plan, goal, activity):
    client = client_for(council_member)
    page = _text(client.get(f"/council/plans/{plan.pk}/"))
    assert "Mål 1: Mindre klotter" in page
    assert "Ändra" not in page
    for url in _item_urls(plan, goal, activity):
        assert client.get(url).status_code == 403, url
        assert client.post(url, _goal_form()).status_code == 403, url
    assert plan.goals.count() == 1


def test_another_municipalitys_goals_and_activities_are_404(
    client_for, outsider, coordinator, plan, goal, activity, kungsor
):
    client = client_for(outsider)
    for url in _item_urls(plan, goal, activity):
        assert client.get(url).status_code == 404, url
        assert client.post(url, _goal_form()).status_code == 404, url
    assert plan.goals.count() == 1
    # A goal of one plan is not reached through another plan's address either.
    other = action_plan_create(
        municipality=kungsor, by=coordinator, title="Kungsör", first_year=2025, last_year=2026
    )
    own = client_for(coordinator)
    assert own.get(f"/council/plans/{other.pk}/goals/{goal.pk}/edit/").status_code == 404


def test_the_baseline_is_measured_when_chosen(client_for, coordinator, plan, arboga, incidents):
    client = client_for(coordinator)
    fields = _goal_form(
        baseline_source="measured",
        baseline_value="",
        baseline_tertial="2",
        categories=[category_of(arboga).pk, category_of(arboga, "vandalism").pk],
    )

    page = _text(client.post(f"/council/plans/{plan.pk}/goals/new/", fields, follow=True))

    assert "Målet är tillagt." in page
    assert "4 (2025-T2)" in page
    assert plan.goals.get().baseline_value == 4
    form = _text(client.get(f"/council/plans/{plan.pk}/goals/{plan.goals.get().pk}/edit/"))
    assert "Använd värdet som mätts under utgångstertialen (4)" in form


def test_a_baseline_that_cannot_be_measured_says_why_and_keeps_the_form(
    client_for, coordinator, plan
):
    client = client_for(coordinator)
    survey = _goal_form(
        title="Tryggare på kvällen", indicator="survey_feeling_safe", baseline_source="measured"
    )
    response = client.post(f"/council/plans/{plan.pk}/goals/new/", survey)
    page = _text(response)
    assert response.status_code == 200
    assert "Utgångsvärdet kan inte mätas: Ingen enkätomgång stängde under tertialet." in page
    assert 'value="Tryggare på kvällen"' in page

    future = _goal_form(baseline_source="measured", baseline_year="2030")
    page = _text(client.post(f"/council/plans/{plan.pk}/goals/new/", future))
    assert "Utgångstertialen har inte slutat än." in page

    typed_nothing = _goal_form(baseline_value="")
    page = _text(client.post(f"/council/plans/{plan.pk}/goals/new/", typed_nothing))
    assert "Skriv utgångsvärdet, eller använd det uppmätta värdet." in page
    assert not plan.goals.exists()


def test_the_plan_shows_a_measured_baseline_beside_a_typed_one(
    client_for, council_member, coordinator, plan, incidents
):
    plan_goal(plan, coordinator, baseline_tertial=2)  # typed 10, measured 4
    survey_goal(plan, coordinator)

    page = _text(client_for(council_member).get(f"/council/plans/{plan.pk}/"))

    assert "10 (2025-T2) · uppmätt: 4" in page
    assert "60 % (2025-T1) · inte uppmätt: Ingen enkätomgång stängde under tertialet." in page

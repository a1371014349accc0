"""Each year's action plan adopted on its own: adoption freezing the year's activities while
the other years stay open, a new version copying the adopted one, the term's plan adopted or
revised without touching the years, the PDF, bad input, and scoping."""

import datetime

import pytest

from reports.council.plan_models import YearPlan
from reports.council.plans import action_plan_adopt, action_plan_revise, activity_create
from tests.factories import OrganisationFactory
from tests.pdf_text import pdf_text
from tests.reports.council.conftest import plan_goal

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_plan(plan, coordinator, arboga):
    """The draft action plan 2025 with one activity."""
    owner = OrganisationFactory(name="Tekniska förvaltningen")
    owner.municipalities.add(arboga)
    activity = activity_create(
        plan=plan,
        by=coordinator,
        goal=plan_goal(plan, coordinator),
        year=2025,
        title="Belysning",
        owner=owner,
        status="planned",
    )
    return activity.year_plan


def _text(response) -> str:
    return " ".join(response.content.decode().split())


ADOPTION = {"adopted_on": "2025-02-10", "decision": "Rådet antar handlingsplanen för 2025."}


def _adopt(client, year_plan):
    return client.post(f"/council/plans/years/{year_plan.pk}/adopt/", ADOPTION, follow=True)


def test_the_coordinator_adopts_a_years_plan_and_the_other_years_stay_open(
    client_for, coordinator, plan, year_plan
):
    client = client_for(coordinator)
    page = _text(client.get(f"/council/plans/{plan.pk}/"))
    assert "Registrera fastställandet av handlingsplanen för 2025" in page

    page = _text(_adopt(client, year_plan))

    assert "Handlingsplanen för 2025 är antagen." in page
    assert "Fastställd 10 februari 2025" in page
    assert "Rådet antar handlingsplanen för 2025." in page
    plan_page = _text(client.get(f"/council/plans/{plan.pk}/"))
    assert "Påbörja en ny version av handlingsplanen för 2025" in plan_page
    assert "Registrera fastställandet av handlingsplanen för 2025" not in plan_page
    form = _text(client.get(f"/council/plans/{plan.pk}/activities/new/"))
    assert '<option value="2026"' in form
    assert '<option value="2025"' not in form


def test_a_new_version_of_an_adopted_year_copies_it_and_keeps_the_adopted_one(
    client_for, coordinator, plan, year_plan
):
    client = client_for(coordinator)
    _adopt(client, year_plan)

    page = _text(client.post(f"/council/plans/years/{year_plan.pk}/revise/", follow=True))

    assert "En ny utkastversion är påbörjad" in page
    revision = YearPlan.objects.get(superseded_by__isnull=True, plan=plan, year=2025)
    assert revision.version == 2
    assert revision.status == "draft"
    activity = revision.activities.get()
    client.post(
        f"/council/plans/{plan.pk}/activities/{activity.pk}/edit/",
        {
            "title": "Belysning vid resecentrum",
            "goal": activity.goal_id,
            "year": "2025",
            "owner": activity.owner_id,
            "status": "under_way",
        },
    )
    old = _text(client.get(f"/council/plans/years/{year_plan.pk}/"))
    assert "Den här versionen är ersatt av en nyare." in old
    assert "<td>Belysning</td>" in old
    plan_page = _text(client.get(f"/council/plans/{plan.pk}/"))
    assert "<td>Belysning vid resecentrum</td>" in plan_page
    assert "<td>Belysning</td>" not in plan_page


def test_the_terms_plan_and_the_years_are_adopted_on_their_own(
    client_for, coordinator, plan, year_plan
):
    action_plan_adopt(
        plan=plan, by=coordinator, adopted_on=datetime.date(2025, 1, 20), decision="Antagen"
    )
    client = client_for(coordinator)
    # The adopted term's plan still takes next year's activities and this year's adoption.
    form = _text(client.get(f"/council/plans/{plan.pk}/activities/new/"))
    assert '<option value="2026"' in form
    assert "Handlingsplanen för 2025 är antagen." in _text(_adopt(client, year_plan))

    revision = action_plan_revise(plan=plan, by=coordinator)

    copy = revision.year_plans.get()
    assert (copy.year, copy.status, copy.decision) == (2025, "adopted", ADOPTION["decision"])
    assert copy.activities.get().goal.plan_id == revision.pk


def test_a_years_plan_as_pdf_in_the_readers_language(client_for, council_member, year_plan):
    client = client_for(council_member)
    response = client.get(f"/council/plans/years/{year_plan.pk}/pdf/")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Handlingsplan 2025" in text
    assert "Belysning" in text
    client.cookies["django_language"] = "en"
    assert "Action plan 2025" in pdf_text(
        client.get(f"/council/plans/years/{year_plan.pk}/pdf/").content
    )


def test_bad_adoptions_are_told_and_kept(client_for, coordinator, plan, year_plan):
    client = client_for(coordinator)
    response = client.post(
        f"/council/plans/years/{year_plan.pk}/adopt/",
        {"adopted_on": "igår", "decision": "Rådet antar planen."},
    )
    assert response.status_code == 200
    assert "Rådet antar planen." in _text(response)
    response = client.post(
        f"/council/plans/years/{year_plan.pk}/adopt/", {"adopted_on": "2025-02-10", "decision": " "}
    )
    assert response.status_code == 200
    client.post(f"/council/plans/{plan.pk}/activities/{year_plan.activities.get().pk}/remove/")
    response = client.post(f"/council/plans/years/{year_plan.pk}/adopt/", ADOPTION)
    assert "Årets handlingsplan behöver minst en aktivitet." in _text(response)
    assert client.post(f"/council/plans/years/{year_plan.pk}/revise/").status_code == 302
    year_plan.refresh_from_db()
    assert year_plan.status == "draft"


def test_council_members_read_a_years_plan_but_never_adopt_it(
    client_for, council_member, year_plan
):
    client = client_for(council_member)
    page = _text(client.get(f"/council/plans/years/{year_plan.pk}/"))
    assert "<td>Belysning</td>" in page
    assert "Registrera fastställandet" not in page
    assert client.get(f"/council/plans/years/{year_plan.pk}/adopt/").status_code == 403
    assert client.post(f"/council/plans/years/{year_plan.pk}/adopt/", ADOPTION).status_code == 403
    assert client.post(f"/council/plans/years/{year_plan.pk}/revise/").status_code == 403


def test_another_municipalitys_years_plan_is_404_everywhere(client_for, outsider, year_plan):
    client = client_for(outsider)
    base = f"/council/plans/years/{year_plan.pk}"
    for url in [f"{base}/", f"{base}/pdf/", f"{base}/adopt/"]:
        assert client.get(url).status_code == 404, url
    assert client.post(f"{base}/adopt/", ADOPTION).status_code == 404
    assert client.post(f"{base}/revise/").status_code == 404
    year_plan.refresh_from_db()
    assert year_plan.status == "draft"


def test_a_goal_with_activities_in_an_adopted_year_is_kept(
    client_for, coordinator, plan, year_plan
):
    client = client_for(coordinator)
    _adopt(client, year_plan)
    goal = plan.goals.get()

    page = _text(client.post(f"/council/plans/{plan.pk}/goals/{goal.pk}/remove/", follow=True))

    assert "En antagen årlig handlingsplan har aktiviteter för målet" in page
    assert year_plan.activities.count() == 1

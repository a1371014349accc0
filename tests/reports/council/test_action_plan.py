"""The action plan: goals measured by the incidents indicator against hand counts (kept day
counts, and incidents inside areas), an indicator that cannot be computed saying why, the goals'
section of the tertial analysis, adoption freezing a version, the PDF, and scoping."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from est.indicators import indicator_measure
from est.periods import Tertial
from reports.council.plan_models import ActionPlan
from reports.council.plans import action_plan_adopt, action_plan_revise, activity_create
from reports.tertial.compile import tertial_analysis_compile, tertial_analysis_ensure
from reports.tertial.rendering import analysis_pdf_bytes
from tests.factories import OrganisationFactory
from tests.pdf_text import pdf_text
from tests.reports.conftest import category_of
from tests.reports.council.conftest import plan_goal, survey_goal

pytestmark = pytest.mark.django_db


def test_the_incidents_indicator_matches_a_hand_count(arboga, incidents):
    tertials = [Tertial(2025, 1), Tertial(2025, 2), Tertial(2025, 3)]
    categories = [category_of(arboga).pk, category_of(arboga, "vandalism").pk]

    everywhere = indicator_measure("incidents", arboga, tertials, {"categories": categories})
    in_corner = indicator_measure(
        "incidents", arboga, tertials, {"categories": categories, "areas": [incidents.pk]}
    )

    assert [m.value for m in everywhere] == [0, 4, 2]
    assert [m.value for m in in_corner] == [0, 1, 1]


def test_the_plan_page_shows_each_goal_against_baseline_and_target(
    client_for, council_member, plan, coordinator, incidents
):
    plan_goal(plan, coordinator)
    survey_goal(plan, coordinator)

    page = " ".join(
        client_for(council_member).get(f"/council/plans/{plan.pk}/").content.decode().split()
    )

    assert "Mål 1: Mindre klotter" in page
    assert '<th scope="row">2025-T2</th><td>4</td>' in page
    assert '<th scope="row">2025-T3</th><td>2</td>' in page
    # The survey's indicator has no wave: it says so, and shows no zero.
    assert "Ingen enkätomgång stängde under tertialet." in page
    assert "<svg" in page


def test_adoption_freezes_the_version_and_a_new_version_copies_it(plan, coordinator, arboga):
    goal = plan_goal(plan, coordinator)
    owner = OrganisationFactory(name="Tekniska förvaltningen")
    owner.municipalities.add(arboga)
    activity_create(
        plan=plan,
        by=coordinator,
        goal=goal,
        year=2026,
        title="Belysning",
        owner=owner,
        status="planned",
    )
    with pytest.raises(ValidationError):
        action_plan_adopt(
            plan=plan, by=coordinator, adopted_on=datetime.date(2026, 2, 1), decision=" "
        )
    action_plan_adopt(
        plan=plan, by=coordinator, adopted_on=datetime.date(2026, 2, 1), decision="Antagen"
    )

    with pytest.raises(ValidationError):
        plan_goal(plan, coordinator, title="Sent tillägg")
    revision = action_plan_revise(plan=plan, by=coordinator)
    plan_goal(revision, coordinator, title="Nytt mål")

    plan.refresh_from_db()
    assert plan.status == ActionPlan.Status.ADOPTED
    assert [g.title for g in plan.goals.all()] == ["Mindre klotter"]
    assert [g.title for g in revision.goals.all()] == ["Mindre klotter", "Nytt mål"]
    assert revision.activities.get().goal.plan_id == revision.pk


def test_the_tertial_analysis_shows_the_goals(
    client_for, council_member, plan, coordinator, arboga, incidents
):
    plan_goal(plan, coordinator)
    analysis, _created = tertial_analysis_ensure(municipality=arboga, tertial=Tertial(2025, 3))
    tertial_analysis_compile(analysis_id=analysis.pk, force=True)
    analysis.refresh_from_db()

    page = client_for(council_member).get(f"/tertial/{analysis.pk}/").content.decode()
    section = " ".join(page[page.index('id="action_plan_goals"') :].split())

    assert "Mål 1: Mindre klotter" in section
    assert '<th scope="row">2025-T3</th><td>2</td>' in section
    assert "2026-T1" not in section  # not yet happened in that tertial
    assert "Mål 1: Mindre klotter" in pdf_text(analysis_pdf_bytes(analysis))


def test_the_plan_pdf_is_in_the_readers_language(client_for, council_member, plan, coordinator):
    plan_goal(plan, coordinator)
    client = client_for(council_member)
    response = client.get(f"/council/plans/{plan.pk}/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert "Mål 1: Mindre klotter" in pdf_text(response.content)
    client.cookies["django_language"] = "en"
    response = client.get(f"/council/plans/{plan.pk}/pdf/")
    assert "Goal 1: Mindre klotter" in pdf_text(response.content)


def test_council_members_read_but_never_edit(client_for, council_member, plan):
    client = client_for(council_member)
    assert client.get(f"/council/plans/{plan.pk}/").status_code == 200
    assert "Lägg till ett mål" not in client.get(f"/council/plans/{plan.pk}/").content.decode()
    assert client.get(f"/council/plans/{plan.pk}/goals/new/").status_code == 403
    assert client.post(f"/council/plans/{plan.pk}/adopt/", {}).status_code == 403
    assert client.post("/council/1984/plans/new/", {}).status_code == 403


def test_another_municipalitys_plan_is_404_everywhere(client_for, outsider, plan):
    client = client_for(outsider)
    for url in [
        "/council/1984/plans/",
        "/council/1984/plans/new/",
        f"/council/plans/{plan.pk}/",
        f"/council/plans/{plan.pk}/pdf/",
        f"/council/plans/{plan.pk}/goals/new/",
        f"/council/plans/{plan.pk}/activities/new/",
        f"/council/plans/{plan.pk}/adopt/",
    ]:
        assert client.get(url).status_code == 404, url
    assert client.post(f"/council/plans/{plan.pk}/revise/").status_code == 404


def test_bad_input_is_told_and_kept(client_for, coordinator, plan):
    client = client_for(coordinator)
    response = client.post(
        f"/council/plans/{plan.pk}/goals/new/",
        {
            "title": "Mindre klotter",
            "indicator": "incidents",
            "baseline_value": "tio",
            "baseline_year": "2025",
            "baseline_tertial": "1",
            "target_value": "3",
            "target_on": "2026-12-31",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Mindre klotter"' in page
    response = client.post(
        f"/council/plans/{plan.pk}/goals/new/",
        {
            "title": "Mindre klotter",
            "indicator": "incidents",
            "baseline_source": "typed",
            "baseline_value": "10",
            "baseline_year": "2025",
            "baseline_tertial": "1",
            "target_value": "3",
            "target_on": "2026-12-31",
        },
    )
    assert "Välj minst en kategori" in response.content.decode()
    response = client.post(f"/council/plans/{plan.pk}/activities/99999/status/", {"status": "x"})
    assert response.status_code == 404
    assert (
        client.post(
            "/council/1984/plans/new/", {"title": "X", "first_year": "2027", "last_year": "2025"}
        ).status_code
        == 200
    )


def test_an_adopted_plan_offers_no_form(client_for, coordinator, plan):
    plan_goal(plan, coordinator)
    action_plan_adopt(
        plan=plan, by=coordinator, adopted_on=datetime.date(2026, 2, 1), decision="Antagen"
    )
    client = client_for(coordinator)
    response = client.get(f"/council/plans/{plan.pk}/goals/new/", follow=True)
    assert "En antagen plan kan inte ändras" in response.content.decode()
    response = client.post(f"/council/plans/{plan.pk}/goals/new/", {"title": "Sent"})
    assert response.status_code == 200  # the form says what is missing; nothing saved
    assert plan.goals.count() == 1

"""In the browser, on a phone: the coordinator builds an action plan (a goal told what is wrong
and nothing typed lost, an activity, adoption), changes a goal, removes an activity after a
question, adopts a year's action plan and starts its new version; every page of it passes
axe-core and fits the screen; a council member reads it without a way to change it."""

import pytest

from reports.council.plans import action_plan_create, activity_create
from tests.accessibility import wcag_violations
from tests.factories import OrganisationFactory
from tests.reports.council.conftest import plan_goal

PHONE = {"width": 360, "height": 740}


def fits_and_passes(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert wcag_violations(page) == []


@pytest.mark.browser
def test_the_action_plan_pages_are_accessible_on_a_phone(
    log_in_page, live_server, page, coordinator, arboga
):
    owner = OrganisationFactory(name="Tekniska förvaltningen")
    owner.municipalities.add(arboga)
    page.set_viewport_size(PHONE)
    log_in_page(coordinator)
    page.goto(f"{live_server.url}/council/1984/")
    page.get_by_role("link", name="Handlingsplanen").click()
    fits_and_passes(page)
    page.get_by_role("link", name="Ny handlingsplan för en mandatperiod").click()
    page.get_by_label("Rubrik").fill("Trygghetsplan")
    page.get_by_label("Periodens första år").fill("2025")
    page.get_by_label("Periodens sista år").fill("2026")
    fits_and_passes(page)
    page.get_by_role("button", name="Spara").click()
    assert page.get_by_text("Planen är påbörjad.").is_visible()
    fits_and_passes(page)

    page.get_by_role("link", name="Lägg till ett mål").click()
    page.locator("#id_title").fill("Mindre klotter")
    page.get_by_label("Använd värdet jag skriver").check()
    page.locator("#id_baseline_value").fill("10")
    page.get_by_label("Utgångsvärdets år").fill("2025")
    page.locator("#id_target_value").fill("4")
    page.get_by_label("Måldatum").fill("2026-12-31")
    page.get_by_role("button", name="Spara").click()  # no category: told, kept
    assert page.get_by_text("Välj minst en kategori").first.is_visible()
    assert page.locator("#id_title").input_value() == "Mindre klotter"
    fits_and_passes(page)
    page.get_by_label("Klotter").check()
    page.get_by_role("button", name="Spara").click()
    assert page.get_by_role("heading", name="Mål 1: Mindre klotter").is_visible()
    fits_and_passes(page)

    page.get_by_role("link", name="Lägg till en aktivitet").click()
    assert page.get_by_role("heading", name="Lägg till en aktivitet").is_visible()
    page.locator("#id_title").fill("Sanera klotter inom ett dygn")
    page.get_by_label("Mål", exact=False).first.select_option(label="1. Mindre klotter")
    page.get_by_label("Ansvarig (organisation)").select_option(label="Tekniska förvaltningen")
    fits_and_passes(page)
    page.get_by_role("button", name="Spara").click()
    assert page.get_by_role("cell", name="Sanera klotter inom ett dygn", exact=True).is_visible()

    page.get_by_role("link", name="Registrera fastställandet av planen för mandatperioden").click()
    page.get_by_label("Rådets beslut").fill("Rådet antar planen.")
    fits_and_passes(page)
    page.get_by_role("button", name="Spara").click()
    assert page.get_by_text("Planen är antagen.").is_visible()
    assert page.get_by_role("button", name="Påbörja en ny version").is_visible()
    fits_and_passes(page)


@pytest.mark.browser
def test_a_council_member_reads_the_plan_on_a_phone(
    log_in_page, live_server, page, council_member, coordinator, arboga
):
    plan = action_plan_create(
        municipality=arboga, by=coordinator, title="Trygghetsplan", first_year=2025, last_year=2026
    )
    page.set_viewport_size(PHONE)
    log_in_page(council_member)
    page.goto(f"{live_server.url}/council/plans/{plan.pk}/")
    assert page.get_by_text("Planen har inga mål än.").is_visible()
    assert page.get_by_role("link", name="Lägg till ett mål").count() == 0
    fits_and_passes(page)


@pytest.mark.browser
def test_the_coordinator_changes_the_plan_and_adopts_a_year_on_a_phone(
    log_in_page, live_server, page, coordinator, arboga
):
    owner = OrganisationFactory(name="Tekniska förvaltningen")
    owner.municipalities.add(arboga)
    plan = action_plan_create(
        municipality=arboga, by=coordinator, title="Trygghetsplan", first_year=2025, last_year=2026
    )
    goal = plan_goal(plan, coordinator)
    for title in ["Belysning", "Klottersanering"]:
        activity_create(
            plan=plan,
            by=coordinator,
            goal=goal,
            year=2025,
            title=title,
            owner=owner,
            status="planned",
        )
    page.set_viewport_size(PHONE)
    log_in_page(coordinator)
    page.goto(f"{live_server.url}/council/plans/{plan.pk}/")

    page.get_by_role("link", name="Ändra mål 1").click()
    assert page.get_by_role("heading", name="Ändra målet").is_visible()
    fits_and_passes(page)
    page.locator("#id_title").fill("Mindre klotter i centrum")
    page.get_by_role("button", name="Spara").click()
    assert page.get_by_role("heading", name="Mål 1: Mindre klotter i centrum").is_visible()

    page.get_by_role("link", name="Ta bort Klottersanering").click()
    assert page.get_by_text("Ta bort aktiviteten ”Klottersanering”").is_visible()
    fits_and_passes(page)
    page.get_by_role("button", name="Ta bort").click()
    assert page.get_by_text("Aktiviteten är borttagen.").is_visible()

    page.get_by_role("link", name="Registrera fastställandet av handlingsplanen för 2025").click()
    page.get_by_label("Rådets beslut").fill("Rådet antar handlingsplanen för 2025.")
    fits_and_passes(page)
    page.get_by_role("button", name="Spara").click()
    assert page.get_by_text("Handlingsplanen för 2025 är antagen.").is_visible()
    assert page.get_by_role("heading", name="Handlingsplan 2025").is_visible()
    fits_and_passes(page)
    page.get_by_role("button", name="Påbörja en ny version").click()
    assert page.get_by_text("En ny utkastversion är påbörjad").is_visible()
    fits_and_passes(page)

"""Demo action plan for seed_demo in Arboga: the plan for the current term with five goals, one
for each kind of indicator (incidents in an area, incidents everywhere, feeling safe, measures
on time, walks held), adopted by the council, and this year's action plan adopted; next year's
action plan is a draft (in the next term's draft plan when this is the term's last year). Safe
to run again: a municipality that has a plan for the term keeps it."""

import datetime

from django.utils import timezone

from est.indicators import indicator_measure
from est.models import Area, Organisation, User
from est.periods import Tertial
from reports.council.plan_models import ActionPlan
from reports.council.plans import (
    action_plan_adopt,
    action_plan_create,
    activity_create,
    goal_create,
)
from reports.council.year_plans import year_plan_adopt
from reports.incidents.models import Category

#: Swedish terms of office begin in the year after an election: 2023, 2027…
FIRST_TERM = 2023

#: (goal, indicator, category codes, area name, target, fallback baseline); an incidents goal's
#: target is None: a fifth fewer than its baseline.
GOALS = [
    (
        "Mindre skadegörelse och klotter i centrum",
        "incidents",
        ["vandalism", "graffiti"],
        "Centrum",
        None,
        40,
    ),
    (
        "Färre störningar och otrygga samlingar i hela kommunen",
        "incidents",
        ["disorder", "unsafe_gathering"],
        None,
        None,
        45,
    ),
    ("Fler invånare känner sig trygga ute på kvällen", "survey_feeling_safe", [], None, 75, 65),
    ("Åtgärder från trygghetsvandringar görs i tid", "measures_on_time", [], None, 80, 60),
    ("Minst två trygghetsvandringar per tertial", "walks_held", [], None, 2, 1),
]
#: (activity, goal number, owner's name, status)
ACTIVITIES = [
    (
        "Bättre belysning på Nygatan och vid resecentrum",
        1,
        "Arboga kommun, tekniska förvaltningen",
        "under_way",
    ),
    ("Klotter saneras inom 24 timmar", 1, "Arboga kommun, tekniska förvaltningen", "done"),
    (
        "Fältassistenter fredag och lördag kväll",
        2,
        "Arboga kommun, kultur- och fritidsförvaltningen",
        "under_way",
    ),
    ("Trygghetsundersökning i två vågor", 3, "Västra Mälardalens Kommunalförbund", "planned"),
    (
        "Månatlig genomgång av försenade åtgärder",
        4,
        "Västra Mälardalens Kommunalförbund",
        "planned",
    ),
    ("Trygghetsvandringar med Arboga Bostäder", 5, "Arboga Bostäder AB", "planned"),
]


def _baseline(arboga, indicator, categories, areas, fallback) -> float:
    """The goal's indicator in the first tertial the demo has data for, else ``fallback``."""
    tertial = Tertial(timezone.localdate().year - 1, 1)
    options = {"categories": [c.pk for c in categories], "areas": [a.pk for a in areas]}
    [measurement] = indicator_measure(indicator, arboga, [tertial], options)
    return fallback if measurement.value is None else measurement.value


def _term_plan_seed(arboga, coordinator, first: int) -> tuple[ActionPlan, list]:
    """Start Arboga's draft plan for the term beginning ``first`` with the five goals."""
    today = timezone.localdate()
    plan = action_plan_create(
        municipality=arboga,
        by=coordinator,
        title="Trygghetsplan för Arboga",
        first_year=first,
        last_year=first + 3,
    )
    categories = {c.code: c for c in Category.objects.for_municipality(arboga)}
    baseline = Tertial(today.year - 1, 1)
    goals = []
    for title, indicator, codes, area_name, target, fallback in GOALS:
        chosen = [categories[code] for code in codes if code in categories]
        areas = list(Area.objects.for_municipality(arboga).filter(name=area_name))
        baseline_value = _baseline(arboga, indicator, chosen, areas, fallback)
        goals.append(
            goal_create(
                plan=plan,
                by=coordinator,
                title=title,
                indicator=indicator,
                categories=chosen,
                areas=areas,
                baseline_value=baseline_value,
                baseline_year=baseline.year,
                baseline_tertial=baseline.number,
                target_value=round(baseline_value * 0.8) if target is None else target,
                target_on=datetime.date(first + 3, 12, 31),
            )
        )
    return plan, goals


def _activities_seed(plan, goals, coordinator, year: int, *, planned: bool) -> None:
    """Give ``year``'s action plan of ``plan`` the demo's activities (all planned, if so)."""
    for title, number, owner_name, status in ACTIVITIES:
        owner = Organisation.objects.filter(name=owner_name).first()
        if owner is not None:
            activity_create(
                plan=plan,
                by=coordinator,
                goal=goals[number - 1],
                year=year,
                title=title,
                owner=owner,
                status="planned" if planned else status,
            )


def action_plan_seed(municipalities) -> None:
    """Seed Arboga's action plans (see the module's docstring); other municipalities get none."""
    arboga = next((m for m in municipalities if m.code == "1984"), None)
    coordinator = User.objects.filter(username="samordnare").first()
    if arboga is None or coordinator is None:
        return
    today = timezone.localdate()
    first = today.year - (today.year - FIRST_TERM) % 4
    if ActionPlan.objects.for_municipality(arboga).filter(first_year=first).exists():
        return
    plan, goals = _term_plan_seed(arboga, coordinator, first)
    action_plan_adopt(
        plan=plan,
        by=coordinator,
        adopted_on=datetime.date(first, 2, 15),
        decision="Rådet antar planen för mandatperioden med dess mål.",
    )
    _activities_seed(plan, goals, coordinator, today.year, planned=False)
    year_plan_adopt(
        year_plan=plan.year_plans.get(year=today.year),
        by=coordinator,
        adopted_on=max(datetime.date(today.year, 1, 1), today - datetime.timedelta(days=30)),
        decision=f"Rådet antar handlingsplanen för {today.year} med årets aktiviteter.",
    )
    next_year = today.year + 1
    if next_year > plan.last_year:
        plan, goals = _term_plan_seed(arboga, coordinator, next_year)
    _activities_seed(plan, goals, coordinator, next_year, planned=True)

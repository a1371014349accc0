"""Benchmark: every goal of a municipality's action plan measured over its term, with the
benchmark database's incidents (bench/generate.py makes them: 1,000,000 by default).

    .venv/bin/python bench/plan_indicators.py [--rounds 10] [--database est_bench]

For the municipality with the most incidents and for Stockholm, a plan for the term that holds
the last three years is made inside a transaction that is rolled back: five goals, one per
indicator kind (incidents of every category, from the kept day counts; incidents of every
category inside a 3 km area round the centre, from the incidents themselves; feeling safe,
measures on time, walks held). ``goals_gather`` (what the plan's page, its PDF and the tertial
section run) is timed over every tertial of the term; the first round is shown, not counted.
"""

import argparse
import datetime
import gc
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import setup_django  # noqa: E402


class RolledBack(Exception):
    pass


def _plan(municipality, first_year):
    from django.contrib.gis.geos import MultiPolygon, Polygon

    from est.models import Area, User
    from reports.council.plans import action_plan_create, goal_create
    from reports.incidents.models import Category

    user = User.objects.filter(username="bench_coordinator").first()
    plan = action_plan_create(
        municipality=municipality,
        by=user,
        title="Bench",
        first_year=first_year,
        last_year=first_year + 3,
    )
    centre = municipality.boundary.point_on_surface
    square = Polygon.from_bbox((centre.x - 1500, centre.y - 1500, centre.x + 1500, centre.y + 1500))
    square.srid = centre.srid
    area = Area.objects.create(
        municipality=municipality,
        name="Bench centre",
        kind=Area.Kind.DISTRICT,
        boundary=MultiPolygon(square, srid=centre.srid),
    )
    categories = list(Category.objects.for_municipality(municipality))
    goals = [
        ("incidents", categories, []),
        ("incidents", categories, [area]),
        ("survey_feeling_safe", [], []),
        ("measures_on_time", [], []),
        ("walks_held", [], []),
    ]
    for indicator, chosen, areas in goals:
        goal_create(
            plan=plan,
            by=user,
            title=indicator,
            indicator=indicator,
            categories=chosen,
            areas=areas,
            baseline_value=1,
            baseline_year=first_year,
            baseline_tertial=1,
            target_value=1,
            target_on=datetime.date(first_year + 3, 12, 31),
        )
    return plan


def measure(municipality, rounds: int) -> None:
    from django.db import transaction
    from django.utils import timezone

    from est.periods import tertial_containing
    from reports.council.goals import goals_gather

    today = timezone.localdate()
    try:
        with transaction.atomic():
            plan = _plan(municipality, today.year - 3)
            until = tertial_containing(today)
            seconds = []
            for index in range(rounds + 1):
                gc.collect()
                began = time.perf_counter()
                goals = goals_gather(plan, until=until)
                took = time.perf_counter() - began
                if index:
                    seconds.append(took)
                counted = sum(row["value"] or 0 for row in goals[0]["tertials"])
            print(
                f"{municipality.name}: {len(goals)} goals × {len(goals[0]['tertials'])} "
                f"tertials ({counted:.0f} incidents in the term); first {took:.3f} s; "
                f"min {min(seconds):.3f} s, median {statistics.median(seconds):.3f} s, "
                f"max {max(seconds):.3f} s over {rounds} rounds"
            )
            raise RolledBack
    except RolledBack:
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--database", default="est_bench")
    arguments = parser.parse_args()
    setup_django(arguments.database)
    from django.db.models import Count

    from est.models import Municipality
    from reports.incidents.models import Incident

    print(f"{Incident.objects.count()} incidents in {arguments.database}")
    busiest = (
        Incident.objects.values("municipality")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("municipality", flat=True)[:1]
    )
    for municipality in Municipality.objects.filter(pk__in=busiest) | Municipality.objects.filter(
        name="Stockholm"
    ):
        measure(municipality, arguments.rounds)


if __name__ == "__main__":
    main()

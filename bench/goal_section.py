"""Benchmark: what the action plan's goals section costs in the CPU of one process, which the
machine's load does not distort: gathering every goal's indicator per tertial (SQL) and
presenting it (each goal's SVG chart from goal_chart.py and the section's HTML), in
``--rounds`` rounds after a first one that is shown but not counted.

    .venv/bin/python bench/goal_section.py --rounds 20 [--profile]

Reads Arboga's newest plan of the current term (seed_demo makes one with five goals: one per
indicator kind); ``--profile`` prints where presenting spends its time (cProfile).
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "est.settings.base")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from reports.council.goals import goals_present, plan_goals_gather  # noqa: E402
from reports.council.plan_models import ActionPlan  # noqa: E402


def section_html(plan, goals) -> str:
    """Return the section's HTML as the tertial analysis renders it."""
    data = {
        "plan": {
            "title": plan.title,
            "first_year": plan.first_year,
            "last_year": plan.last_year,
            "version": plan.version,
        },
        "goals": goals_present(goals),
    }
    return render_to_string("reports/council/report_goals.html", {"data": data})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--profile", action="store_true")
    arguments = parser.parse_args()
    translation.activate("sv")
    plan = (
        ActionPlan.objects.filter(municipality__code="1984")
        .covering(timezone.localdate().year)
        .order_by("-version")
        .first()
    )
    if plan is None:
        sys.exit("No action plan in Arboga: run manage.py seed_demo first.")
    gather, present = [], []
    for round_number in range(arguments.rounds + 1):
        started = time.process_time()
        with CaptureQueriesContext(connection) as queries:
            goals = plan_goals_gather(plan)
        gathered = time.process_time()
        html = section_html(plan, goals)
        presented = time.process_time()
        print(
            f"round {round_number}{' (not counted)' if not round_number else ''}: "
            f"gather {gathered - started:.4f} s CPU, {len(queries)} queries; "
            f"present + render {presented - gathered:.4f} s CPU, {len(html)} bytes"
        )
        if round_number:
            gather.append(gathered - started)
            present.append(presented - gathered)
    print(f"{len(goals)} goals, {len(goals[0]['tertials']) if goals else 0} tertials each")
    for name, values in (("gather", gather), ("present + render", present)):
        print(f"{name}: min {min(values):.4f} s, median {statistics.median(values):.4f} s CPU")
    if arguments.profile:
        profile = cProfile.Profile()
        profile.runcall(section_html, plan, goals)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(12)


if __name__ == "__main__":
    main()

"""Benchmark: a tertial analysis of one municipality with many incidents in the database.

Times gathering + analysis (SQL aggregates and the pure analysis, stored as the snapshot), the
PDF rendering through est.pdf (what the worker does; end to end is the two together), and bare
WeasyPrint (parsing and rendering) on the same HTML, in ``--rounds`` rounds after a first one
that is shown but not counted; prints each round, the minimum and the median. Each step starts
after a full garbage collection (``timed``).

    .venv/bin/python bench/tertial_pdf.py --incidents 1000000 --tertial 2025-T2 --rounds 5

``--incidents N`` first tops the database up to N incidents (demo municipalities and areas,
incidents spread over four years; most of them in Arboga, the rest in Kungsör). Every run makes
sure the tertial has what a real one has: a situation picture per period, each with its problems
written and two interventions decided, and the demo pledges with their progress (made once).
``--profile`` prints where gathering and rendering spend their time (cProfile).
"""

import argparse
import cProfile
import datetime
import gc
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "est.settings.base")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.utils import translation  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from dialogues.pledges.demo import pledges_seed  # noqa: E402
from est.demo import ARBOGA, KUNGSOR, demo_seed  # noqa: E402
from est.models import Area, Municipality, Organisation  # noqa: E402
from est.pdf import pdf_of_html  # noqa: E402
from est.periods import PERIOD_DAYS, fortnight_containing, parse_tertial  # noqa: E402
from reports.council.plan_demo import action_plan_seed  # noqa: E402
from reports.incidents.models import Incident  # noqa: E402
from reports.situation.compile import situation_picture_compile, situation_picture_ensure  # noqa: E402
from reports.situation.interventions import intervention_create  # noqa: E402
from reports.situation.models import Intervention, SituationPicture  # noqa: E402
from reports.tertial.compile import tertial_analysis_compile, tertial_analysis_ensure  # noqa: E402
from reports.tertial.models import TertialAnalysis  # noqa: E402
from reports.tertial.presentation import analysis_context  # noqa: E402
from reports.tertial.rendering import tertial_analysis_render  # noqa: E402

_FILL_SQL = """
INSERT INTO reports_incident (
    municipality_id, category_id, occurred_from, occurred_to, position, position_precise,
    place_name, description, police_informed, police_reference, source, status, triage_note,
    created_at, updated_at)
SELECT m.id, c.ids[1 + (n %% array_length(c.ids, 1))], t.start,
       t.start + make_interval(hours => (n %% 4)),
       ST_SetSRID(ST_MakePoint(ST_X(centre) + (random() - 0.5) * 6000,
                               ST_Y(centre) + (random() - 0.5) * 6000), 3006),
       n %% 10 <> 0, '', '', false, '', 'reporter', 'new', '', now(), now()
FROM generate_series(1, %(count)s) AS n
CROSS JOIN LATERAL (
    SELECT CASE WHEN n %% 10 < 8 THEN %(main)s ELSE %(other)s END AS id
) AS pick
JOIN est_municipality AS m ON m.id = pick.id
CROSS JOIN LATERAL (SELECT ST_PointOnSurface(m.boundary) AS centre) AS p
CROSS JOIN LATERAL (
    SELECT array_agg(id ORDER BY id) AS ids FROM reports_category WHERE municipality_id = m.id
) AS c
CROSS JOIN LATERAL (
    SELECT %(start)s::timestamptz + random() * interval '4 years' + n * interval '0' AS start
) AS t
"""


def top_up(count: int) -> None:
    demo_seed()
    have = Incident.objects.count()
    if have >= count:
        return
    main = Municipality.objects.get(code=ARBOGA)
    other = Municipality.objects.get(code=KUNGSOR)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            _FILL_SQL,
            {"count": count - have, "main": main.pk, "other": other.pk, "start": "2022-01-01"},
        )
        # Fresh statistics and visibility map: the counting queries read the index alone.
        cursor.execute("VACUUM ANALYZE reports_incident")
    print(f"inserted {count - have} incidents in {time.perf_counter() - started:.1f} s")


PROBLEMS = (
    "Klotter och skadegörelse kring resecentrum och i gångtunneln under Ringvägen, mest "
    "fredag och lördag kväll. Ungdomar samlas vid torget efter stängning; boende i Nyby "
    "upplever otrygghet på väg hem från busshållplatsen. Beslut: väktarrondering fredag och "
    "lördag 21–03, belysningen i gångtunneln ses över, kommunpolisen är på plats vid torget."
)
INTERVENTIONS = (
    "Väktarrondering fredag och lördag kväll",
    "Ny belysning och röjda buskar längs gångvägen",
)


def tertial_work(municipality, tertial) -> None:
    """Give ``tertial`` what a real one has, once: a compiled situation picture per period with
    its problems written and two interventions decided; the demo pledges, and the demo action
    plan whose five goals the analysis measures."""
    pledges_seed(list(Municipality.objects.filter(code__in=[ARBOGA, KUNGSOR])))
    action_plan_seed(list(Municipality.objects.filter(code=ARBOGA)))
    areas = list(Area.objects.for_municipality(municipality).order_by("name"))
    organisation = Organisation.objects.filter(municipalities=municipality).order_by("name")[0]
    start, _end = fortnight_containing(tertial.first_day)
    if start < tertial.first_day:
        start += datetime.timedelta(days=PERIOD_DAYS)
    last_day = tertial.end - datetime.timedelta(days=1)
    number = 0
    while start < tertial.end:
        picture, _created = situation_picture_ensure(municipality=municipality, period_start=start)
        situation_picture_compile(picture_id=picture.pk)
        if not Intervention.objects.filter(decided_in=picture).exists():
            SituationPicture.objects.filter(pk=picture.pk).update(problems=PROBLEMS)
            for what in INTERVENTIONS:
                intervention_create(
                    picture=picture,
                    by=None,
                    what=what,
                    area=areas[number % len(areas)],
                    starts_on=start,
                    ends_on=min(start + datetime.timedelta(days=27), last_day),
                    organisation=organisation,
                    status=Intervention.Status.DONE,
                )
                number += 1
        start += datetime.timedelta(days=PERIOD_DAYS)


def profiled(function, **kwargs):
    """Run ``function`` under cProfile and print its 25 most expensive calls (cumulative)."""
    profile = cProfile.Profile()
    result = profile.runcall(function, **kwargs)
    pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    return result


def timed(function, *args, **kwargs):
    """Return what ``function`` returns and the seconds it took.

    Each step starts after a full garbage collection: WeasyPrint leaves its box tree behind in
    reference cycles, and a collection of that (0.15 s) fell at random into whichever step ran
    next, doubling the time of a 0.3 s gathering (measured with gc.callbacks).
    """
    gc.collect()
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def one_round(analysis) -> dict[str, float]:
    """Compile and render ``analysis`` from scratch as the worker does, then bare WeasyPrint on
    the same HTML; return the seconds of each step and end to end ÷ bare."""
    TertialAnalysis.objects.filter(pk=analysis.pk).update(
        compile_state="queued", render_state="queued", pdf="", pdf_hash=""
    )
    _done, gathering = timed(tertial_analysis_compile, analysis_id=analysis.pk)
    _done, rendering = timed(tertial_analysis_render, analysis_id=analysis.pk)
    end_to_end = gathering + rendering
    analysis.refresh_from_db()
    html = render_to_string(
        "reports/tertial/analysis_pdf.html",
        {**analysis_context(analysis), "pdf_title": "x", "LANGUAGE_CODE": "sv"},
    )
    # Bare WeasyPrint: parsing the HTML and laying it out, as for any document.
    _pdf, bare = timed(pdf_of_html, html)
    return {
        "gathering + analysis": gathering,
        "rendering (worker)": rendering,
        "end to end": end_to_end,
        "bare WeasyPrint": bare,
        "end to end / bare": end_to_end / bare,
        "rendering / bare": rendering / bare,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=0)
    parser.add_argument("--tertial", default="2025-T2")
    parser.add_argument("--municipality", default=ARBOGA)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    arguments = parser.parse_args()
    if arguments.incidents:
        top_up(arguments.incidents)
    translation.activate("sv")
    # As a worker process does once it has started (est/celery.py).
    gc.freeze()
    municipality = Municipality.objects.get(code=arguments.municipality)
    tertial = parse_tertial(arguments.tertial)
    tertial_work(municipality, tertial)
    analysis, _created = tertial_analysis_ensure(municipality=municipality, tertial=tertial)
    # A worker renders many documents: the first round (fonts, hyphenation dictionary, templates,
    # database cache) is shown but not counted, as a running worker has paid for it already.
    first = one_round(analysis)
    if arguments.profile:
        TertialAnalysis.objects.filter(pk=analysis.pk).update(compile_state="queued")
        profiled(tertial_analysis_compile, analysis_id=analysis.pk)
        TertialAnalysis.objects.filter(pk=analysis.pk).update(render_state="queued", pdf_hash="")
        profiled(tertial_analysis_render, analysis_id=analysis.pk)
        return
    rounds = [one_round(analysis) for _round in range(arguments.rounds)]
    pages = len(PdfReader(io.BytesIO(analysis.pdf.read())).pages)
    print(f"incidents in database: {Incident.objects.count()}")
    print(f"incidents in the tertial: {analysis.content['incident_count']}, pages: {pages}")
    header = "".join(f"{n:>8}" for n in ["first", *range(1, len(rounds) + 1), "min", "median"])
    print(f"{'':22}{header}")
    for name in first:
        values = [each[name] for each in rounds]
        cells = "".join(f"{v:8.2f}" for v in [first[name], *values])
        print(f"{name:22}{cells}{min(values):8.2f}{statistics.median(values):8.2f}")


if __name__ == "__main__":
    main()

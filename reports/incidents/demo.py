"""Demo incidents: two years in Arboga and Kungsör with patterns a coordinator should spot.

- weekend nights in the town centres: vandalism, disorder, unsafe gatherings, threats;
- weekday afternoons around the schools in term time: graffiti, littering, gatherings;
- summer evenings by the water: littering, fires, disorder, many more than in winter;
- night-time burglaries in Valskog's industrial area, and speeding through Valskog by day;
- a background of everything else, anywhere in town, mostly by day.

Safe to run twice: a municipality that already has incidents gets none.
"""

import datetime
import random
import uuid

from django.contrib.gis.geos import Point
from django.db import transaction
from django.utils import timezone

from est.models import Area, User
from est.periods import local_midnight
from reports.incidents.categories import categories_seed
from reports.incidents.models import Category, Incident

DAYS = 730
#: (municipality code, area name, categories, how many per year)
PATTERNS = {
    "weekend_nights": [
        ("1984", "Centrum", 170),
        ("1960", "Centrum", 110),
    ],
    "school_afternoons": [
        ("1984", "Gäddgårdsskolan", 90),
        ("1984", "Ekbacken", 40),
        ("1960", "Malmberga", 60),
    ],
    "summer_evenings": [
        ("1984", "Strandvägen och ån", 80),
        ("1960", "Kungsudden", 70),
    ],
    "industrial_nights": [("1960", "Valskog", 25)],
    # Residents' complaint behind Kungsör's pledge "Trafik i Valskog": the main road through it.
    "through_traffic": [("1960", "Valskog", 20)],
}
CATEGORIES = {
    "weekend_nights": [
        ("vandalism", 5),
        ("disorder", 4),
        ("unsafe_gathering", 3),
        ("threat_violence", 2),
        ("graffiti", 2),
        ("drug_influence", 1),
    ],
    "school_afternoons": [
        ("graffiti", 4),
        ("littering", 3),
        ("unsafe_gathering", 3),
        ("vandalism", 2),
        ("drug_dealing", 1),
    ],
    "summer_evenings": [
        ("littering", 5),
        ("fire", 2),
        ("disorder", 3),
        ("unsafe_gathering", 2),
        ("drug_dealing", 1),
    ],
    "industrial_nights": [("burglary", 4), ("theft", 3), ("vandalism", 1)],
    "through_traffic": [("traffic", 1)],
    "background": [
        ("vandalism", 3),
        ("graffiti", 2),
        ("littering", 3),
        ("theft", 2),
        ("burglary", 1),
        ("traffic", 2),
        ("fire", 1),
        ("other", 2),
    ],
}
BACKGROUND_PER_YEAR = {"1984": 160, "1960": 110}
DESCRIPTIONS = {
    "vandalism": ["Krossad ruta i busskuren.", "Sönderslagen parkbänk.", "Lampa nedriven."],
    "graffiti": ["Nytt klotter på fasaden.", "Tags på elskåpet.", "Klotter i gångtunneln."],
    "littering": ["Mycket skräp och flaskor kvar.", "Nedskräpat efter helgen."],
    "unsafe_gathering": ["Grupp ungdomar, högljudda, kastade saker.", "Samling vid entrén."],
    "burglary": ["Uppbruten dörr till förrådet.", "Inbrott i containern."],
    "theft": ["Cykel stulen från ställ.", "Verktyg borta från bodarna."],
    "drug_dealing": ["Misstänkt försäljning vid parkeringen."],
    "drug_influence": ["Person påverkad, sov på bänken."],
    "fire": ["Brand i papperskorg.", "Eld i container, släckt av räddningstjänsten."],
    "threat_violence": ["Bråk utanför restaurangen.", "Hot mot personal."],
    "disorder": ["Hög musik och bråk sent.", "Fyrverkerier mot fönster."],
    "traffic": ["Vårdslös körning med moped.", "Bil parkerad på gångbana."],
    "other": ["Övergiven bil.", "Trasigt staket vid lekplatsen."],
}
QUESTIONS = [
    "Kan du ange platsen närmare? Vilken entré?",
    "Var det samma grupp som förra helgen?",
    "Har du foto på klottret?",
]
REPORTERS = {"1984": ["rapportor", "vaktare"], "1960": ["kungsor", "vaktare"]}


def _weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _point_in(rng, geometry):
    xmin, ymin, xmax, ymax = geometry.extent
    for _attempt in range(100):
        point = Point(rng.uniform(xmin, xmax), rng.uniform(ymin, ymax), srid=geometry.srid)
        if geometry.contains(point):
            return point
    return geometry.centroid


def _local(day: datetime.date, hour: float) -> datetime.datetime:
    return local_midnight(day) + datetime.timedelta(hours=hour)


def _days(today, predicate):
    return [
        today - datetime.timedelta(days=n)
        for n in range(1, DAYS)
        if predicate(today - datetime.timedelta(days=n))
    ]


def _term_time(day):
    return not (
        day.month == 7 or (day.month == 6 and day.day > 12) or (day.month == 8 and day.day < 18)
    )


def _when(rng, pattern, today, pools):
    """Return (start, end) of one incident of ``pattern``."""
    if pattern == "weekend_nights":
        day = rng.choice(pools["weekend"])
        start = _local(day, rng.uniform(21, 27))
        return start, start + datetime.timedelta(minutes=rng.choice([0, 0, 15, 30, 60]))
    if pattern == "school_afternoons":
        day = rng.choice(pools["school"])
        start = _local(day, rng.uniform(13.5, 18))
        return start, start + datetime.timedelta(minutes=rng.choice([0, 20, 45]))
    if pattern == "summer_evenings":
        day = rng.choice(pools["summer"] if rng.random() < 0.8 else pools["all"])
        start = _local(day, rng.uniform(18, 24.5))
        return start, start + datetime.timedelta(minutes=rng.choice([0, 30, 90]))
    if pattern == "industrial_nights":
        # Found in the morning: it happened some time during the night.
        day = rng.choice(pools["all"])
        return _local(day, 18), _local(day, 30.5)
    day = rng.choice(pools["all"])
    start = _local(day, rng.triangular(6, 23, 13))
    return start, start + datetime.timedelta(minutes=rng.choice([0, 0, 30, 120]))


def _status(rng, start, now):
    age = (now - start).days
    if age < 14:
        return _weighted(rng, [(Incident.Status.NEW, 6), (Incident.Status.REVIEWED, 3)])
    if age < 60:
        return _weighted(
            rng,
            [
                (Incident.Status.REVIEWED, 6),
                (Incident.Status.CLOSED, 3),
                (Incident.Status.NEEDS_INFORMATION, 1),
            ],
        )
    return _weighted(rng, [(Incident.Status.CLOSED, 8), (Incident.Status.REVIEWED, 2)])


@transaction.atomic
def incidents_seed(municipalities) -> None:
    """Give each demo municipality without incidents two years of them (seed_demo calls this)."""
    rng = random.Random(2026)  # noqa: S311 - repeatable demo data, not a secret
    now = timezone.now()
    today = timezone.localdate()
    pools = {
        "all": _days(today, lambda d: True),
        # Friday and Saturday evenings (the night runs past midnight).
        "weekend": _days(today, lambda d: d.weekday() in (4, 5)),
        "school": _days(today, lambda d: d.weekday() < 5 and _term_time(d)),
        "summer": _days(today, lambda d: d.month in (6, 7, 8)),
    }
    users = {
        user.username: user
        for user in User.objects.filter(username__in=["rapportor", "vaktare", "kungsor"])
    }
    incidents = []
    for municipality in municipalities:
        categories_seed(municipality=municipality)
        # Police events (their own seeder) do not count: only reported incidents mean done.
        if (
            Incident.objects.for_municipality(municipality)
            .from_source(Incident.Source.REPORTER)
            .exists()
        ):
            continue
        categories = {c.code: c for c in Category.objects.for_municipality(municipality)}
        areas = {a.name: a for a in Area.objects.for_municipality(municipality)}
        reporters = [users[name] for name in REPORTERS.get(municipality.code, []) if name in users]
        centre = areas.get("Centrum")
        town = centre.boundary.buffer(1500) if centre else municipality.boundary
        town = town.intersection(municipality.boundary)
        jobs = [
            (pattern, areas[name].boundary, per_year * DAYS // 365)
            for pattern, places in PATTERNS.items()
            for code, name, per_year in places
            if code == municipality.code and name in areas
        ]
        jobs.append(("background", town, BACKGROUND_PER_YEAR.get(municipality.code, 100) * 2))
        for pattern, place, count in jobs:
            for _n in range(count):
                start, end = _when(rng, pattern, today, pools)
                if start > now:
                    continue
                end = min(end, now)
                code = _weighted(rng, CATEGORIES[pattern])
                reporter = rng.choice(reporters) if reporters else None
                police = rng.random() < (0.6 if code in ("burglary", "threat_violence") else 0.1)
                incidents.append(
                    Incident(
                        municipality=municipality,
                        category=categories[code],
                        occurred_from=start,
                        occurred_to=end,
                        position=_point_in(rng, place),
                        place_name="",
                        description=rng.choice(DESCRIPTIONS[code]),
                        reporter=reporter,
                        organisation=reporter.organisation if reporter else None,
                        police_informed=police,
                        police_reference=f"5000-K{rng.randint(100000, 999999)}-{start:%y}"
                        if police
                        else "",
                        source=Incident.Source.REPORTER,
                        status=(status := _status(rng, start, now)),
                        triage_note=rng.choice(QUESTIONS)
                        if status == Incident.Status.NEEDS_INFORMATION
                        else "",
                        idempotency_key=uuid.UUID(int=rng.getrandbits(128), version=4),
                    )
                )
    created = Incident.objects.bulk_create(incidents, batch_size=1000)
    # auto_now_add gave every demo incident today's date; file them shortly after they happened.
    for incident in created:
        incident.created_at = incident.occurred_to + datetime.timedelta(minutes=rng.randint(5, 600))
        incident.created_at = min(incident.created_at, now)
    Incident.objects.bulk_update(created, ["created_at"], batch_size=1000)

"""Plausible survey answers for the demo and the benchmarks: a seeded random resident at a
time, as the answer form would send them, so that both go through the same service."""

import random

from django.contrib.gis.geos import Point

from . import bank

#: Where residents of the demo town say they avoid going (WGS 84 lon, lat): the travel centre,
#: the square at night, the path along the river.
HOTSPOTS = ((15.8398, 59.3957), (15.8420, 59.3936), (15.8480, 59.3962))
#: How the answers to the feeling question lean, very safe first (NTU's level, roughly).
FEELING_WEIGHTS = (30, 40, 15, 6, 9)


def hotspots_in(municipality) -> list[tuple[float, float]]:
    """Return the HOTSPOTS (lon, lat) within ``municipality``, or else a point on its surface
    (a test municipality is a square somewhere else)."""
    boundary = municipality.boundary.transform(4326, clone=True)
    inside = [spot for spot in HOTSPOTS if boundary.contains(Point(*spot, srid=4326))]
    return inside or [boundary.point_on_surface.coords]


def generated_answer(rng: random.Random, wave, areas, hotspots, *, unease: float = 1.0) -> dict:
    """Return one resident's answer to ``wave`` as survey_response_submit takes it (answers,
    background, places near ``hotspots``); ``areas`` are those one may live in, ``unease``
    above 1 leans the answers towards feeling unsafe. Some questions and background are left
    out, as people do."""
    weights = [FEELING_WEIGHTS[0], FEELING_WEIGHTS[1], *(w * unease for w in FEELING_WEIGHTS[2:])]
    answers = {}
    for question in wave.bank_questions:
        if question.kind == bank.PLACES or rng.random() < 0.05:
            continue
        if question.key == "unsafe_evening":
            answers[question.key] = rng.choices(question.option_keys, weights)
        elif question.kind == bank.SINGLE:
            answers[question.key] = [rng.choice(question.option_keys)]
        else:
            answers[question.key] = rng.sample(question.option_keys[:-1], rng.randint(0, 3))
    places = []
    if "avoided_places" in wave.questions and rng.random() < 0.4:
        for _i in range(rng.randint(1, 2)):
            lon, lat = rng.choice(hotspots)
            places.append([lat + rng.uniform(-0.0008, 0.0008), lon + rng.uniform(-0.0012, 0.0012)])
    return {
        "answers": answers,
        "age_band": rng.choice(["", *dict(bank.AGE_BANDS)]),
        "gender": rng.choice(["", *dict(bank.GENDERS)]),
        "area": rng.choice([None, *areas]),
        "places": places,
    }

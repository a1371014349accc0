"""Demo survey waves for seed_demo: in Arboga last year's wave (closed) and this year's (open),
with 250 and 300 generated answers sent through the same service as the public form."""

import datetime
import random
import uuid

from django.utils import timezone

from est.demo import ARBOGA
from est.models import Area, Municipality

from . import bank
from .forms import RESIDENTIAL_KINDS
from .generate import generated_answer, hotspots_in
from .models import SurveyWave
from .services import survey_response_submit, survey_wave_create, survey_wave_status_set

#: (title, days ago it opened, days open, answers, unease, closed afterwards)
WAVES = (
    ("Trygghetsundersökning i Arboga 2025", 380, 30, 250, 1.6, True),
    ("Trygghetsundersökning i Arboga 2026", 10, 40, 300, 1.0, False),
)


def survey_seed(municipalities: list[Municipality]) -> None:
    """Create Arboga's two demo waves with their answers, unless they are there already."""
    arboga = next((m for m in municipalities if m.code == ARBOGA), None)
    if arboga is None:
        return
    areas = list(Area.objects.filter(municipality=arboga, kind__in=RESIDENTIAL_KINDS))
    hotspots = hotspots_in(arboga)
    today = timezone.localdate()
    for index, (title, days_ago, days_open, count, unease, close) in enumerate(WAVES):
        if SurveyWave.objects.filter(municipality=arboga, title=title).exists():
            continue
        opens_on = today - datetime.timedelta(days=days_ago)
        wave = survey_wave_create(
            municipality=arboga,
            title=title,
            questions=bank.DEFAULT_KEYS,
            opens_on=opens_on,
            closes_on=opens_on + datetime.timedelta(days=days_open),
        )
        survey_wave_status_set(wave=wave, status=SurveyWave.Status.OPEN)
        rng = random.Random(1984 + index)  # noqa: S311 -- demo data, nothing secret
        for number in range(count):
            survey_response_submit(
                wave=wave,
                submission_key=uuid.uuid4(),
                # Each demo resident a sender of their own: the rate limit is for robots.
                sender_key=f"demo-{wave.pk}-{number}",
                today=opens_on + datetime.timedelta(days=number % min(days_open, days_ago + 1)),
                **generated_answer(rng, wave, areas, hotspots, unease=unease),
            )
        if close:
            survey_wave_status_set(wave=wave, status=SurveyWave.Status.CLOSED)

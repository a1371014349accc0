"""The survey's indicator for the action plan's goals: the share of residents who feel safe
going out alone late in the evening (of those who go out), in the last wave that closed in each
tertial. A tertial with no wave, or with fewer answers than SURVEY_MIN_RESPONSES, has no value
and says why: a share of a handful of residents could point at one of them."""

from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from est.indicators import IndicatorKind, Measurement

from .models import SurveyResponse, SurveyWave

QUESTION = "unsafe_evening"
SAFE = ("very_safe", "fairly_safe")
#: Not counted in the share: someone who never goes out says nothing of how safe it feels.
NEVER_OUT = "never_out"
NO_WAVE = gettext_noop("No survey wave closed in this tertial.")
TOO_FEW = gettext_noop("Fewer than %(minimum)s residents answered the question.")


def _answer_is(option: str) -> Q:
    return Q(**{f"answers__{QUESTION}__contains": [option]})


def feeling_safe_measure(municipality, tertials: list, options: dict) -> list[Measurement]:
    """Return, for each of ``tertials``, the percentage of the answers feeling very or fairly
    safe in the last published wave of ``municipality`` that closed in it."""
    if not tertials:
        return []
    waves = (
        SurveyWave.objects.for_municipality(municipality)
        .published()
        .filter(closes_on__gte=tertials[0].first_day, closes_on__lt=tertials[-1].end)
        .order_by("closes_on")
    )
    last_wave = {}
    for wave in waves:
        for tertial in tertials:
            if tertial.first_day <= wave.closes_on < tertial.end:
                last_wave[tertial] = wave.pk
    counts = {
        row["wave"]: row
        for row in SurveyResponse.objects.filter(wave__in=last_wave.values())
        .values("wave")
        .annotate(
            safe=Count("pk", filter=_answer_is(SAFE[0]) | _answer_is(SAFE[1])),
            never_out=Count("pk", filter=_answer_is(NEVER_OUT)),
            answered=Count("pk", filter=Q(**{f"answers__{QUESTION}__0__isnull": False})),
        )
    }
    minimum = settings.SURVEY_MIN_RESPONSES
    measurements = []
    for tertial in tertials:
        if tertial not in last_wave:
            measurements.append(Measurement(None, NO_WAVE))
            continue
        row = counts.get(last_wave[tertial], {"safe": 0, "never_out": 0, "answered": 0})
        going_out = row["answered"] - row["never_out"]
        if going_out < minimum:
            measurements.append(Measurement(None, TOO_FEW, {"minimum": minimum}))
        else:
            measurements.append(Measurement(round(100 * row["safe"] / going_out, 1)))
    return measurements


FEELING_SAFE = IndicatorKind(
    key="survey_feeling_safe",
    title=_("Share of survey answers feeling safe out alone in the evening"),
    unit="percent",
    measure=feeling_safe_measure,
    order=20,
)

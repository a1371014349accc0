"""The safety survey's section of a report on a period (the tertial analysis), registered
through ``est.report_sections``: the results of each wave that closed in the period, for
everyone, compared with the wave before. It reads ``results``, so a share resting on fewer than
SURVEY_MIN_RESPONSES responses is hidden here as everywhere."""

import datetime

from . import bank
from .models import SurveyWave
from .results import wave_results


def _everyone(question_result) -> list[dict]:
    """Return the shares of everyone's answers to one question, as JSON-able data."""
    _key, _label, groups = question_result.breakdowns[0]
    if not groups or groups[0].shares is None:
        return []
    return [
        {
            "option": share.option,
            "percent": share.percent,
            "low": share.low_percent,
            "high": share.high_percent,
            "change": share.change_points,
            "significant": share.significant,
        }
        for share in groups[0].shares
    ]


def survey_tertial_gather(municipality, start: datetime.date, end: datetime.date) -> dict:
    """Return, as JSON-able data, every published wave of ``municipality`` that closed in
    [start, end): its title, closing day, respondents (None when under the minimum), the wave
    it is compared with, and each question's shares for everyone."""
    waves = (
        SurveyWave.objects.for_municipality(municipality)
        .published()
        .filter(closes_on__gte=start, closes_on__lt=end)
        .order_by("closes_on")
    )
    gathered = []
    for wave in waves:
        results = wave_results(wave)
        gathered.append(
            {
                "title": wave.title,
                "closes_on": wave.closes_on.isoformat(),
                "respondents": results.respondents,
                "minimum": results.minimum,
                "previous": results.previous.title if results.previous else None,
                "questions": [
                    {"key": result.question.key, "shares": _everyone(result)}
                    for result in results.questions
                ],
            }
        )
    return {"waves": gathered}


def survey_tertial_present(data: dict) -> dict:
    """Return the stored section with each question and answer in the reader's language."""
    waves = []
    for wave in data["waves"]:
        questions = []
        for stored in wave["questions"]:
            question = bank.BY_KEY.get(stored["key"])
            if question is None or not stored["shares"]:
                continue
            questions.append(
                {
                    "text": question.text,
                    "shares": [
                        {**share, "text": question.option_text(share["option"])}
                        for share in stored["shares"]
                    ],
                }
            )
        waves.append(
            {
                **wave,
                "closes_on": datetime.date.fromisoformat(wave["closes_on"]),
                "questions": questions,
            }
        )
    return {"waves": waves}

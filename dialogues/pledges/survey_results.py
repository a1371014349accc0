"""What the safety survey said about a pledge's focus areas, for the pledge's public page.

How a focus area maps to the survey: the headline question (how safe residents feel out alone
late in the evening) always concerns it, and of the list of problems residents see, those that
match its incident categories (graffiti and vandalism → "vandalism and graffiti", and so on).
Its areas choose whose answers: the residents of those areas (the survey's breakdown by area of
residence) when it names any, everyone otherwise. The shares come from ``survey.results``, so a
group under SURVEY_MIN_RESPONSES is hidden here as everywhere: the page then says too few
answered, never a share of a handful of residents.
"""

from django.utils import timezone

from ..survey.models import SurveyWave
from ..survey.results import wave_results

HEADLINE = "unsafe_evening"
PROBLEMS = "problems"
#: The incident categories' codes (reports.incidents.categories) and the survey's problem each
#: is residents' view of.
CATEGORY_PROBLEMS = {
    "vandalism": "vandalism",
    "graffiti": "vandalism",
    "littering": "litter",
    "unsafe_gathering": "gatherings",
    "disorder": "gatherings",
    "drug_dealing": "drugs",
    "drug_influence": "drugs",
    "traffic": "traffic",
}


def latest_wave(municipality, *, year: int | None = None) -> SurveyWave | None:
    """Return the newest published wave of ``municipality`` that has closed (by the end of
    ``year``, when given), if any."""
    waves = SurveyWave.objects.for_municipality(municipality).published()
    if year is not None:
        waves = waves.filter(closes_on__year__lte=year)
    return waves.filter(closes_on__lt=timezone.localdate()).order_by("-closes_on").first()


def _groups(result, area_names: list[str]):
    """Return the groups of ``result`` whose answers concern the focus area: the residents of
    its areas, or everyone when it names none (or none of its areas had answers)."""
    breakdowns = {key: groups for key, _label, groups in result.breakdowns}
    in_areas = [group for group in breakdowns["area"] if group.label in area_names]
    return in_areas or breakdowns["all"]


def focus_area_survey(focus_area, results) -> dict | None:
    """Return the survey's answers that concern ``focus_area`` from a wave's ``results``:
    the questions (the headline and, if any match, the problems it concerns), each with its
    groups (label, respondents or None, shares or None when too few answered); None when no
    wave has closed."""
    if results is None:
        return None
    area_names = [area.name for area in focus_area.areas.all()]
    codes = {category.code for category in focus_area.categories.all()}
    problems = {CATEGORY_PROBLEMS[code] for code in codes if code in CATEGORY_PROBLEMS}
    questions = []
    for result in results.questions:
        if result.question.key not in (HEADLINE, PROBLEMS):
            continue
        if result.question.key == PROBLEMS and not problems:
            continue
        wanted = problems if result.question.key == PROBLEMS else None
        groups = [
            {
                "label": group.label,
                "respondents": group.respondents,
                "shares": None
                if group.shares is None
                else [
                    {"text": result.option_text(share.option), "share": share}
                    for share in group.shares
                    if wanted is None or share.option in wanted
                ],
            }
            for group in _groups(result, area_names)
        ]
        questions.append({"text": result.question.text, "groups": groups})
    return {
        "wave": results.wave,
        "minimum": results.minimum,
        "questions": questions,
    }


def pledge_survey_results(pledge):
    """Return the results of the newest closed wave of ``pledge``'s municipality (None when
    there is none), to be read once for all its focus areas."""
    wave = latest_wave(pledge.municipality)
    return wave_results(wave) if wave else None


def pledge_survey_said(pledge) -> dict | None:
    """Return what the last survey up to ``pledge``'s year said, for the pledge's follow-up:
    the wave, the one it is compared with, and everyone's shares of the headline question
    (with their intervals and changes; None when fewer than SURVEY_MIN_RESPONSES answered it);
    None when no wave had closed by then."""
    wave = latest_wave(pledge.municipality, year=pledge.year)
    if wave is None:
        return None
    results = wave_results(wave)
    headline = next((r for r in results.questions if r.question.key == HEADLINE), None)
    if headline is None:
        return None
    everyone = {key: groups for key, _label, groups in headline.breakdowns}["all"]
    shares = everyone[0].shares if everyone else None
    return {
        "wave": wave,
        "previous": results.previous,
        "minimum": results.minimum,
        "question": headline.question.text,
        "shares": None
        if shares is None
        else [{"text": headline.option_text(share.option), "share": share} for share in shares],
    }

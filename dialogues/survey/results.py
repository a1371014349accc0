"""A wave's results: the counts in SQL, the shares through ``analysis``, for everyone together
and per area, age band and gender, compared with the previous wave; and the places people avoid
as a grid of density cells. Every output (the pages, the exports, the API) reads from here, so
the minimum number of responses holds in all of them."""

import json
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Max
from django.utils.translation import gettext_lazy as _

from est.models import Area

from . import analysis, bank
from .models import SurveyWave

#: The side of a density cell of the places avoided, in metres: a block, not a house.
CELL_METRES = 250

#: How the respondents are grouped: the key of the response's column, and its name.
BREAKDOWNS = (
    ("all", _("Everyone")),
    ("area", _("Area of residence")),
    ("age_band", _("Age")),
    ("gender", _("Gender")),
)

_OPTION_COUNTS = """
    SELECT question.key, answer, r.area_id, r.age_band, r.gender, count(*)
    FROM dialogues_surveyresponse r,
         jsonb_each(r.answers) AS question,
         jsonb_array_elements_text(question.value) AS answer
    WHERE r.wave_id = %s
    GROUP BY 1, 2, 3, 4, 5
"""
_RESPONDENTS = """
    SELECT question.key, r.area_id, r.age_band, r.gender, count(*)
    FROM dialogues_surveyresponse r, jsonb_each(r.answers) AS question
    WHERE r.wave_id = %s AND jsonb_array_length(question.value) > 0
    GROUP BY 1, 2, 3, 4
"""
_CELLS = """
    SELECT ST_AsGeoJSON(ST_Transform(
               ST_MakeEnvelope(x, y, x + %(size)s, y + %(size)s, %(srid)s), %(map_srid)s), 6),
           responses
    FROM (
        SELECT floor(ST_X(place.geom) / %(size)s) * %(size)s AS x,
               floor(ST_Y(place.geom) / %(size)s) * %(size)s AS y,
               count(DISTINCT r.id) AS responses
        FROM dialogues_surveyresponse r, ST_Dump(r.avoided_places) AS place
        WHERE r.wave_id = %(wave)s AND r.avoided_places IS NOT NULL
        GROUP BY 1, 2
    ) AS cells
    WHERE responses >= %(minimum)s
    ORDER BY responses DESC
"""


@dataclass
class Group:
    """The respondents of one group who answered a question, and their answers' shares;
    ``shares`` is None when the group is too small to show."""

    label: str
    respondents: int | None
    shares: list[analysis.Share] | None


@dataclass
class QuestionResult:
    question: bank.Question
    #: ``(key, label, groups)`` for each of BREAKDOWNS.
    breakdowns: list[tuple[str, str, list[Group]]] = field(default_factory=list)

    def option_text(self, option: str) -> str:
        """Return the text of answer ``option`` of this question."""
        return self.question.option_text(option)


@dataclass
class WaveResults:
    wave: SurveyWave
    previous: SurveyWave | None
    minimum: int
    respondents: int | None
    questions: list[QuestionResult]


def _group_key(breakdown: str, area_id, age_band: str, gender: str):
    return {"all": "", "area": area_id, "age_band": age_band, "gender": gender}[breakdown]


#: How long a wave's counts are kept in the cache. A new answer changes the key at once (it
#: holds the number of responses and the newest one's id); the time only bounds what an
#: unforeseen change (a response deleted and another added) could leave stale.
COUNTS_KEPT = 60 * 60


def wave_counts(wave: SurveyWave) -> tuple[dict, dict, int]:
    """Return the counts of ``wave``: ``{(question, breakdown, group): {option: count}}``,
    ``{(question, breakdown, group): respondents}`` and the number of responses. Unanswered
    background (no area, no age band) is its own group and never shown.

    Counting 20,000 responses takes PostgreSQL about a quarter of a second, the results page's
    whole budget (bench/README.md): the counts are kept in the cache under the number of
    responses and the newest one's id, so they are counted again only after a new answer."""
    latest = wave.responses.aggregate(count=Count("id"), newest=Max("id"))
    key = f"survey-counts:{wave.pk}:{latest['count']}:{latest['newest']}"
    counts = cache.get(key)
    if counts is None:
        counts = _counted(wave)
        cache.set(key, counts, COUNTS_KEPT)
    return counts


def _counted(wave: SurveyWave) -> tuple[dict, dict, int]:
    options = defaultdict(lambda: defaultdict(int))
    totals = defaultdict(int)
    with connection.cursor() as cursor:
        cursor.execute(_OPTION_COUNTS, [wave.pk])
        for question, option, area_id, age_band, gender, count in cursor.fetchall():
            for breakdown, _label in BREAKDOWNS:
                key = (question, breakdown, _group_key(breakdown, area_id, age_band, gender))
                options[key][option] += count
        cursor.execute(_RESPONDENTS, [wave.pk])
        for question, area_id, age_band, gender, count in cursor.fetchall():
            for breakdown, _label in BREAKDOWNS:
                totals[(question, breakdown, _group_key(breakdown, area_id, age_band, gender))] += (
                    count
                )
    # Plain dicts: they go into the cache, and a defaultdict of a lambda cannot be pickled.
    return {k: dict(v) for k, v in options.items()}, dict(totals), wave.responses.count()


def _group_labels(wave: SurveyWave) -> dict[str, list[tuple[object, str]]]:
    areas = Area.objects.filter(municipality_id=wave.municipality_id).order_by("name")
    return {
        "all": [("", str(_("Everyone")))],
        "area": [(area.pk, area.name) for area in areas.only("pk", "name")],
        "age_band": [(key, str(text)) for key, text in bank.AGE_BANDS],
        "gender": [(key, str(text)) for key, text in bank.GENDERS],
    }


def wave_results(wave: SurveyWave) -> WaveResults:
    """Return what may be shown of ``wave``'s results: each question's shares for everyone and
    per group, compared with the previous published wave; groups and answers under
    settings.SURVEY_MIN_RESPONSES hidden, groups nobody answered in left out."""
    minimum = settings.SURVEY_MIN_RESPONSES
    options, totals, responses = wave_counts(wave)
    previous = SurveyWave.objects.before(wave).first()
    before_options, before_totals, _count = wave_counts(previous) if previous else ({}, {}, 0)
    labels = _group_labels(wave)
    questions = []
    for question in wave.bank_questions:
        if question.kind == bank.PLACES:
            continue
        result = QuestionResult(question)
        for breakdown, breakdown_label in BREAKDOWNS:
            groups = []
            for group, label in labels[breakdown]:
                key = (question.key, breakdown, group)
                if key not in totals:
                    continue
                before = (before_options.get(key, {}), before_totals.get(key, 0))
                found = analysis.shares(
                    options.get(key, {}),
                    totals[key],
                    question.option_keys,
                    minimum,
                    before if previous else None,
                )
                shown_total = totals[key] if found is not None else None
                groups.append(Group(label, shown_total, found))
            result.breakdowns.append((breakdown, breakdown_label, groups))
        questions.append(result)
    return WaveResults(
        wave=wave,
        previous=previous,
        minimum=minimum,
        respondents=responses if responses >= minimum else None,
        questions=questions,
    )


def avoided_cells(wave: SurveyWave) -> dict:
    """Return the places avoided in ``wave`` as a GeoJSON FeatureCollection of square cells
    with ``responses`` (how many responses marked a place in the cell); cells marked by fewer
    than settings.SURVEY_MIN_RESPONSES responses are left out."""
    with connection.cursor() as cursor:
        cursor.execute(
            _CELLS,
            {
                "size": CELL_METRES,
                "srid": settings.STORAGE_SRID,
                "map_srid": settings.MAP_SRID,
                "wave": wave.pk,
                "minimum": settings.SURVEY_MIN_RESPONSES,
            },
        )
        features = [
            {
                "type": "Feature",
                "geometry": json.loads(geometry),
                "properties": {"responses": responses},
            }
            for geometry, responses in cursor.fetchall()
        ]
    return {"type": "FeatureCollection", "features": features}

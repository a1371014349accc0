"""Survey waves and responses as the tests need them."""

import datetime
import uuid

from django.contrib.gis.geos import MultiPoint, Point
from django.utils import timezone

from dialogues.survey import bank
from dialogues.survey.models import SurveyResponse, SurveyWave
from dialogues.survey.services import survey_wave_create, survey_wave_status_set


def open_wave(municipality, **fields):
    """Compose a wave of the whole bank in ``municipality``, open from a week ago for a month,
    and open it; ``fields`` change what is composed. Return the wave."""
    today = timezone.localdate()
    composed = {
        "title": "Trygghetsundersökning 2026",
        "questions": bank.DEFAULT_KEYS,
        "opens_on": today - datetime.timedelta(days=7),
        "closes_on": today + datetime.timedelta(days=30),
        **fields,
    }
    wave = survey_wave_create(municipality=municipality, **composed)
    return survey_wave_status_set(wave=wave, status=SurveyWave.Status.OPEN)


def responses_add(wave, count, answers, *, place=None, **background):
    """Add ``count`` responses with the same ``answers`` (``{key: [option]}``), background
    and, given a point in the storage SRID, that place avoided. Return them."""
    places = MultiPoint(Point(place.x, place.y), srid=place.srid) if place else None
    return SurveyResponse.objects.bulk_create(
        SurveyResponse(
            wave=wave,
            answers=answers,
            avoided_places=places,
            submission_key=uuid.uuid4(),
            submitted_on=wave.opens_on,
            **background,
        )
        for _i in range(count)
    )

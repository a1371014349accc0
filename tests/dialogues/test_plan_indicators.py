"""The dialogues' indicators for the action plan's goals, against hand counts: the share feeling
safe in the last wave of each tertial (and why there is none: no wave, too few answers), the
measures done by their due date, and the safety walks held."""

import datetime

import pytest

from dialogues.measures.services import measure_create, measure_status_set
from est.indicators import indicator_measure, reason_text
from est.periods import Tertial, local_midnight
from tests.dialogues.survey.helpers import open_wave, responses_add
from tests.dialogues.walks.helpers import announced_walk
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

T1, T2, T3 = Tertial(2025, 1), Tertial(2025, 2), Tertial(2025, 3)


def test_the_share_feeling_safe_or_why_there_is_none(arboga, settings):
    settings.SURVEY_MIN_RESPONSES = 10
    wave = open_wave(
        arboga, opens_on=datetime.date(2025, 5, 1), closes_on=datetime.date(2025, 5, 31)
    )
    responses_add(wave, 6, {"unsafe_evening": ["very_safe"]})
    responses_add(wave, 3, {"unsafe_evening": ["fairly_safe"]})
    responses_add(wave, 3, {"unsafe_evening": ["very_unsafe"]})
    responses_add(wave, 5, {"unsafe_evening": ["never_out"]})  # not counted in the share
    responses_add(wave, 4, {"worry_crime": ["very_worried"]})  # did not answer the question
    small = open_wave(
        arboga,
        title="Liten",
        opens_on=datetime.date(2025, 9, 1),
        closes_on=datetime.date(2025, 9, 30),
    )
    responses_add(small, 9, {"unsafe_evening": ["very_safe"]})

    none, share, too_few = indicator_measure("survey_feeling_safe", arboga, [T1, T2, T3], {})

    assert share.value == 75.0  # 9 of the 12 who go out
    assert none.value is None
    assert reason_text(none.as_data()) == "Ingen enkätomgång stängde under tertialet."
    assert too_few.value is None
    assert reason_text(too_few.as_data()) == "Färre än 10 invånare svarade på frågan."


def test_measures_done_by_their_due_date(arboga, coordinator):
    owner = OrganisationFactory(name="Gatukontoret")
    owner.municipalities.add(arboga)

    def measure(due, done=None):
        made = measure_create(
            municipality=arboga, by=coordinator, title="Belysning", responsible=owner, due_on=due
        )
        if done:
            measure_status_set(
                measure=made,
                by=coordinator,
                status="done",
                done_note="Klart",
                now=local_midnight(done) + datetime.timedelta(hours=23),
            )
        return made

    measure(datetime.date(2025, 5, 10), done=datetime.date(2025, 5, 10))  # on the day: on time
    measure(datetime.date(2025, 6, 10), done=datetime.date(2025, 6, 11))  # a day late
    measure(datetime.date(2025, 7, 10))  # never done
    rejected = measure(datetime.date(2025, 7, 20))
    measure_status_set(
        measure=rejected, by=coordinator, status="rejected", rejection_reason="Inte vår mark"
    )
    measure(datetime.date(2025, 9, 10), done=datetime.date(2025, 9, 1))

    none, second, third = indicator_measure("measures_on_time", arboga, [T1, T2, T3], {})

    assert second.value == pytest.approx(33.3)  # 1 of 3; the rejected one left out
    assert third.value == 100.0
    assert reason_text(none.as_data()) == "Ingen åtgärd skulle vara klar under tertialet."


def test_walks_held_are_counted_per_tertial(arboga, kungsor, coordinator):
    def held(day, municipality=arboga):
        walk = announced_walk(municipality, coordinator)
        start = local_midnight(day) + datetime.timedelta(hours=18)
        type(walk).objects.filter(pk=walk.pk).update(
            starts_at=start, ends_at=start + datetime.timedelta(hours=2)
        )

    held(datetime.date(2025, 5, 5))
    held(datetime.date(2025, 8, 31))
    held(datetime.date(2025, 9, 1))
    held(datetime.date(2025, 6, 1), kungsor)
    announced_walk(arboga, coordinator)  # still to come: not held

    counts = indicator_measure("walks_held", arboga, [T1, T2, T3], {})

    assert [m.value for m in counts] == [0, 2, 1]

"""Compiling through a real Celery worker: the beat task, run twice, makes one picture each."""

import datetime
import time

import pytest
from django.utils import timezone

from est.periods import last_ended_period, local_midnight
from reports.situation.models import SituationPicture
from reports.tasks import compile_due_situation_pictures
from tests.reports.helpers import incident
from tests.worker import celery_worker


def wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.3)


@pytest.mark.worker
def test_two_beat_ticks_through_the_worker_compile_one_picture(transactional_db, arboga, kungsor):
    start, _end = last_ended_period(timezone.now())
    noon = local_midnight(start) + datetime.timedelta(days=1, hours=12)
    incident(arboga, "graffiti", noon)
    incident(arboga, "vandalism", noon, noon + datetime.timedelta(hours=2))
    with celery_worker():
        compile_due_situation_pictures.delay()
        compile_due_situation_pictures.delay()
        pictures = SituationPicture.objects.filter(municipality=arboga, period_start=start)
        wait_for(
            lambda: (
                pictures.filter(compile_state=SituationPicture.CompileState.DONE).exists()
                and not SituationPicture.objects.exclude(
                    compile_state=SituationPicture.CompileState.DONE
                ).exists()
            )
        )
    picture = pictures.get()
    assert picture.content["key_figures"]["total"]["current"] == 2
    assert picture.content["when"]["total"] == 2
    assert (
        SituationPicture.objects.filter(period_start=start).count()
        == SituationPicture.objects.count()
    )

"""Demo trainings: Arboga's reporters trained last autumn; Kungsör's reporter two years ago, so
that the certification runs out within the month and the reminder has something to say."""

import datetime

from django.utils import timezone

from est.models import User

from .models import TrainingSession
from .services import certification_end, training_session_record

#: (municipality code, trainer, place, usernames, held on: a date, or days before today)
TRAININGS = [
    (
        "1984",
        "Polisen, lokalpolisområde Köping",
        "Arboga stadshus",
        ["rapportor", "vaktare"],
        datetime.date(2025, 9, 1),
    ),
    ("1960", "Västra Mälardalens Kommunalförbund", "Kungsörs kommunhus", ["kungsor"], None),
]


def trainings_seed(municipalities) -> None:
    """Record the demo trainings once (a municipality with a training already gets none)."""
    by_code = {municipality.code: municipality for municipality in municipalities}
    today = timezone.localdate()
    for code, trainer, place, usernames, held_on in TRAININGS:
        municipality = by_code[code]
        if TrainingSession.objects.filter(municipality=municipality).exists():
            continue
        if held_on is None:
            # Two years ago less three weeks: in force for three more weeks.
            held_on = today
            while certification_end(held_on) > today + datetime.timedelta(days=20):
                held_on -= datetime.timedelta(days=7)
        training_session_record(
            municipality=municipality,
            held_on=held_on,
            trainer=trainer,
            place=place,
            participants=User.objects.filter(username__in=usernames),
            by=None,
        )

"""Dialogue occasions as the tests need them, made through the services."""

import datetime

from django.utils import timezone

from dialogues.dialogue.models import DialogueOccasion
from dialogues.dialogue.services import dialogue_occasion_create, dialogue_occasion_publish
from tests.dialogues.walks.helpers import inside


def announced_occasion(municipality, by, **fields):
    """Plan and announce a stand in ``municipality``'s centre eight days ahead; ``fields``
    change what is planned. Return the occasion."""
    start = timezone.now() + datetime.timedelta(days=8)
    planned = {
        "title": "Dialog på torget",
        "format": DialogueOccasion.Format.STAND,
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=3),
        "place": "Stora torget",
        "point": inside(municipality, 100, 50),
        "announcement": "Kom och berätta hur du upplever tryggheten.",
        **fields,
    }
    occasion = dialogue_occasion_create(municipality=municipality, by=by, **planned)
    return dialogue_occasion_publish(occasion=occasion, by=by)


def held_occasion(municipality, by, **fields):
    """Return an announced occasion in ``municipality`` that took place a week ago."""
    occasion = announced_occasion(municipality, by, **fields)
    start = timezone.now() - datetime.timedelta(days=7)
    DialogueOccasion.objects.filter(pk=occasion.pk).update(
        starts_at=start, ends_at=start + datetime.timedelta(hours=3)
    )
    occasion.refresh_from_db()
    return occasion

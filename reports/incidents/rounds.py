"""Round reports (rondrapporter): a guard files everything found on one round in one submission.

A round is all or nothing: every incident is checked before any is saved. It is sent with one
key; each incident's own idempotency key is derived from it, so a resend finds the incidents the
first sending filed and files none of them twice.
"""

import uuid
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils.translation import gettext as _

from est.uploads import files_removed_on_rollback
from reports.incidents.filing import incident_prepare, incident_save
from reports.incidents.models import Incident


class RoundInvalid(Exception):
    """Some incidents of a round break the rules of filing; nothing of the round was saved."""

    def __init__(self, errors: dict[int, ValidationError]):
        super().__init__(errors)
        #: the ValidationError of each incident that is wrong, by its place in the round
        self.errors = errors


def round_incident_key(round_key: uuid.UUID, number: int) -> uuid.UUID:
    """Return the idempotency key of the round's incident number ``number`` (from 0)."""
    return uuid.uuid5(round_key, f"incident-{number}")


def _filed(reporter, keys: list[uuid.UUID]) -> list[Incident]:
    by_key = {
        incident.idempotency_key: incident
        for incident in Incident.objects.filter(reporter=reporter, idempotency_key__in=keys)
    }
    return [by_key[key] for key in keys if key in by_key]


def round_file(
    *, reporter, incidents: Sequence[dict], idempotency_key: uuid.UUID, now=None
) -> list[Incident]:
    """File every incident of a round (each a dict of incident_prepare's arguments) and return
    them in order, or none.

    Raises RoundInvalid with each wrong incident's errors, and ValidationError for a round
    without incidents. A resend with the same ``idempotency_key`` returns what the first filed.
    """
    keys = [round_incident_key(idempotency_key, number) for number in range(len(incidents))]
    if filed := _filed(reporter, keys):
        return filed
    if not incidents:
        raise ValidationError(_("Add at least one incident to the round report."))
    prepared, errors = [], {}
    for number, (facts, key) in enumerate(zip(incidents, keys, strict=True)):
        try:
            prepared.append(
                incident_prepare(reporter=reporter, idempotency_key=key, now=now, **facts)
            )
        except ValidationError as error:
            errors[number] = error
    if errors:
        raise RoundInvalid(errors)
    try:
        with files_removed_on_rollback():
            return [incident_save(incident) for incident in prepared]
    except IntegrityError:
        # The same round arrived twice at once; the other request filed all of it.
        return _filed(reporter, keys)

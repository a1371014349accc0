"""Merging duplicate incidents: two reporters saw the same thing, the coordinator keeps one.

Which incidents are likely duplicates is a read: ``IncidentQuerySet.likely_duplicates_of``.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from est.models import Municipality
from est.roles import has_permission
from reports.incidents.models import Incident, IncidentPhoto
from reports.permissions import INCIDENT_TRIAGE

#: The history's reason for both sides of a merge.
MERGE = "merge"


@transaction.atomic
def incident_merge(*, keep: Incident, duplicate: Incident, by) -> Incident:
    """Merge ``duplicate`` into ``keep`` and return ``keep``, fresh from the database.

    The duplicate's photos move to ``keep``; its number, category, time and description are
    written into ``keep``'s coordinator note (so ``keep``'s history records them), never its
    reporter's name, since ``keep``'s reporter reads that note; a police
    reference the kept incident lacks is taken over. The duplicate itself is kept unchanged
    but for ``merged_into``, which leaves it out of lists and counts. Raises PermissionDenied
    unless ``by`` triages the municipality, ValidationError for an incident merged already,
    into itself or across municipalities.
    """
    if keep.pk == duplicate.pk:
        raise ValidationError(_("An incident cannot be merged into itself."))
    # Both rows locked, in the order of their ids so that two merges cannot deadlock.
    locked = {
        incident.pk: incident
        for incident in Incident.objects.select_for_update(of=("self",))
        .select_related("category", "reporter", "organisation")
        .filter(pk__in=[keep.pk, duplicate.pk])
        .order_by("pk")
    }
    keep, duplicate = locked[keep.pk], locked[duplicate.pk]
    if not has_permission(by, INCIDENT_TRIAGE) or not (
        Municipality.objects.for_user(by).filter(pk=keep.municipality_id).exists()
    ):
        raise PermissionDenied
    if keep.municipality_id != duplicate.municipality_id:
        raise ValidationError(_("Only incidents of the same municipality can be merged."))
    if keep.merged_into_id or duplicate.merged_into_id:
        raise ValidationError(_("That incident has already been merged."))

    IncidentPhoto.objects.filter(incident=duplicate).update(incident=keep)
    # Who filed the duplicate stays on the duplicate, which only the coordinators read.
    note = _("Merged with #%(pk)s (%(category)s, %(when)s): %(description)s") % {
        "pk": duplicate.pk,
        "category": duplicate.category.name,
        "when": f"{timezone.localtime(duplicate.occurred_from):%Y-%m-%d %H:%M}",
        "description": duplicate.description or "–",
    }
    keep.triage_note = "\n\n".join(part for part in (keep.triage_note, note) if part)
    if duplicate.police_reference and not keep.police_reference:
        keep.police_reference = duplicate.police_reference
    keep.police_informed = keep.police_informed or duplicate.police_informed
    keep._history_user = by
    keep._change_reason = MERGE
    keep.save()
    duplicate.merged_into = keep
    duplicate._history_user = by
    duplicate._change_reason = MERGE
    duplicate.save(update_fields=["merged_into", "updated_at"])
    return keep

"""The map data's validator: an ETag that changes whenever the answer to a view could, so that a
pan back to a view the browser already has costs a 304 and two small queries.

The answer depends on who asks (their municipalities and whether they read all of them), the
query string (view and filter), the language (status labels) and the incidents, whose last
change per municipality the database keeps (IncidentMapChange, written by the incidents' own
triggers for every writer: reports/migrations/sql/municipality_cells.sql).
"""

import hashlib

from django.db.models import Max
from django.utils.translation import get_language

from est.models import Municipality
from est.roles import has_permission
from reports.incidents.models import IncidentMapChange
from reports.permissions import INCIDENT_VIEW


def map_etag(request) -> str:
    """Return the ETag (quoted) of the map data that ``request`` asks for, as it is now."""
    user = request.user
    changes = IncidentMapChange.objects.all()
    municipalities = None
    if not user.is_superuser:
        municipalities = sorted(Municipality.objects.for_user(user).values_list("pk", flat=True))
        changes = changes.filter(municipality__in=municipalities)
    changed = changes.aggregate(last=Max("changed_at"))["last"]
    parts = (
        user.pk,
        has_permission(user, INCIDENT_VIEW),
        municipalities,
        sorted(request.GET.lists()),
        get_language(),
        changed.isoformat() if changed else None,
    )
    return '"' + hashlib.sha256(repr(parts).encode()).hexdigest()[:32] + '"'

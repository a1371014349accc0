"""The incidents as a collection of the GIS service (est.oapif), filtered like the list."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from est.oapif.parameters import ParameterInvalid
from est.oapif.registry import Collection, queryset_source
from reports.incidents.filters import IncidentFilter
from reports.incidents.models import Incident
from reports.permissions import INCIDENT_READ

#: The list's filters, which the collection takes as query parameters too.
FILTERS = {
    "start": "First day (YYYY-MM-DD), local time.",
    "end": "Last day (YYYY-MM-DD), local time.",
    "municipality": "Municipality code.",
    "category": "Category name (repeatable).",
    "area": "Area id.",
    "organisation": "Organisation id.",
    "status": "Status (repeatable).",
    "source": "Source (repeatable).",
    "q": "Text in the description, place or category.",
}


def incidents_source(request, params) -> tuple[str, list]:
    """Return the source of the incidents ``request``'s user may read, filtered by the list's
    filters in ``params``; police events are flagged ``approximate``."""
    incidents = Incident.objects.for_user(request.user)
    if any(name in params for name in FILTERS):
        incidents = _filtered(request, incidents, params)
    return queryset_source(
        incidents,
        geom="position",
        part="municipality_id",
        start="occurred_from",
        end="occurred_to",
        properties={
            "category": "category__name",
            "occurred_from": "occurred_from",
            "occurred_to": "occurred_to",
            "status": "status",
            "source": "source",
            "place": "place_name",
            "municipality": "municipality__code",
            "approximate": Q(position_precise=False),
        },
    )


def _filtered(request, incidents, params):
    """Return ``incidents`` filtered by the list's filters; raise ParameterInvalid, naming each
    filter and its message, when a value is not one the filter takes."""
    incident_filter = IncidentFilter(params, incidents, request=request)
    if not incident_filter.is_valid():
        raise ParameterInvalid(
            "; ".join(
                f"{name}: {' '.join(str(message) for message in messages)}"
                for name, messages in incident_filter.errors.items()
            )
        )
    filtered = incident_filter.qs.all()
    # The list's multiple-choice filters ask for DISTINCT, but each follows a single-valued
    # relation (an incident has one category), so no incident comes twice; without DISTINCT
    # PostgreSQL merges the source into the items query and pages it from the indexes.
    filtered.query.distinct = False
    return filtered


INCIDENTS = Collection(
    id="incidents",
    title=_("Incidents"),
    description=_(
        "Incidents of your municipalities (your own for reporters), with the list's filters as "
        "parameters. Police events are placed where the police say, approximately."
    ),
    source=incidents_source,
    permission=INCIDENT_READ,
    parameters=FILTERS,
    partitioned=True,
    order=10,
)

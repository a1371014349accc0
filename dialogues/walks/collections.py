"""The safety walks in the GIS service (est.oapif): the announced walks and what came of the held
ones as open data, what residents read on the public site; the findings, with the measures they
led to, for staff."""

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Count, OuterRef, Q
from django.db.models.functions import JSONObject
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from est.oapif.registry import Collection, queryset_source

from ..measures.models import Measure
from ..permissions import WALK_RECORD
from .models import Finding, SafetyWalk


def walks_source(request, params) -> tuple[str, list]:
    """Return the source of the announced walks (cancelled ones say so), at their meeting point."""
    return queryset_source(
        SafetyWalk.objects.announced(),
        geom="meeting_point",
        start="starts_at",
        end="ends_at",
        properties={
            "title": "title",
            "starts_at": "starts_at",
            "ends_at": "ends_at",
            "meeting_place": "meeting_place",
            "announcement": "announcement",
            "accessibility": "accessibility",
            "how_to_take_part": "how_to_take_part",
            "status": "status",
            "cancellation_reason": "cancellation_reason",
            "area": "area__name",
            "municipality": "municipality__name",
            "municipality_code": "municipality__code",
        },
    )


WALKS = Collection(
    id="trygghetsvandringar",
    title=_("Safety walks"),
    description=_("Announced safety walks: when and where they start, and how to take part."),
    source=walks_source,
    public=True,
    order=30,
)


def follow_ups_source(request, params) -> tuple[str, list]:
    """Return the source of the held walks with what they found and what came of it, in counts,
    at their meeting point: the public follow-up page's figures, nothing typed on the walk."""
    closed = Q(findings__measures__status__in=Measure.CLOSED_STATUSES)
    walks = SafetyWalk.objects.held(timezone.now()).annotate(
        finding_count=Count("findings", distinct=True),
        measures_done=Count(
            "findings__measures",
            filter=Q(findings__measures__status=Measure.Status.DONE),
            distinct=True,
        ),
        measures_open=Count("findings__measures", filter=~closed, distinct=True),
    )
    return queryset_source(
        walks,
        geom="meeting_point",
        start="starts_at",
        end="ends_at",
        properties={
            "title": "title",
            "held_on": "starts_at",
            "findings": "finding_count",
            "measures_done": "measures_done",
            "measures_open": "measures_open",
            "municipality": "municipality__code",
        },
    )


FOLLOW_UPS = Collection(
    id="trygghetsvandringar-uppfoljning",
    title=_("Safety walks: what was found and done"),
    description=_("Held safety walks: how many findings, and how many measures done and open."),
    source=follow_ups_source,
    public=True,
    order=31,
)


def findings_source(request, params) -> tuple[str, list]:
    """Return the source of the findings of the walks the user may see, each with the measures
    it led to (what, who, when due, status)."""
    measures = Measure.objects.filter(findings=OuterRef("pk")).values(
        json=JSONObject(
            title="title",
            responsible="responsible__name",
            due_on="due_on",
            status="status",
        )
    )
    return queryset_source(
        Finding.objects.for_user(request.user).annotate(measure_list=ArraySubquery(measures)),
        geom="position",
        start="recorded_at",
        end="recorded_at",
        properties={
            "walk": "walk__title",
            "category": "category__name",
            "description": "description",
            "unsafe": "unsafe",
            "measures": "measure_list",
            "municipality": "walk__municipality__code",
        },
    )


FINDINGS = Collection(
    id="walk-findings",
    title=_("Safety walk findings"),
    description=_(
        "What safety walks found, where, how unsafe it felt (1–5), and the measures it led to."
    ),
    source=findings_source,
    permission=WALK_RECORD,
    order=70,
)

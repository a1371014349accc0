"""The announced safety walks as open data (est.oapif): what residents read on the public site."""

from django.utils.translation import gettext_lazy as _

from est.oapif.registry import Collection, queryset_source

from .models import SafetyWalk


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

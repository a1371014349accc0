"""The areas as a collection of the GIS service (est.oapif)."""

from django.utils.translation import gettext_lazy as _

from .models import Area
from .oapif.registry import Collection, queryset_source
from .roles import MUNICIPALITY_VIEW


def areas_source(request, params) -> tuple[str, list]:
    """Return the source of the areas of the municipalities ``request``'s user may see."""
    return queryset_source(
        Area.objects.for_user(request.user),
        geom="boundary",
        properties={
            "name": "name",
            "kind": "kind",
            "description": "description",
            "municipality": "municipality__code",
        },
    )


AREAS = Collection(
    id="areas",
    title=_("Areas"),
    description=_(
        "The areas of your municipalities: districts, centres, intervention and comparison areas."
    ),
    source=areas_source,
    permission=MUNICIPALITY_VIEW,
    geometry="polygon",
    temporal=False,
    order=20,
)

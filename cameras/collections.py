"""The cameras for the GIS service (est.oapif): the register's cameras with their filmed areas
for staff, and where the municipality films for everyone (the public camera page's data)."""

from django.utils.translation import gettext_lazy as _

from cameras.models import Camera
from cameras.permissions import CAMERA_MANAGE
from est.oapif.registry import Collection, queryset_source
from est.projections import PointX, PointY


def cameras_source(request, params) -> tuple[str, list]:
    """Return the source of the cameras of ``request``'s user's municipalities: the filmed area
    as the geometry, the camera's position among the properties."""
    return queryset_source(
        Camera.objects.for_user(request.user),
        geom="filmed_area",
        properties={
            "name": "name",
            "premises": "premises",
            "status": "status",
            "purpose": "purpose",
            "committee": "committee",
            "organisation": "organisation__name",
            "recording_hours": "recording_hours",
            "retention_hours": "retention_hours",
            "permit_reference": "permit_reference",
            "permit_expires_on": "permit_expires_on",
            "signage_present": "signage_present",
            "municipality": "municipality__code",
            # SWEREF 99 TM metres, whatever CRS the geometry is asked in.
            "position_easting": PointX("position"),
            "position_northing": PointY("position"),
        },
    )


def filmed_places_source(request, params) -> tuple[str, list]:
    """Return the source of where the municipalities film: the public page's cameras (planned
    and active), their filmed areas with the premises and the municipality, nothing internal."""
    return queryset_source(
        Camera.objects.public(),
        geom="filmed_area",
        properties={
            "premises": "premises",
            "status": "status",
            "purpose": "purpose",
            "recording_hours": "recording_hours",
            "municipality": "municipality__name",
            "municipality_code": "municipality__code",
        },
    )


CAMERAS = Collection(
    id="cameras",
    title=_("Cameras"),
    description=_("The camera register: each camera's filmed area, permit and retention."),
    source=cameras_source,
    permission=CAMERA_MANAGE,
    geometry="polygon",
    temporal=False,
    order=50,
)
FILMED_PLACES = Collection(
    id="kamerabevakning",
    title=_("Camera surveillance"),
    description=_("Where the municipalities film, and why: the areas their cameras film."),
    source=filmed_places_source,
    public=True,
    geometry="polygon",
    temporal=False,
    order=10,
)

"""Writing areas: coordinators draw and name parts of a municipality."""

from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Area, Municipality
from .municipalities import as_multipolygon
from .projections import transformed

#: The share of a drawn area that may fall outside the municipality and be cut off silently:
#: the stored boundaries are simplified, so a careful drawing along the border still strays.
OUTSIDE_TOLERANCE = 0.05


def area_boundary_clean(*, municipality: Municipality, boundary: GEOSGeometry) -> GEOSGeometry:
    """Return ``boundary`` cut to the municipality, as a MultiPolygon in the storage SRID.

    Raises ValidationError (on the ``boundary`` field) when the drawing is not a valid shape or
    when more than a sliver of it lies outside the municipality.
    """
    boundary = transformed(boundary, municipality.boundary.srid)
    if not boundary.valid:
        boundary = boundary.make_valid()
    if boundary.empty or boundary.area == 0:
        raise ValidationError({"boundary": _("Draw the area as a closed shape on the map.")})
    inside = boundary.intersection(municipality.boundary)
    outside_share = 1 - inside.area / boundary.area
    if outside_share > OUTSIDE_TOLERANCE:
        raise ValidationError(
            {
                "boundary": _(
                    "%(percent)d %% of the area lies outside %(municipality)s. "
                    "Draw it inside the municipal boundary."
                )
                % {"percent": round(outside_share * 100), "municipality": municipality.name}
            }
        )
    return as_multipolygon(inside)


def _name_clean(*, municipality: Municipality, name: str, exclude: Area | None = None) -> str:
    """Return ``name`` stripped; raise ValidationError when the municipality already has it."""
    name = name.strip()
    others = Area.objects.for_municipality(municipality).filter(name__iexact=name)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    if others.exists():
        raise ValidationError(
            {
                "name": _("%(municipality)s already has an area with this name.")
                % {"municipality": municipality.name}
            }
        )
    return name


@transaction.atomic
def area_create(
    *, municipality: Municipality, name: str, kind: str, boundary, description: str = "", by
) -> Area:
    """Create and return an area of ``municipality``; raises ValidationError on bad input."""
    area = Area(
        municipality=municipality,
        name=_name_clean(municipality=municipality, name=name),
        kind=kind,
        description=description,
        boundary=area_boundary_clean(municipality=municipality, boundary=boundary),
        created_by=by,
    )
    area.full_clean()
    area.save()
    return area


@transaction.atomic
def area_update(*, area: Area, name: str, kind: str, boundary, description: str = "") -> Area:
    """Change ``area`` and return it; raises ValidationError on bad input."""
    area.name = _name_clean(municipality=area.municipality, name=name, exclude=area)
    area.kind = kind
    area.description = description
    area.boundary = area_boundary_clean(municipality=area.municipality, boundary=boundary)
    area.full_clean()
    area.save()
    return area

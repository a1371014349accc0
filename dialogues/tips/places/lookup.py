"""Where a typed address or place name is, for a tip sent without a point on the map: the
local gazetteer first, then the optional geocoder; or why it cannot be placed."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from est.models import Municipality
from est.projections import transformed

from .geocoder import geocoder_search
from .search import place_elsewhere, places_matching


def place_locate(*, municipality: Municipality, text: str):
    """Return the WGS 84 point of the place ``text`` names in ``municipality``.

    Raises ValidationError on "place_name" when it is not found there: saying which other
    municipality it lies in when that is known, so the resident can use that one's form.
    """
    found = places_matching([municipality], text, limit=1)
    if found:
        return found[0].point
    answers = geocoder_search(municipality, text)
    for answer in answers:
        if municipality.boundary.intersects(transformed(answer.point, municipality.boundary.srid)):
            return answer.point
    other = place_elsewhere(municipality, text)
    if other is None and answers:
        other = Municipality.objects.defer("boundary").containing(answers[0].point).first()
    if other is not None:
        message = _(
            "“%(place)s” is in %(other)s, not in %(municipality)s. Send the tip to %(other)s, "
            "or mark the place on the map."
        )
    else:
        message = _(
            "We could not find “%(place)s” in %(municipality)s. Try another spelling or a "
            "street nearby, or mark the place on the map."
        )
    raise ValidationError(
        {
            "place_name": message
            % {
                "place": text.strip(),
                "other": getattr(other, "name", ""),
                "municipality": municipality.name,
            }
        }
    )

"""What Open311 says of the tips: the tip categories as services, and a published tip as a
service request. No personal data: no description, no e-mail address, no photo."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from ..models import Tip


def service_records() -> list[dict]:
    """Return the services: one per tip category."""
    return [
        {
            "service_code": code,
            "service_name": str(name),
            "description": _("A tip about a place that feels unsafe: %(kind)s.")
            % {"kind": str(name).lower()},
            "metadata": False,
            # Moderated before anything is public: the request's id comes at once, its status
            # later.
            "type": "batch",
            "keywords": "",
            "group": _("Unsafe places"),
        }
        for code, name in Tip.Category.choices
    ]


def _iso(moment) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def request_record(tip: Tip) -> dict:
    """Return ``tip`` as a GeoReport v2 service request (``tip`` annotated ``map_position``,
    its measure's responsible organisation and its municipality loaded)."""
    measure = tip.measure
    return {
        "service_request_id": str(tip.pk),
        "status": "open" if tip.is_open else "closed",
        "status_notes": render_to_string(
            "dialogues/tips/_public_status.html", {"tip": tip}
        ).strip(),
        "service_name": tip.get_category_display(),
        "service_code": tip.category,
        "description": None,
        "agency_responsible": measure.responsible.name if measure else tip.municipality.name,
        "service_notice": None,
        "requested_datetime": _iso(tip.created_at),
        "updated_datetime": _iso(tip.status_changed_at or tip.created_at),
        "expected_datetime": measure.due_on.isoformat() if measure and measure.due_on else None,
        "address": tip.place_name or None,
        "address_id": None,
        "zipcode": None,
        "lat": round(tip.map_position.y, 6),
        "long": round(tip.map_position.x, 6),
        "media_url": None,
    }

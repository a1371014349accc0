"""The neighbourhood watch in the situation picture (``est.situation_sources``) and the tertial
analysis (``est.report_sections``), registered in DialoguesConfig.ready(): how many groups are
active, and where, as counts and shapes only; no names, contacts or households of one group.

A group's status has no history: "active" is as the picture or analysis is compiled, among the
groups registered before the period ended."""

import datetime

from django.db.models import Count, Sum

from est.periods import local_midnight, local_span

from .models import WatchGroup


def _registered_by(municipality, end: datetime.date):
    return WatchGroup.objects.filter(municipality=municipality, created_at__lt=local_midnight(end))


def watch_situation_gather(municipality, start: datetime.date, end: datetime.date) -> dict:
    """Return the active groups as a source of the situation picture: their count, and a point
    inside each drawn area (SWEREF 99 TM) for the map; no places are named."""
    active = _registered_by(municipality, end).active()
    points = [group.area.point_on_surface for group in active.exclude(area=None).only("area")]
    return {
        "count": active.count(),
        "points": [[round(point.x, 1), round(point.y, 1)] for point in points],
        "places": [],
    }


def watch_tertial_gather(municipality, start: datetime.date, end: datetime.date) -> dict:
    """Return, as JSON-able data, the groups registered in [start, end), the groups active and
    the households they cover, and the count of groups by status (``[code, count]``)."""
    since, until = local_span(start, end)
    groups = _registered_by(municipality, end)
    active = groups.active().aggregate(count=Count("pk"), households=Sum("households"))
    statuses = groups.values("status").annotate(count=Count("pk")).order_by("-count", "status")
    return {
        "registered": groups.filter(created_at__gte=since).count(),
        "active": active["count"],
        "households": active["households"] or 0,
        "statuses": [[row["status"], row["count"]] for row in statuses],
    }


def watch_tertial_present(data: dict) -> dict:
    """Return the stored section with each status named in the reader's language."""
    names = dict(WatchGroup.Status.choices)
    return {**data, "statuses": [[names.get(code, code), n] for code, n in data["statuses"]]}

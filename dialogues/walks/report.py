"""What a walk's report says: the findings on the route with their photos and measures, the
audit's scores per stretch, who took part. The staff page and the PDF read ``walk_report``; the
residents' follow-up page reads ``walk_follow_up``, which holds no names, no descriptions
typed on the walk and only the photos the coordinator made public."""

import base64
from collections import Counter

from django.db.models import Avg, Prefetch
from django.utils.translation import gettext as _

from est.charts import bars
from est.map_svg import route_map

from ..measures.models import Measure
from .models import AUDIT_PARAMETERS, Finding, FindingPhoto, SafetyWalk

#: Metres of map around the route and the findings.
MAP_MARGIN = 150


def _extent(walk: SafetyWalk, findings) -> list[float]:
    xs = [finding.position.x for finding in findings] + [walk.meeting_point.x]
    ys = [finding.position.y for finding in findings] + [walk.meeting_point.y]
    if walk.route:
        xs += [x for x, _y in walk.route.coords]
        ys += [y for _x, y in walk.route.coords]
    return [min(xs) - MAP_MARGIN, min(ys) - MAP_MARGIN, max(xs) + MAP_MARGIN, max(ys) + MAP_MARGIN]


def walk_map(walk: SafetyWalk, findings) -> str:
    """Return the SVG map of the route with the findings numbered in their order."""
    return route_map(
        _extent(walk, findings),
        route=list(walk.route.coords) if walk.route else [],
        points=[(f.position.x, f.position.y, n) for n, f in enumerate(findings, start=1)],
        title=_("Map of the route with the findings numbered as in the list."),
    )


def audit_scores(walk: SafetyWalk) -> list[dict]:
    """Return per stretch its number, name, the average of each of the nine parameters (None
    where nobody judged it) and the average over those judged."""
    rows = (
        walk.audits.values("stretch")
        .annotate(**{field: Avg(field) for field, _label in AUDIT_PARAMETERS})
        .order_by("stretch")
    )
    names = dict(walk.audits.exclude(stretch_name="").values_list("stretch", "stretch_name"))
    stretches = []
    for row in rows:
        scores = [row[field] for field, _label in AUDIT_PARAMETERS]
        judged = [score for score in scores if score is not None]
        stretches.append(
            {
                "stretch": row["stretch"],
                "name": names.get(row["stretch"], ""),
                "scores": scores,
                "mean": sum(judged) / len(judged) if judged else None,
            }
        )
    return stretches


def audit_chart(stretches: list[dict]) -> str:
    """Return the bar chart of each stretch's average score (1–5, 5 best), or "" for none."""
    judged = [stretch for stretch in stretches if stretch["mean"] is not None]
    if not judged:
        return ""
    return bars(
        [stretch["mean"] for stretch in judged],
        [str(stretch["stretch"]) for stretch in judged],
        title=_("Average score per stretch of the route, 1 to 5, 5 best."),
    )


def _findings(walk: SafetyWalk, photos) -> list[Finding]:
    return list(
        walk.findings.select_related("category").prefetch_related(
            Prefetch("photos", queryset=photos, to_attr="shown_photos"),
            Prefetch("measures", queryset=Measure.objects.select_related("responsible")),
        )
    )


def walk_measures(walk: SafetyWalk):
    """Return the measures for the walk's findings, each once."""
    return (
        Measure.objects.filter(findings__walk=walk)
        .distinct()
        .select_related("responsible")
        .order_by("due_on", "pk")
    )


def walk_report(walk: SafetyWalk) -> dict:
    """Return what the walk's report shows: ``findings`` (each with ``shown_photos``: all of
    them), ``map``, ``stretches``, ``audit_chart``, ``parameters``, ``measures``, ``done_photos``
    (the done measures with a photo), ``participants`` and ``participant_total``."""
    findings = _findings(walk, FindingPhoto.objects.all())
    stretches = audit_scores(walk)
    participants = list(walk.participants.all())
    measures = list(walk_measures(walk))
    return {
        "findings": findings,
        "map": walk_map(walk, findings),
        "stretches": stretches,
        "audit_chart": audit_chart(stretches),
        "parameters": [label for _field, label in AUDIT_PARAMETERS],
        "measures": measures,
        "done_photos": [m for m in measures if m.status == Measure.Status.DONE and m.done_photo],
        "participants": participants,
        "participant_total": sum(group.count for group in participants),
    }


def photo_data_uri(photo: FindingPhoto) -> str:
    """Return the photo's thumbnail (320 px on its longer side, as photo_clean makes it: large
    enough for the PDF's 45 mm) as a data: URI, which the PDF embeds; "" while the photo is
    being processed."""
    if not photo.is_ready:
        return ""
    with photo.thumbnail.open("rb") as image:
        return "data:image/jpeg;base64," + base64.b64encode(image.read()).decode()


def walk_follow_up(walk: SafetyWalk) -> dict:
    """Return what residents read about a held walk: ``categories`` (name and number of
    findings, most first), ``photos`` (the public ones, with their category), ``done`` (the
    photo of those with ``done_photo_public`` may be shown), ``under_way`` and ``rejected``
    measures, and the number of ``findings``."""
    findings = _findings(walk, FindingPhoto.objects.ready().filter(public=True))
    counts = Counter(finding.category.name for finding in findings)
    measures = list(walk_measures(walk))
    return {
        "findings": len(findings),
        "categories": counts.most_common(),
        "photos": [
            (photo, finding.category.name) for finding in findings for photo in finding.shown_photos
        ],
        "done": [m for m in measures if m.status == Measure.Status.DONE],
        "under_way": [m for m in measures if not m.is_closed],
        "rejected": [m for m in measures if m.status == Measure.Status.REJECTED],
    }

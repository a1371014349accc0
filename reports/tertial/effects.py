"""What the interventions of a tertial achieved: incidents in each target area (and its
surroundings) before and during the intervention, against the rest of the municipality or a
comparison area, counted in SQL and judged by ``reports.analysis.effect``."""

import datetime
from dataclasses import dataclass

from django.contrib.gis.geos import GEOSGeometry
from django.db import connection
from django.db.models import Sum

from est.periods import Tertial, local_midnight
from reports.analysis.effect import Counts, intervention_effect
from reports.incidents.models import IncidentDayCount, counted_sql
from reports.situation.models import Intervention

#: The ring around an intervention's target area watched for displacement, in metres.
BUFFER_METRES = 300


_EFFECT_SQL = """
WITH windows AS (
    SELECT n, ST_GeomFromEWKB(target) AS geom, ST_GeomFromEWKB(comparison) AS comparison,
           before, starts, until
    FROM unnest(%(targets)s::bytea[], %(comparisons)s::bytea[], %(befores)s::timestamptz[],
                %(starts)s::timestamptz[], %(untils)s::timestamptz[])
             WITH ORDINALITY AS w(target, comparison, before, starts, until, n)
)
SELECT w.n,
       near.target_before, near.target_after, near.ring_before, near.ring_after,
       near.compared_before, near.compared_after, counted.before, counted.after
FROM windows AS w
-- Near the target (in it or its ring): few incidents, found through the spatial index.
CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE NOT after AND inside) AS target_before,
           count(*) FILTER (WHERE after AND inside) AS target_after,
           count(*) FILTER (WHERE NOT after AND NOT inside) AS ring_before,
           count(*) FILTER (WHERE after AND NOT inside) AS ring_after,
           count(*) FILTER (WHERE NOT after AND compared) AS compared_before,
           count(*) FILTER (WHERE after AND compared) AS compared_after
    FROM (
        SELECT i.occurred_from >= w.starts AS after,
               ST_Intersects(w.geom, i.position) AS inside,
               w.comparison IS NULL OR ST_Intersects(w.comparison, i.position) AS compared
        FROM reports_incident AS i
        WHERE i.municipality_id = %(municipality)s
          AND {counted} AND i.position_precise
          AND i.occurred_from >= w.before AND i.occurred_from < w.until
          AND ST_DWithin(w.geom, i.position, %(buffer)s)
    ) AS near_incidents
) AS near
-- A named comparison area's incidents of the window; the rest of the municipality is counted
-- from the daily totals instead (interventions_counts).
CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE i.occurred_from < w.starts) AS before,
           count(*) FILTER (WHERE i.occurred_from >= w.starts) AS after
    FROM reports_incident AS i
    WHERE w.comparison IS NOT NULL AND i.municipality_id = %(municipality)s
      AND {counted} AND i.position_precise
      AND i.occurred_from >= w.before AND i.occurred_from < w.until
      AND ST_Intersects(w.comparison, i.position)
) AS counted
ORDER BY w.n
""".replace("{counted}", counted_sql("i"))


@dataclass(frozen=True)
class EffectWindow:
    """Where and when an intervention ran: [starts_on, until) in ``target``, compared with
    ``comparison`` (None: the rest of the municipality outside the target and its ring)."""

    target: GEOSGeometry
    starts_on: datetime.date
    until: datetime.date
    comparison: GEOSGeometry | None = None

    @property
    def before(self) -> datetime.date:
        """Return the first day of the equally long window just before the intervention."""
        return self.starts_on - datetime.timedelta(days=max((self.until - self.starts_on).days, 1))


def interventions_counts(
    *, municipality, windows: list[EffectWindow], buffer=BUFFER_METRES
) -> list[dict[str, Counts]]:
    """Return, per window, the incident counts of the target area, its ring of ``buffer``
    metres and the comparison area, during the window and the same length of time before it.

    Counted in one query: near each target through the spatial index, the rest by time alone.
    """
    if not windows:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            _EFFECT_SQL,
            {
                "targets": [bytes(w.target.ewkb) for w in windows],
                "comparisons": [w.comparison and bytes(w.comparison.ewkb) for w in windows],
                "befores": [local_midnight(w.before) for w in windows],
                "starts": [local_midnight(w.starts_on) for w in windows],
                "untils": [local_midnight(w.until) for w in windows],
                "buffer": buffer,
                "municipality": municipality.pk,
            },
        )
        rows = cursor.fetchall()
    daily = _counted_per_day(
        municipality, min(w.before for w in windows), max(w.until for w in windows)
    )

    def total(first, end):
        return sum(
            daily.get(first + datetime.timedelta(days=d), 0) for d in range((end - first).days)
        )

    counted = []
    for window, (_n, *near) in zip(windows, rows, strict=True):
        target_before, target_after, ring_before, ring_after = near[:4]
        compared_before, compared_after, named_before, named_after = near[4:]
        if window.comparison is None:
            named_before = total(window.before, window.starts_on)
            named_after = total(window.starts_on, window.until)
        counted.append(
            {
                "target": Counts(before=target_before, after=target_after),
                "buffer": Counts(before=ring_before, after=ring_after),
                "comparison": Counts(
                    before=named_before - compared_before, after=named_after - compared_after
                ),
            }
        )
    return counted


def _counted_per_day(municipality, first: datetime.date, end: datetime.date) -> dict:
    """Return the number of counted incidents (precise, not police events, not merged) of
    ``municipality`` per local day they began, over [first, end), from the kept day counts."""
    return dict(
        IncidentDayCount.objects.filter(
            municipality=municipality, precise=True, day__gte=first, day__lt=end
        )
        .values_list("day")
        .annotate(Sum("count"))
    )


def interventions_evaluated(*, municipality, windows: list[EffectWindow]) -> list[dict]:
    """Return, per window, the counts and the plain verdict, ready for the snapshot."""

    def ratio(r):
        return None if r is None else {
            "ratio": round(r.ratio, 3), "low": round(r.low, 3), "high": round(r.high, 3),
            "p_value": round(r.p_value, 4),
        }  # fmt: skip

    evaluated = []
    counted = interventions_counts(municipality=municipality, windows=windows)
    for window, counts in zip(windows, counted, strict=True):
        effect = intervention_effect(
            target=counts["target"], comparison=counts["comparison"], buffer=counts["buffer"]
        )
        percent = effect.change_percent
        evaluated.append(
            {
                "before_start": window.before.isoformat(),
                "starts_on": window.starts_on.isoformat(),
                "until": window.until.isoformat(),
                "counts": {k: {"before": v.before, "after": v.after} for k, v in counts.items()},
                "verdict": str(effect.verdict),
                "spillover": str(effect.spillover),
                "change_percent": None if percent is None else round(percent),
                "target_ratio": ratio(effect.target),
                "buffer_ratio": ratio(effect.buffer),
                "named_comparison": window.comparison is not None,
            }
        )
    return evaluated


def intervention_evaluation(*, municipality, target, starts_on, until, comparison=None) -> dict:
    """Return the counts and the plain verdict on one intervention, ready for the snapshot."""
    window = EffectWindow(target, starts_on, until, comparison)
    return interventions_evaluated(municipality=municipality, windows=[window])[0]


def tertial_interventions(municipality, tertial: Tertial) -> list[dict]:
    """Evaluate every intervention that ran during the tertial, up to the tertial's end.

    Interventions are decided at situation pictures; the target is the intervention's area,
    compared with its comparison area when it has one, else with the rest of the municipality.
    """
    interventions = (
        Intervention.objects.filter(
            municipality=municipality,
            starts_on__lt=tertial.end,
            ends_on__gte=tertial.first_day,
        )
        .select_related("area", "comparison_area", "organisation")
        .order_by("starts_on", "pk")
    )
    interventions = list(interventions)
    windows = [
        EffectWindow(
            target=intervention.area.boundary,
            starts_on=intervention.starts_on,
            until=max(
                min(intervention.ends_on + datetime.timedelta(days=1), tertial.end),
                intervention.starts_on + datetime.timedelta(days=1),
            ),
            comparison=(
                intervention.comparison_area.boundary if intervention.comparison_area else None
            ),
        )
        for intervention in interventions
    ]
    evaluated = interventions_evaluated(municipality=municipality, windows=windows)
    return [
        {
            "what": intervention.what,
            "area": intervention.area.name,
            "comparison_area": (
                intervention.comparison_area.name if intervention.comparison_area else ""
            ),
            "owner": intervention.organisation.name,
            "status": intervention.get_status_display(),
            **evaluation,
        }
        for intervention, evaluation in zip(interventions, evaluated, strict=True)
    ]

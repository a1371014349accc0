"""Tertial analyses: compiling a tertial's content, evaluating interventions, the workflow, and
rendering the PDF.

Compiling counts in SQL (GROUP BY month and category, per area, per intervention window) and
hands small aggregates to the pure analysis in ``reports.analysis``; the result is stored as a
JSON snapshot on the analysis, which the page and the PDF render from. The PDF is rendered by a
worker, and only when the hash of what it is rendered from has changed.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass

import numpy as np
import pandas as pd
from django.conf import settings
from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from est.models import Area, Municipality
from est.periods import Tertial, tertial_containing
from est.report_sections import sections_gather

from .analysis.change import SIGNIFICANCE
from .analysis.effect import Counts, intervention_effect
from .models import Category, IncidentDayCount
from .situation import (
    _figure,
    _map_extent,
    _outline,
    _police_events,
    _trend,
    _when,
    local_midnight,
)
from .situation_models import Intervention, SituationPicture
from .snapshots import CLAIM_TIMEOUT, snapshot_compile
from .tertial_models import TertialAnalysis

#: Months of trend shown: three years, so a season is seen three times.
TREND_MONTHS = 36
#: The ring around an intervention's target area watched for displacement, in metres.
BUFFER_METRES = 300
#: Bumped when the PDF's layout changes, so that unchanged content is rendered again.
LAYOUT_VERSION = "2"


# --- periods ------------------------------------------------------------------------------------


def parse_tertial(text: str) -> Tertial:
    """Return the tertial written as ``2025-T2``; ValueError if it is not one."""
    year, _sep, number = text.upper().partition("-T")
    if not (year.isdigit() and number in {"1", "2", "3"}):
        raise ValueError(f"{text!r} is not a tertial such as 2025-T2")
    return Tertial(int(year), int(number))


def last_ended_tertial(now: datetime.datetime | None = None) -> Tertial:
    """Return the latest tertial that has ended at ``now`` (local midnight ends it)."""
    return tertial_containing(timezone.localdate(now or timezone.now())).previous()


# --- compiling ----------------------------------------------------------------------------------


def _month_index(month: str) -> int:
    year, number = month.split("-")
    return int(year) * 12 + int(number) - 1


def _sums(trend: dict, tertial: Tertial) -> dict[str, int]:
    """Return each category's count in ``tertial`` from the monthly trend (pure)."""
    first = tertial.first_day.year * 12 + tertial.first_day.month - 1
    positions = [i for i, m in enumerate(trend["months"]) if first <= _month_index(m) < first + 4]
    return {k: sum(series[i] for i in positions) for k, series in trend["series"].items()}


def _key_figures(municipality, tertial: Tertial, trend: dict) -> dict:
    """Count per category in the tertial, the previous one and the same tertial last year,
    with the change and whether it is larger than chance; all from the monthly trend."""
    windows = {
        "current": _sums(trend, tertial),
        "previous": _sums(trend, tertial.previous()),
        "last_year": _sums(trend, Tertial(tertial.year - 1, tertial.number)),
    }
    counted = {int(k) for k in trend["series"]}
    figures = []
    for category in Category.objects.for_municipality(municipality).filter(
        Q(pk__in=counted) | Q(retired=False)
    ):
        row = {name: window.get(str(category.pk), 0) for name, window in windows.items()}
        figures.append(_figure(category.pk, category.name, row))
    total = {name: sum(f[name] for f in figures) for name in windows}
    return {"categories": figures, "total": _figure(None, _("All categories"), total)}


_AREA_SQL = """
SELECT area.id,
       count(incident.id) FILTER (WHERE window_.current),
       count(incident.id) FILTER (WHERE NOT window_.current)
FROM est_area AS area
-- One window at a time, so the index on position and time finds each window's incidents.
CROSS JOIN (VALUES (true, %(start)s::timestamptz, %(end)s::timestamptz),
                   (false, %(last_year_start)s, %(previous_end)s)) AS window_(current, first, until)
LEFT JOIN reports_incident AS incident
  ON incident.municipality_id = %(municipality)s
 AND incident.source <> 'police_event' AND incident.merged_into_id IS NULL
 AND incident.position_precise
 AND incident.occurred_from >= window_.first AND incident.occurred_from < window_.until
 AND ST_Intersects(area.boundary, incident.position)
WHERE area.municipality_id = %(municipality)s
GROUP BY area.id
"""


def _areas(municipality, tertial: Tertial) -> dict:
    """Count the tertial's precisely placed incidents per area, against the same tertial last
    year, with the outlines the choropleth map is drawn from."""
    last_year = Tertial(tertial.year - 1, tertial.number)
    with connection.cursor() as cursor:
        cursor.execute(
            _AREA_SQL,
            {
                "municipality": municipality.pk,
                "start": local_midnight(tertial.first_day),
                "end": local_midnight(tertial.end),
                "last_year_start": local_midnight(last_year.first_day),
                "previous_end": local_midnight(last_year.end),
            },
        )
        counts = {row[0]: (row[1], row[2]) for row in cursor.fetchall()}
    areas = list(Area.objects.for_municipality(municipality).order_by("name"))
    rows = []
    for area in areas:
        current, before = counts.get(area.pk, (0, 0))
        figure = _figure(area.pk, area.name, {"current": current, "previous": 0,
                                              "last_year": before})  # fmt: skip
        rows.append({**figure, "rings": _outline(area.boundary), "count": current})
    # The map frames the areas (where the work is), within the municipality's extent.
    corners = pd.DataFrame(
        [point for row in rows for ring in row["rings"] for point in ring], columns=["x", "y"]
    )
    extent = _map_extent(municipality.boundary.extent, corners, margin=800)
    return {
        "extent": [round(v, 1) for v in extent],
        "boundary": _outline(municipality.boundary),
        "areas": rows,
    }


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
          AND i.source <> 'police_event' AND i.merged_into_id IS NULL AND i.position_precise
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
      AND i.source <> 'police_event' AND i.merged_into_id IS NULL AND i.position_precise
      AND i.occurred_from >= w.before AND i.occurred_from < w.until
      AND ST_Intersects(w.comparison, i.position)
) AS counted
ORDER BY w.n
"""


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


def _interventions(municipality, tertial: Tertial) -> list[dict]:
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


def _situation_pictures(municipality, tertial: Tertial) -> list[dict]:
    """The tertial's situation pictures (latest version of each period) with their decisions."""
    pictures = (
        SituationPicture.objects.for_municipality(municipality)
        .current()
        .filter(period_start__gte=tertial.first_day, period_start__lt=tertial.end)
        .order_by("period_start")
        .only("period_start", "period_end", "status", "problems", "content")
    )
    return [
        {
            "start": picture.period_start.isoformat(),
            "end": picture.last_day.isoformat(),
            "status": picture.get_status_display(),
            "incidents": picture.content.get("incident_count", 0),
            "problems": picture.problems,
        }
        for picture in pictures
    ]


# date_part, not extract: extract returns numeric, and converting 66,000 of them took longer
# than reading them from the index.
_SPANS_SQL = """
SELECT date_part('epoch', occurred_from)::bigint, date_part('epoch', occurred_to)::bigint
FROM reports_incident
WHERE municipality_id = %(municipality)s AND source <> 'police_event' AND merged_into_id IS NULL
  AND occurred_from >= %(start)s AND occurred_from < %(end)s
"""


def _spans(municipality, start: datetime.date, end: datetime.date) -> pd.DataFrame:
    """The tertial's counted incidents as (occurred_from, occurred_to) spans.

    Fetched as epoch seconds: tens of thousands of rows arrive in a fraction of the time the
    ORM needs to build aware datetimes one by one.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            _SPANS_SQL,
            {
                "municipality": municipality.pk,
                "start": local_midnight(start),
                "end": local_midnight(end),
            },
        )
        seconds = np.array(cursor.fetchall(), dtype=np.int64).reshape(-1, 2)
    return pd.DataFrame(
        {
            "occurred_from": pd.to_datetime(seconds[:, 0], unit="s", utc=True),
            "occurred_to": pd.to_datetime(seconds[:, 1], unit="s", utc=True),
        }
    )


def analysis_content(municipality: Municipality, tertial: Tertial) -> dict:
    """Compile and return the content of ``municipality``'s analysis of ``tertial``."""
    start, end = tertial.first_day, tertial.end
    trend = _trend(municipality, end, length=TREND_MONTHS)
    incidents = _spans(municipality, start, end)
    return {
        "tertial": str(tertial),
        "period": {
            "start": start.isoformat(),
            "end": end.isoformat(),
            "last": (end - datetime.timedelta(days=1)).isoformat(),
        },
        "incident_count": len(incidents),
        "key_figures": _key_figures(municipality, tertial, trend),
        "significance": SIGNIFICANCE,
        "trend": trend,
        "areas": _areas(municipality, tertial),
        "when": _when(incidents),
        "police_events": _police_events(municipality, start, end),
        "situation_pictures": _situation_pictures(municipality, tertial),
        "interventions": _interventions(municipality, tertial),
        "buffer_metres": BUFFER_METRES,
        # What other apps add (the pledges' status), stored so an adopted version keeps it.
        "sections": sections_gather(municipality, start, end),
    }


def tertial_analysis_ensure(
    *, municipality: Municipality, tertial: Tertial
) -> tuple[TertialAnalysis, bool]:
    """Return the first version of ``municipality``'s analysis of ``tertial``, creating it
    (waiting to be compiled) if there is none, and whether it was created."""
    return TertialAnalysis.objects.get_or_create(
        municipality=municipality, year=tertial.year, number=tertial.number, version=1
    )


def tertial_analysis_compile(*, analysis_id: int, force: bool = False, now=None) -> bool:
    """Compile the analysis if it waits to be compiled (or ``force`` and not adopted); return
    whether this call compiled it (see reports.snapshots)."""
    return snapshot_compile(
        TertialAnalysis,
        pk=analysis_id,
        frozen_status=TertialAnalysis.Status.ADOPTED,
        build=lambda analysis: analysis_content(analysis.municipality, analysis.tertial),
        force=force,
        now=now,
    )


def tertial_analyses_due(*, now=None, municipalities=None) -> list[int]:
    """Make sure every municipality has an analysis of the last ended tertial; return the ids
    of those still waiting to be compiled (safe to call again: nothing is made twice)."""
    tertial = last_ended_tertial(now)
    municipalities = Municipality.objects.all() if municipalities is None else municipalities
    for municipality in municipalities.only("pk"):
        tertial_analysis_ensure(municipality=municipality, tertial=tertial)
    return list(
        TertialAnalysis.objects.of(tertial)
        .filter(
            municipality__in=municipalities,
            compile_state=TertialAnalysis.CompileState.QUEUED,
        )
        .values_list("pk", flat=True)
    )


# --- workflow -----------------------------------------------------------------------------------


def _editable(analysis: TertialAnalysis) -> None:
    if analysis.is_frozen:
        raise ValidationError(_("An adopted analysis can't change; make a new version."))
    if analysis.superseded_by_id:
        raise ValidationError(_("This is an old version; change the newest one."))


def _locked(analysis: TertialAnalysis) -> TertialAnalysis:
    analysis = TertialAnalysis.objects.select_for_update().get(pk=analysis.pk)
    _editable(analysis)
    return analysis


@transaction.atomic
def tertial_analysis_update(
    *, analysis: TertialAnalysis, by, key_messages: str, direction: str
) -> TertialAnalysis:
    """Save the coordinator's key messages and the proposed direction for the next tertial."""
    analysis = _locked(analysis)
    analysis.key_messages = key_messages
    analysis.direction = direction
    analysis.updated_by = by
    analysis.save(update_fields=["key_messages", "direction", "updated_by", "updated_at"])
    return analysis


def tertial_analysis_recompile(*, analysis: TertialAnalysis, by) -> TertialAnalysis:
    """Compile a draft analysis again from the incidents as they are now."""
    _editable(analysis)
    tertial_analysis_compile(analysis_id=analysis.pk, force=True)
    analysis.refresh_from_db()
    return analysis


@transaction.atomic
def tertial_analysis_submit(*, analysis: TertialAnalysis, by) -> TertialAnalysis:
    """Submit a compiled draft to the management group."""
    analysis = _locked(analysis)
    if analysis.status != TertialAnalysis.Status.DRAFT:
        raise ValidationError(_("Only a draft can be submitted."))
    if not analysis.is_compiled:
        raise ValidationError(_("The analysis is not compiled yet."))
    analysis.status = TertialAnalysis.Status.SUBMITTED
    analysis.updated_by = by
    analysis.save(update_fields=["status", "updated_by", "updated_at"])
    return analysis


@transaction.atomic
def tertial_analysis_adopt(
    *, analysis: TertialAnalysis, by, adopted_on: datetime.date, decision: str
) -> TertialAnalysis:
    """Record the management group's adoption (date and decision); the version is frozen."""
    analysis = _locked(analysis)
    if analysis.status != TertialAnalysis.Status.SUBMITTED:
        raise ValidationError(_("Only a submitted analysis can be adopted."))
    if not decision.strip():
        raise ValidationError(_("Write the management group's decision."))
    analysis.status = TertialAnalysis.Status.ADOPTED
    analysis.adopted_on = adopted_on
    analysis.decision = decision
    analysis.updated_by = by
    analysis.save(update_fields=["status", "adopted_on", "decision", "updated_by", "updated_at"])
    tertial_analysis_render_request(analysis=analysis)
    return analysis


@transaction.atomic
def tertial_analysis_revise(*, analysis: TertialAnalysis, by) -> TertialAnalysis:
    """Start a new draft version of a submitted or adopted analysis; the old one is kept."""
    analysis = TertialAnalysis.objects.select_for_update().get(pk=analysis.pk)
    if analysis.superseded_by_id:
        raise ValidationError(_("This is an old version; change the newest one."))
    if analysis.status == TertialAnalysis.Status.DRAFT:
        raise ValidationError(_("A draft can be changed as it is."))
    revision = TertialAnalysis.objects.create(
        municipality_id=analysis.municipality_id,
        year=analysis.year,
        number=analysis.number,
        version=analysis.version + 1,
        compile_state=analysis.compile_state,
        compiled_at=analysis.compiled_at,
        content=analysis.content,
        key_messages=analysis.key_messages,
        direction=analysis.direction,
        updated_by=by,
    )
    analysis.superseded_by = revision
    analysis.save(update_fields=["superseded_by", "updated_at"])
    return revision


# --- the PDF ------------------------------------------------------------------------------------


def render_inputs_hash(analysis: TertialAnalysis) -> str:
    """Return the hash of everything the PDF shows: content, texts, status and layout."""
    inputs = {
        "content": analysis.content,
        "key_messages": analysis.key_messages,
        "direction": analysis.direction,
        "status": analysis.status,
        "adopted_on": analysis.adopted_on and analysis.adopted_on.isoformat(),
        "decision": analysis.decision,
        "version": analysis.version,
        "layout": LAYOUT_VERSION,
        "language": settings.LANGUAGE_CODE,
    }
    encoded = json.dumps(inputs, sort_keys=True, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()


def tertial_analysis_render_request(*, analysis: TertialAnalysis) -> bool:
    """Queue the PDF's rendering unless the stored PDF was made from the same inputs; return
    whether rendering was queued."""
    from .tasks import render_tertial_analysis

    analysis.refresh_from_db()
    if not analysis.is_compiled:
        return False
    if analysis.pdf_hash == render_inputs_hash(analysis) and analysis.pdf:
        TertialAnalysis.objects.filter(pk=analysis.pk).update(
            render_state=TertialAnalysis.RenderState.DONE
        )
        return False
    TertialAnalysis.objects.filter(pk=analysis.pk).exclude(
        render_state=TertialAnalysis.RenderState.RUNNING
    ).update(render_state=TertialAnalysis.RenderState.QUEUED)
    render_tertial_analysis.delay_on_commit(analysis.pk)
    return True


def tertial_analysis_render(*, analysis_id: int, now=None) -> bool:
    """Render the PDF if it is queued and its inputs changed; return whether it rendered."""
    from .tertial_views import analysis_pdf_bytes

    now = now or timezone.now()
    claimable = Q(render_state=TertialAnalysis.RenderState.QUEUED) | Q(
        render_state=TertialAnalysis.RenderState.RUNNING,
        render_claimed_at__lt=now - CLAIM_TIMEOUT,
    )
    claimed = TertialAnalysis.objects.filter(claimable, pk=analysis_id).update(
        render_state=TertialAnalysis.RenderState.RUNNING, render_claimed_at=now
    )
    if not claimed:
        return False
    analysis = TertialAnalysis.objects.select_related("municipality").get(pk=analysis_id)
    inputs = render_inputs_hash(analysis)
    if analysis.pdf and analysis.pdf_hash == inputs:
        TertialAnalysis.objects.filter(pk=analysis_id).update(
            render_state=TertialAnalysis.RenderState.DONE
        )
        return False
    try:
        pdf = analysis_pdf_bytes(analysis)
    except Exception:
        TertialAnalysis.objects.filter(pk=analysis_id).update(
            render_state=TertialAnalysis.RenderState.FAILED
        )
        raise
    TertialAnalysis.objects.filter(pk=analysis_id).update(
        pdf=pdf, pdf_hash=inputs, render_state=TertialAnalysis.RenderState.DONE
    )
    return True


def tertial_analyses_seed(municipalities) -> None:
    """Draft the analyses of the last completed tertial (seed_demo, after the pictures)."""
    tertial = last_ended_tertial()
    for municipality in municipalities:
        analysis, _created = tertial_analysis_ensure(municipality=municipality, tertial=tertial)
        tertial_analysis_compile(analysis_id=analysis.pk)

"""A tertial analysis's workflow: the coordinator's texts, submitting to the management group,
adopting (which freezes the version) and new versions of adopted analyses."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from reports.tertial.compile import tertial_analysis_compile
from reports.tertial.models import TertialAnalysis
from reports.tertial.rendering import tertial_analysis_render_request


def analysis_editable_check(analysis: TertialAnalysis) -> None:
    if analysis.is_frozen:
        raise ValidationError(_("An adopted analysis can't change; make a new version."))
    if analysis.superseded_by_id:
        raise ValidationError(_("This is an old version; change the newest one."))


def analysis_locked(analysis: TertialAnalysis) -> TertialAnalysis:
    analysis = TertialAnalysis.objects.select_for_update().get(pk=analysis.pk)
    analysis_editable_check(analysis)
    return analysis


@transaction.atomic
def tertial_analysis_update(
    *, analysis: TertialAnalysis, by, key_messages: str, direction: str
) -> TertialAnalysis:
    """Save the coordinator's key messages and the proposed direction for the next tertial."""
    analysis = analysis_locked(analysis)
    analysis.key_messages = key_messages
    analysis.direction = direction
    analysis.updated_by = by
    analysis.save(update_fields=["key_messages", "direction", "updated_by", "updated_at"])
    return analysis


def tertial_analysis_recompile(*, analysis: TertialAnalysis, by) -> TertialAnalysis:
    """Compile a draft analysis again from the incidents as they are now."""
    analysis_editable_check(analysis)
    tertial_analysis_compile(analysis_id=analysis.pk, force=True)
    analysis.refresh_from_db()
    return analysis


@transaction.atomic
def tertial_analysis_submit(*, analysis: TertialAnalysis, by) -> TertialAnalysis:
    """Submit a compiled draft to the management group."""
    analysis = analysis_locked(analysis)
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
    analysis = analysis_locked(analysis)
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

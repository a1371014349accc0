"""The tertial analysis's PDF: rendered by a worker from the analysis's snapshot, and kept with
the hash of what it was rendered from, so an unchanged analysis is never rendered twice."""

import datetime
import hashlib
import json

from celery import shared_task
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from est.documents import CLAIM_TIMEOUT
from est.outages import task_queue
from est.pdf import pdf_render
from reports.tertial.models import TertialAnalysis
from reports.tertial.presentation import analysis_context

#: Bumped when the PDF's layout changes, so that unchanged content is rendered again.
LAYOUT_VERSION = "2"
#: How long a queued render waits before beat queues it again: a worker takes a queued one
#: within seconds, so one still waiting after this was never queued or was lost.
REQUEUE_AFTER = datetime.timedelta(minutes=5)


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
    # Once committed, so that the worker finds the analysis as saved. With Redis down the state
    # stays QUEUED and the beat task queue_waiting_renders queues it when Redis is back.
    transaction.on_commit(lambda: task_queue(render_tertial_analysis, analysis.pk))
    return True


def tertial_analyses_render_queue_again(*, now=None) -> int:
    """Queue the rendering of every PDF that has waited in QUEUED for more than
    REQUEUE_AFTER (its task was lost, or never queued while Redis was down); return how many.
    A render queued twice runs once: the task claims the row first."""
    now = now or timezone.now()
    waiting = TertialAnalysis.objects.filter(
        render_state=TertialAnalysis.RenderState.QUEUED, updated_at__lt=now - REQUEUE_AFTER
    ).values_list("pk", flat=True)
    return sum(task_queue(render_tertial_analysis, pk) for pk in waiting)


def tertial_analysis_render(*, analysis_id: int, now=None) -> bool:
    """Render the PDF if it is queued and its inputs changed; return whether it rendered."""
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
    previous, storage = analysis.pdf.name, analysis.pdf.storage
    stored = storage.save(
        analysis.pdf.field.generate_filename(analysis, analysis.filename), ContentFile(pdf)
    )
    TertialAnalysis.objects.filter(pk=analysis_id).update(
        pdf=stored, pdf_hash=inputs, render_state=TertialAnalysis.RenderState.DONE
    )
    # The PDF of the inputs before is of no more use: no row names it now.
    if previous and previous != stored:
        storage.delete(previous)
    return True


def analysis_pdf_bytes(analysis: TertialAnalysis) -> bytes:
    """Return the analysis's PDF, in Swedish whatever the caller's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return pdf_render(
            "reports/tertial/analysis_pdf.html",
            analysis_context(analysis),
            title=_("Tertial analysis %(municipality)s %(tertial)s")
            % {"municipality": analysis.municipality.name, "tertial": analysis.tertial},
        )


# The task sits beside the service that queues it, so that neither imports the other's module in
# a circle; its name is the one beat and queued messages have always used.
@shared_task(name="reports.tasks.render_tertial_analysis")
def render_tertial_analysis(analysis_id: int) -> bool:
    """Render one analysis's PDF if it is queued and its inputs changed."""
    return tertial_analysis_render(analysis_id=analysis_id)

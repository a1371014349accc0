"""Celery tasks of reports: compiling the situation pictures and tertial analyses when their
period ends, and polling the police's open events. The tertial PDF's task lives beside the
service that queues it (reports.tertial.rendering) and is named here for the worker."""

from celery import shared_task

from reports.council.reminders import decision_reminders_send, minutes_reminders_send
from reports.incidents.export_jobs import (
    incident_exports_expired_delete,
    incident_exports_queue_again,
    write_incident_export,
)
from reports.incidents.import_jobs import (
    check_incident_import,
    incident_imports_queue_again,
    write_incident_import,
)
from reports.incidents.imports import incident_imports_unconfirmed_delete
from reports.incidents.police_poll import police_events_poll
from reports.situation.compile import situation_picture_compile, situation_pictures_due
from reports.tertial.compile import tertial_analyses_due, tertial_analysis_compile
from reports.tertial.rendering import (
    render_tertial_analysis,
    tertial_analyses_render_queue_again,
)

__all__ = [
    "check_incident_import",
    "compile_due_situation_pictures",
    "compile_due_tertial_analyses",
    "compile_situation_picture",
    "compile_tertial_analysis",
    "delete_expired_exports",
    "delete_unconfirmed_imports",
    "poll_police_events",
    "queue_waiting_exports",
    "queue_waiting_imports",
    "queue_waiting_renders",
    "remind_council",
    "render_tertial_analysis",
    "write_incident_export",
    "write_incident_import",
]


@shared_task
def compile_due_situation_pictures() -> int:
    """Beat: make each municipality's picture of the period that just ended and queue its
    compiling, one task per picture so that workers share the 290. Returns how many were queued.
    """
    due = situation_pictures_due()
    for picture_id in due:
        compile_situation_picture.delay(picture_id)
    return len(due)


@shared_task
def compile_situation_picture(picture_id: int) -> bool:
    """Compile one picture if it still waits for it; a second run finds it claimed or done."""
    return situation_picture_compile(picture_id=picture_id)


@shared_task
def compile_due_tertial_analyses() -> int:
    """Beat: draft each municipality's analysis of the tertial that just ended and queue its
    compiling, one task per analysis. Returns how many were queued."""
    due = tertial_analyses_due()
    for analysis_id in due:
        compile_tertial_analysis.delay(analysis_id)
    return len(due)


@shared_task
def compile_tertial_analysis(analysis_id: int) -> bool:
    """Compile one analysis if it still waits for it; a second run finds it claimed or done."""
    return tertial_analysis_compile(analysis_id=analysis_id)


@shared_task(time_limit=120, soft_time_limit=100)
def poll_police_events() -> int | None:
    """Beat, every 10 minutes: import the police's latest open events. Safe to run twice: an
    event seen before is updated by its id. Returns how many were created, None on failure."""
    result = police_events_poll()
    return None if result is None else result.created


@shared_task
def delete_unconfirmed_imports() -> int:
    """Beat, daily: delete the uploaded files of incidents left unconfirmed for a week; returns
    how many. Safe to run twice: a second run finds them gone."""
    return incident_imports_unconfirmed_delete()


@shared_task
def delete_expired_exports() -> int:
    """Beat, hourly: delete the exported files asked for longer ago than EXPORT_KEPT; returns
    how many. Safe to run twice: a second run finds them gone."""
    return incident_exports_expired_delete()


@shared_task
def queue_waiting_exports() -> int:
    """Beat, every five minutes: queue again the exports whose writing could not be queued
    (Redis was down) or was lost; returns how many."""
    return incident_exports_queue_again()


@shared_task
def queue_waiting_renders() -> int:
    """Beat, every five minutes: queue again the PDFs whose rendering could not be queued (Redis
    was down when an analysis was adopted) or was lost; returns how many."""
    return tertial_analyses_render_queue_again()


@shared_task
def queue_waiting_imports() -> int:
    """Beat, every five minutes: queue again the imports whose check or writing could not be
    queued (Redis was down when the file was uploaded or confirmed) or was lost; returns how
    many."""
    return incident_imports_queue_again()


@shared_task
def remind_council() -> int:
    """Beat, every morning: remind owners of the council's decisions that fell due and the
    coordinators of meetings without minutes two weeks on; returns how many reminders. Safe to
    run twice: each goes once."""
    return decision_reminders_send() + minutes_reminders_send()

"""Background work every app shares."""

from celery import shared_task

from .access_log import access_log_purge
from .health import heartbeat_record
from .training.reminders import certification_reminders_send


@shared_task(time_limit=30, soft_time_limit=20)
def heartbeat():
    """Scheduled by beat every minute; the health check reads when it last ran."""
    heartbeat_record()


@shared_task(time_limit=5 * 60, soft_time_limit=4 * 60)
def remind_certifications():
    """Daily: tell reporters and their coordinators a month before a certification runs out."""
    return certification_reminders_send()


@shared_task(time_limit=10 * 60, soft_time_limit=9 * 60)
def purge_access_log():
    """Scheduled by beat daily: delete access log entries past their retention; return how many."""
    return access_log_purge()

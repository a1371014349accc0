"""Background work every app shares."""

from celery import shared_task

from .health import heartbeat_record


@shared_task(time_limit=30, soft_time_limit=20)
def heartbeat():
    """Scheduled by beat every minute; the health check reads when it last ran."""
    heartbeat_record()

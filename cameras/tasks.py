"""Background work of the camera register, scheduled by beat (see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from .mailing import compliance_mail_monthly
from .purge import footage_purge_due


@shared_task(time_limit=9 * 60)
def purge_footage():
    """Every ten minutes: delete the footage whose retention has ended. Safe to run twice."""
    return str(footage_purge_due())


@shared_task(time_limit=5 * 60, soft_time_limit=4 * 60)
def mail_compliance():
    """Monthly: e-mail each municipality's coordinators what the register lacks."""
    return compliance_mail_monthly()

"""Background work of the dialogues features: scheduled by beat (see CELERY_BEAT_SCHEDULE), or
queued by their services once a transaction commits."""

from celery import shared_task

from .measures.reminders import measure_reminders_send, overdue_list_mail_monthly
from .pledges.agreements import agreement_renewal_reminders_send
from .tips.mails import tip_emails_erase, tip_status_mail_send
from .tips.photos import tip_photo_clean, tip_photos_queue_again
from .walks.photos import finding_photo_clean, finding_photos_queue_again
from .watch.letters import watch_letter_mail
from .watch.personal_data import watch_contacts_delete


@shared_task(time_limit=5 * 60, soft_time_limit=4 * 60)
def remind_measure_owners():
    """Daily: remind owners of measures due within a week and tell them of overdue ones, each
    once. Safe to run twice, also at the same time."""
    reminded, overdue = measure_reminders_send()
    return f"{reminded} reminded, {overdue} overdue"


@shared_task(time_limit=5 * 60, soft_time_limit=4 * 60)
def mail_overdue_measures():
    """Monthly: e-mail each municipality's coordinators its overdue measures."""
    return overdue_list_mail_monthly()


@shared_task(time_limit=2 * 60, soft_time_limit=90)
def clean_finding_photo(photo_pk: int):
    """Strip the EXIF data of a finding's photo as it came from the phone, scale it, make its
    thumbnail and delete the original. Safe to run twice, also at the same time."""
    return finding_photo_clean(photo_pk=photo_pk)


@shared_task
def queue_waiting_photos() -> str:
    """Beat: queue again the cleaning of the findings' and tips' photos whose task was lost or
    could not be queued (Redis was down); returns how many of each."""
    return f"{finding_photos_queue_again()} findings' photos, {tip_photos_queue_again()} tips'"


@shared_task(time_limit=2 * 60, soft_time_limit=90)
def clean_tip_photo(tip_pk: int):
    """Strip the EXIF data of a tip's photo as it came from the resident, scale it and delete
    the original. Safe to run twice, also at the same time."""
    return tip_photo_clean(tip_pk=tip_pk)


@shared_task(time_limit=60, soft_time_limit=50)
def mail_tip_status(tip_id: int):
    """Tell the tipper of the tip's new status, once per status; safe to run twice."""
    return tip_status_mail_send(tip_id)


@shared_task(time_limit=5 * 60, soft_time_limit=4 * 60)
def erase_tip_emails():
    """Daily: erase the tippers' addresses that are kept no longer."""
    return f"{tip_emails_erase()} addresses erased"


@shared_task(time_limit=5 * 60, soft_time_limit=4 * 60)
def remind_agreement_renewals():
    """Daily: tell the coordinators of agreements with the police that run out soon, once per
    end date. Safe to run twice, also at the same time."""
    return f"{agreement_renewal_reminders_send()} agreements to renew"


@shared_task(time_limit=5 * 60, soft_time_limit=4 * 60)
def mail_watch_letter(letter_id: int):
    """Mail a letter to its watch group's contact persons; safe to run twice."""
    return f"{watch_letter_mail(letter_id)} mails sent"


@shared_task(time_limit=5 * 60, soft_time_limit=4 * 60)
def delete_watch_contacts():
    """Daily: delete the watch contacts kept no longer."""
    return f"{watch_contacts_delete()} contacts deleted"

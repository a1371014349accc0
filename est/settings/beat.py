"""What Celery beat runs, and when. Exactly one beat runs per installation."""

from celery.schedules import crontab


def beat_schedule() -> dict:
    """Return the beat schedule: each entry names a task and when it runs."""
    return {
        "heartbeat": {"task": "est.tasks.heartbeat", "schedule": 60.0},
        "access-log-purge": {
            "task": "est.tasks.purge_access_log",
            "schedule": crontab(minute=30, hour=3),
        },
        "cameras-purge": {"task": "cameras.tasks.purge_footage", "schedule": 600.0},
        "certification-reminders": {
            "task": "est.tasks.remind_certifications",
            "schedule": crontab(minute=30, hour=7),
        },
        "cameras-compliance": {
            "task": "cameras.tasks.mail_compliance",
            "schedule": crontab(minute=0, hour=7, day_of_month=1),
        },
        # Hourly, so a period's pictures are compiled soon after it ends at midnight; repeated
        # ticks find the pictures already made and compile nothing twice.
        "situation-pictures": {
            "task": "reports.tasks.compile_due_situation_pictures",
            "schedule": crontab(minute=5),
        },
        # Work that could not be queued while Redis was down is queued again once it is back.
        "waiting-renders": {"task": "reports.tasks.queue_waiting_renders", "schedule": 300.0},
        "waiting-imports": {"task": "reports.tasks.queue_waiting_imports", "schedule": 300.0},
        "waiting-exports": {"task": "reports.tasks.queue_waiting_exports", "schedule": 300.0},
        "waiting-photos": {"task": "dialogues.tasks.queue_waiting_photos", "schedule": 300.0},
        # Exported files are deleted EXPORT_KEPT after they were asked for.
        "expired-exports": {
            "task": "reports.tasks.delete_expired_exports",
            "schedule": crontab(minute=20),
        },
        # Files of incidents uploaded but never confirmed are deleted after a week.
        "unconfirmed-imports": {
            "task": "reports.tasks.delete_unconfirmed_imports",
            "schedule": crontab(minute=30, hour=3),
        },
        # Hourly on the first day of January, May and September (a tertial ends at midnight);
        # repeated ticks find the analyses already drafted.
        "tertial-analyses": {
            "task": "reports.tasks.compile_due_tertial_analyses",
            "schedule": crontab(minute=15, day_of_month=1, month_of_year="1,5,9"),
        },
        # Every morning; each reminder and overdue notice goes once, however often this runs.
        "measure-reminders": {
            "task": "dialogues.tasks.remind_measure_owners",
            "schedule": crontab(minute=30, hour=7),
        },
        "council-reminders": {
            "task": "reports.tasks.remind_council",
            "schedule": crontab(minute=40, hour=7),
        },
        "agreement-renewals": {
            "task": "dialogues.tasks.remind_agreement_renewals",
            "schedule": crontab(minute=50, hour=7),
        },
        "measures-overdue-list": {
            "task": "dialogues.tasks.mail_overdue_measures",
            "schedule": crontab(minute=45, hour=7, day_of_month=1),
        },
        # Tippers' e-mail addresses are kept 180 days after the tip's last change, no longer.
        "tip-emails-erase": {
            "task": "dialogues.tasks.erase_tip_emails",
            "schedule": crontab(minute=15, hour=4),
        },
        # Watch contacts go WATCH_CONTACT_KEPT_MONTHS after they withdraw or their group ends.
        "watch-contacts-delete": {
            "task": "dialogues.tasks.delete_watch_contacts",
            "schedule": crontab(minute=20, hour=4),
        },
    }

"""Celery beat's reminders of the council: owners of decisions that have fallen due, and the
coordinators of a meeting still without minutes two weeks after it. Each goes once."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from reports.council.meetings import CouncilDecision, CouncilMeeting

#: How long after a meeting its minutes should be written.
MINUTES_WITHIN = datetime.timedelta(days=14)


def _link(name: str, **kwargs) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def _remind_each(model, pks, field: str, send) -> int:
    """Call ``send(row)`` for each row of ``pks`` not yet reminded, claimed under a row lock
    with the mail (two runs at once send one mail), and mark it; return how many."""
    told = 0
    for pk in pks:
        with transaction.atomic():
            row = (
                model.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(pk=pk, **{f"{field}__isnull": True})
                .first()
            )
            if row is None:
                continue
            with override(settings.LANGUAGE_CODE):
                send(row)
            setattr(row, field, timezone.now())
            row.save(update_fields=[field])
            told += 1
    return told


def _decision_mail(decision: CouncilDecision) -> None:
    if not decision.owner.email:
        return
    send_mail(
        _("A decision of the crime-prevention council is due"),
        _("The decision “%(text)s” was due on %(due)s. Its meeting: %(url)s")
        % {
            "text": decision.text,
            "due": decision.due_on.isoformat(),
            "url": _link("council_meeting", pk=decision.meeting_id),
        },
        settings.DEFAULT_FROM_EMAIL,
        [decision.owner.email],
    )


def _minutes_mail(meeting: CouncilMeeting) -> None:
    recipients = meeting.municipality.coordinator_addresses()
    if not recipients:
        return
    send_mail(
        _("The council meeting of %(day)s has no minutes") % {"day": meeting.held_on.isoformat()},
        _("Write the minutes of the meeting: %(url)s")
        % {"url": _link("council_meeting_edit", pk=meeting.pk)},
        settings.DEFAULT_FROM_EMAIL,
        recipients,
    )


def decision_reminders_send(*, today=None) -> int:
    """E-mail the owner of each open decision that has fallen due, once; return how many."""
    today = today or timezone.localdate()
    due = CouncilDecision.objects.filter(
        status__in=CouncilDecision.OPEN_STATUSES, due_on__lte=today, reminded_at__isnull=True
    ).values_list("pk", flat=True)
    return _remind_each(CouncilDecision, list(due), "reminded_at", _decision_mail)


def minutes_reminders_send(*, today=None) -> int:
    """E-mail the coordinators of each meeting held two weeks ago or more and still without
    minutes, once; return how many meetings."""
    today = today or timezone.localdate()
    late = CouncilMeeting.objects.filter(
        minutes="", held_on__lte=today - MINUTES_WITHIN, minutes_reminded_at__isnull=True
    ).values_list("pk", flat=True)
    return _remind_each(CouncilMeeting, list(late), "minutes_reminded_at", _minutes_mail)

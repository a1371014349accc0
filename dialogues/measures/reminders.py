"""The measures' mails, sent by beat: the owners are reminded a week before a measure's due
date and told when it has passed (each once per due date), and each municipality's
coordinators get the month's list of overdue measures (once a month). In Swedish, plain text.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail, send_mass_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from est.models import Municipality, User
from est.roles import Role

from .models import Measure, OverdueListMailing

#: How many days before its due date the owner is reminded of a measure.
REMINDED_DAYS_BEFORE = 7


def measure_url(measure: Measure) -> str:
    """Return the measure's page as an absolute address, for mails."""
    return settings.SITE_URL.rstrip("/") + reverse("measure_detail", kwargs={"pk": measure.pk})


def owner_addresses(measure: Measure) -> list[str]:
    """Return who is told of ``measure``: the responsible organisation's measure owners in its
    municipality, and the contact when it is an e-mail address."""
    addresses = set(
        User.objects.filter(
            organisation=measure.responsible_id,
            role=Role.MEASURE_OWNER,
            municipalities=measure.municipality_id,
            is_active=True,
        )
        .exclude(email="")
        .values_list("email", flat=True)
    )
    try:
        validate_email(measure.contact)
        addresses.add(measure.contact)
    except ValidationError:
        pass  # a name or a telephone number: nobody to mail
    return sorted(addresses)


def _tell_owners(measure: Measure, template: str, subject: str) -> None:
    body = render_to_string(template, {"measure": measure, "url": measure_url(measure)})
    # One message per recipient: the contact and the owners never see each other's addresses.
    send_mass_mail(
        [
            (subject, body, settings.DEFAULT_FROM_EMAIL, [address])
            for address in owner_addresses(measure)
        ]
    )


def _send_each_once(candidates, sent_field: str, template: str, subject: str, now) -> int:
    """Tell the owners of each of ``candidates`` and record it in ``sent_field``; return how
    many measures were told of. Each measure is claimed under a row lock that a second beat
    skips, and the claim is kept only when the mail went, so none is told of twice."""
    told = 0
    for pk in list(candidates.values_list("pk", flat=True)):
        with transaction.atomic():
            measure = (
                candidates.filter(pk=pk)
                .select_for_update(skip_locked=True, of=("self",))
                .select_related("municipality", "responsible")
                .first()
            )
            if measure is None:
                continue  # another beat has it, or it was done meanwhile
            with override(settings.LANGUAGE_CODE):
                _tell_owners(measure, template, subject % {"title": measure.title})
            Measure.objects.filter(pk=pk).update(**{sent_field: now})
        told += 1
    return told


def measure_reminders_send(*, now: datetime.datetime | None = None) -> tuple[int, int]:
    """Remind the owners of open measures due within a week, and tell them of open measures
    whose due date has passed; each once per due date. Returns (reminded, overdue) counts."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    open_measures = Measure.objects.open().exclude(due_on=None)
    with override(settings.LANGUAGE_CODE):
        due_subject = _("Measure due on its date soon: %(title)s")
        overdue_subject = _("Measure overdue: %(title)s")
    reminded = _send_each_once(
        open_measures.filter(
            due_reminder_sent_at=None,
            due_on__gte=today,
            due_on__lte=today + datetime.timedelta(days=REMINDED_DAYS_BEFORE),
        ),
        "due_reminder_sent_at",
        "dialogues/measures/due_reminder_mail.txt",
        due_subject,
        now,
    )
    overdue = _send_each_once(
        open_measures.filter(overdue_notice_sent_at=None, due_on__lt=today),
        "overdue_notice_sent_at",
        "dialogues/measures/overdue_notice_mail.txt",
        overdue_subject,
        now,
    )
    return reminded, overdue


def overdue_list_mail_monthly(*, today: datetime.date | None = None) -> int:
    """Send each municipality's coordinators the list of its overdue measures, once a month
    (none when nothing is overdue). Returns the number of mails sent."""
    today = today or timezone.localdate()
    month = today.replace(day=1)
    sent = 0
    overdue = Measure.objects.overdue(today).select_related("responsible")
    for municipality in Municipality.objects.filter(measures__in=overdue).distinct():
        measures = list(overdue.filter(municipality=municipality))
        recipients = municipality.coordinator_addresses()
        if not recipients:
            continue
        with override(settings.LANGUAGE_CODE):
            subject = _("%(municipality)s: %(count)d measures overdue") % {
                "municipality": municipality.name,
                "count": len(measures),
            }
            body = render_to_string(
                "dialogues/measures/overdue_list_mail.txt",
                {
                    "municipality": municipality,
                    "today": today,
                    "measures": [(measure, measure_url(measure)) for measure in measures],
                },
            )
        try:
            # The claim and the mail together: a failed send rolls the claim back for a retry,
            # and a second run waits on the unique row and then finds the month taken.
            with transaction.atomic():
                OverdueListMailing.objects.create(municipality=municipality, month=month)
                send_mail(subject, body, None, recipients)
        except IntegrityError:
            continue  # already sent this month
        sent += 1
    return sent

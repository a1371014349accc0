"""The monthly compliance e-mail to the coordinators."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from est.models import Municipality

from .compliance import register_findings
from .models import Camera, ComplianceMailing


def compliance_mail_monthly(*, today: datetime.date | None = None) -> int:
    """Send each municipality's coordinators this month's findings, once per month.

    The month is claimed with a unique row before sending, so two runs send one mail. Returns
    the number of mails sent.
    """
    today = today or timezone.localdate()
    month = today.replace(day=1)
    sent = 0
    for municipality in Municipality.objects.filter(cameras__isnull=False).distinct():
        cameras = Camera.objects.for_municipality(municipality).select_related("organisation")
        findings = register_findings(cameras, today=today)
        recipients = municipality.coordinator_addresses()
        if not recipients:
            continue
        with override(settings.LANGUAGE_CODE):
            subject = _("Camera register %(municipality)s: %(count)d things to fix") % {
                "municipality": municipality.name,
                "count": len(findings),
            }
            body = render_to_string(
                "cameras/compliance_mail.txt",
                {"municipality": municipality, "findings": findings, "today": today},
            )
        try:
            # The claim and the mail together: a failed send rolls the claim back for a retry, and
            # a second run waits on the unique row and then finds the month taken.
            with transaction.atomic():
                ComplianceMailing.objects.create(municipality=municipality, month=month)
                send_mail(subject, body, None, recipients)
        except IntegrityError:
            continue  # already sent this month
        sent += 1
    return sent

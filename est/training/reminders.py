"""Telling reporters and their coordinators, a month ahead, that a certification runs out."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from .models import Certification
from .services import coordinators_of


def _renewed_later(certification: Certification) -> bool:
    return certification.user.certifications.filter(
        expires_on__gt=certification.expires_on
    ).exists()


def certification_reminders_send(*, today=None) -> int:
    """E-mail each reporter whose certification runs out within CERTIFICATION_REMINDER, and
    their coordinators, once per certification; return how many reporters were told.

    A certification already followed by a newer one needs no reminder. Each is claimed under a
    row lock with the mail, so two runs at once send one mail.
    """
    today = today or timezone.localdate()
    due = Certification.objects.filter(
        reminded_at__isnull=True,
        expires_on__gte=today,
        expires_on__lte=today + settings.CERTIFICATION_REMINDER,
        user__is_active=True,
    ).values_list("pk", flat=True)
    told = 0
    for pk in due:
        with transaction.atomic():
            certification = (
                Certification.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("user")
                .filter(pk=pk, reminded_at__isnull=True)
                .first()
            )
            if certification is None or _renewed_later(certification):
                continue
            _mail(certification)
            certification.reminded_at = timezone.now()
            certification.save(update_fields=["reminded_at"])
            told += 1
    return told


def _mail(certification: Certification) -> None:
    reporter = certification.user
    recipients = [reporter.email] if reporter.email else []
    recipients += [c.email for c in coordinators_of(reporter) if c.email]
    if not recipients:
        return
    with override(settings.LANGUAGE_CODE):
        subject = _("Reporter certification of %(name)s runs out on %(date)s") % {
            "name": reporter.get_full_name() or reporter.username,
            "date": certification.expires_on.isoformat(),
        }
        body = render_to_string(
            "est/training/expiry_mail.txt",
            {
                "reporter": reporter,
                "certification": certification,
                "url": settings.SITE_URL.rstrip("/") + reverse("training_overview"),
            },
        )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, sorted(set(recipients)))

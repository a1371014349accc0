"""What the tipper is told: a mail at each change of the tip's status, with the link to the
tip's public status page; and the erasure of tippers' addresses once they are no longer needed.
In the site's language (Swedish), plain text."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from .models import Tip

#: How long a tipper's address is kept after the tip's last change of status: long enough to
#: hear what became of a measure, no longer.
EMAIL_KEPT_FOR = datetime.timedelta(days=180)


def tip_status_url(tip: Tip) -> str:
    """Return the tip's public status page as an absolute address, for mails."""
    return settings.SITE_URL.rstrip("/") + reverse("public_tip_status", args=[tip.token])


def tip_status_mail_send(tip_id: int) -> bool:
    """Mail the tipper the tip's present status, unless they were told of it already; return
    whether a mail went. The status is claimed first, so two runs at once send one mail."""
    tip = Tip.objects.filter(pk=tip_id).exclude(email="").first()
    if tip is None:
        return False
    claimed = (
        Tip.objects.filter(pk=tip.pk, status=tip.status)
        .exclude(mailed_status=tip.status)
        .update(mailed_status=tip.status)
    )
    if not claimed:
        return False
    with override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "dialogues/tips/status_mail.txt", {"tip": tip, "url": tip_status_url(tip)}
        )
        subject = _("Your tip: %(status)s") % {"status": tip.get_status_display()}
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [tip.email])
    return True


def tip_emails_erase(*, now: datetime.datetime | None = None) -> int:
    """Erase the tippers' addresses of tips whose status last changed (or that were received,
    if never decided) more than EMAIL_KEPT_FOR ago; return how many were erased."""
    before = (now or timezone.now()) - EMAIL_KEPT_FOR
    return (
        Tip.objects.exclude(email="")
        .filter(
            Q(status_changed_at__lt=before)
            | Q(status_changed_at__isnull=True, created_at__lt=before)
        )
        .update(email="")
    )

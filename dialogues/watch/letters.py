"""The coordinator's letter to a group's contact persons: the area's figures for the last
period to insert (counts by category, never a single incident, small counts hidden), and the
mails, one per contact person with their own withdraw link."""

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from est.periods import last_ended_period, local_span
from reports.incidents.models import Incident

from .models import WatchContact, WatchGroup, WatchLetter


def watch_area_figures(group: WatchGroup, *, now=None) -> dict:
    """Return the incidents in the group's area in the last ended period, as
    ``{"start", "end", "least", "rows": [[category, count or None], …]}``: a count under
    ``least`` (OPEN_DATA_MIN_COUNT) is None, shown as "fewer than", so that no figure points at
    one event or person."""
    start, end = last_ended_period(now)
    least = settings.OPEN_DATA_MIN_COUNT
    if group.area is None:
        return {"start": start, "end": end, "least": least, "rows": []}
    since, until = local_span(start, end)
    rows = (
        Incident.objects.for_municipality(group.municipality)
        .counted()
        .begun(since, until)
        .within(group.area)
        .values("category__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "category__name")
    )
    return {
        "start": start,
        "end": end,
        "rows": [
            [row["category__name"], row["count"] if row["count"] >= least else None] for row in rows
        ],
        "least": least,
    }


def watch_letter_draft(group: WatchGroup) -> str:
    """Return the start of a letter to the group with the area's figures inserted, for the
    coordinator to go on writing."""
    with override(settings.LANGUAGE_CODE):
        return render_to_string(
            "dialogues/watch/letter_draft.txt",
            {"group": group, "figures": watch_area_figures(group)},
        ).strip()


def watch_withdraw_url(contact: WatchContact) -> str:
    """Return the contact's withdraw page as an absolute address, for mails."""
    return settings.SITE_URL.rstrip("/") + reverse("public_watch_withdraw", args=[contact.token])


def watch_letter_mail(letter_id: int) -> int:
    """Mail the letter to each contact person of its group who has not withdrawn, with their
    withdraw link; return how many mails went. The letter is claimed first, so two runs at
    once send it once."""
    claimed = WatchLetter.objects.filter(pk=letter_id, sent_at__isnull=True).update(
        sent_at=timezone.now()
    )
    if not claimed:
        return 0
    letter = WatchLetter.objects.select_related("group").get(pk=letter_id)
    sent = 0
    for contact in letter.group.contacts.current():
        with override(settings.LANGUAGE_CODE):
            body = render_to_string(
                "dialogues/watch/letter_mail.txt",
                {"letter": letter, "contact": contact, "url": watch_withdraw_url(contact)},
            )
            subject = _("Neighbourhood watch: %(subject)s") % {"subject": letter.subject}
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [contact.email])
        sent += 1
    return sent

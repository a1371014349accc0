"""The watch contacts as personal data: deleted by beat WATCH_CONTACT_KEPT_MONTHS after they
withdraw or their group ends, and found and erased through the shared register of data subject
requests (``est.data_subjects.registry``, registered in DialoguesConfig.ready())."""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from est.data_subjects.registry import DataSubject, ExtractRow, PersonalDataHolder
from est.periods import months_after

from .models import WatchContact, WatchGroup


def watch_contacts_delete(*, now: datetime.datetime | None = None) -> int:
    """Delete the contacts who withdrew, or whose group ended, more than
    WATCH_CONTACT_KEPT_MONTHS ago; return how many. Safe to run twice."""
    local = timezone.localtime(now or timezone.now())
    day = months_after(local.date(), -settings.WATCH_CONTACT_KEPT_MONTHS)
    before = local.replace(year=day.year, month=day.month, day=day.day)
    expired = WatchContact.objects.filter(
        Q(withdrawn_at__lt=before)
        | Q(group__status=WatchGroup.Status.ENDED, group__ended_at__lt=before)
    )
    deleted, _by_model = expired.delete()
    return deleted


def _contacts(subject: DataSubject):
    found = Q()
    if subject.email:
        found |= Q(email__iexact=subject.email)
    if subject.phone:
        found |= Q(phone__iexact=subject.phone)
    return WatchContact.objects.filter(
        found, group__municipality=subject.request.municipality
    ).select_related("group")


def watch_contacts_extract(subject: DataSubject) -> list[ExtractRow]:
    """Return the person's entries as a watch contact, with their consent and its date."""
    return [
        ExtractRow(
            contact.group.place,
            _("%(name)s, %(email)s, %(phone)s; consent %(when)s: %(consent)s")
            % {
                "name": contact.name,
                "email": contact.email,
                "phone": contact.phone or "–",
                "when": formats.date_format(contact.consented_at, "SHORT_DATETIME_FORMAT"),
                "consent": contact.consent_text,
            },
        )
        for contact in _contacts(subject)
    ]


def watch_contacts_erase(subject: DataSubject) -> int:
    """Delete the person's entries as a watch contact; return how many."""
    deleted, _by_model = _contacts(subject).delete()
    return deleted


WATCH_CONTACTS = PersonalDataHolder(
    key="watch_contacts",
    label=gettext_lazy("Neighbourhood watch contacts"),
    extract=watch_contacts_extract,
    erase=watch_contacts_erase,
    order=40,
)

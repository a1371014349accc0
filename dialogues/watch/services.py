"""Every write to a neighbourhood watch: a resident signs up, the coordinator and the police
keep the group (status, start meeting, material, signs, contact persons), a contact withdraws,
and the coordinator writes to the contact persons.

Each function validates, saves inside a transaction and raises ValidationError with messages by
field; mails go by tasks queued once the transaction commits.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from est.models import Municipality
from est.rate_limits import rate_limit_hit

from ..tasks import mail_watch_letter
from .models import WatchContact, WatchGroup, WatchLetter

#: Sign-ups one sender may send per RATE_WINDOW seconds: a neighbour registering a street and
#: a correction gets through, a spam run does not.
RATE_LIMIT = 5
RATE_WINDOW = 60 * 60


def _area_errors(municipality: Municipality, area) -> dict[str, str]:
    if area is None:
        return {}
    if area.srid != municipality.boundary.srid:
        area.transform(municipality.boundary.srid)
    if not municipality.boundary.contains(area.point_on_surface):
        return {"area": _("The area is not in %(name)s.") % {"name": municipality.name}}
    return {}


def _contact(*, group, name: str, email: str, phone: str, consent_text: str) -> WatchContact:
    contact = WatchContact(
        group=group,
        name=name.strip(),
        email=email.strip(),
        phone=phone.strip(),
        consent_text=consent_text,
        consented_at=timezone.now(),
    )
    contact.full_clean(exclude=["group"])
    contact.save()
    return contact


@transaction.atomic
def watch_signup(
    *,
    municipality: Municipality,
    place: str,
    households: int,
    name: str,
    email: str,
    phone: str,
    consent_text: str,
    sender_key: str,
    area=None,
) -> WatchGroup:
    """Register a resident's interest in a neighbourhood watch, with them as its contact
    person, and return the new group. ``consent_text`` is the consent as the person read and
    ticked it, stored with the moment. ``sender_key`` names the sender to the rate limit only.
    Raises ValidationError by field, and one with code "rate_limited"."""
    errors = _area_errors(municipality, area)
    if not place.strip():
        errors["place"] = _("Name the street or area.")
    if errors:
        raise ValidationError(errors)
    if rate_limit_hit(scope="watch", sender=sender_key, limit=RATE_LIMIT, window=RATE_WINDOW):
        raise ValidationError(
            _("You have sent many sign-ups in a short time. Please try again in an hour."),
            code="rate_limited",
        )
    group = WatchGroup(
        municipality=municipality, place=place.strip(), area=area, households=households
    )
    group.full_clean()
    group.save()
    _contact(group=group, name=name, email=email, phone=phone, consent_text=consent_text)
    return group


@transaction.atomic
def watch_group_update(*, group: WatchGroup, **fields) -> WatchGroup:
    """Change the group's ``fields`` (status, place, area, households, start meeting, material,
    signs) and return it. Ending the group records when, which starts the contacts' time."""
    errors = _area_errors(group.municipality, fields.get("area"))
    if errors:
        raise ValidationError(errors)
    for name, value in fields.items():
        setattr(group, name, value)
    if group.status == WatchGroup.Status.ENDED:
        group.ended_at = group.ended_at or timezone.now()
    else:
        group.ended_at = None
    group.full_clean()
    group.save()
    return group


@transaction.atomic
def watch_contact_add(
    *, group: WatchGroup, name: str, email: str, phone: str, consent_text: str
) -> WatchContact:
    """Add a contact person who gave their consent (``consent_text``, as they were told) to
    the staff; return them."""
    return _contact(group=group, name=name, email=email, phone=phone, consent_text=consent_text)


@transaction.atomic
def watch_contact_remove(*, contact: WatchContact) -> None:
    """Delete a contact person at once (they asked the staff, or left the group)."""
    contact.delete()


@transaction.atomic
def watch_contact_withdraw(*, contact: WatchContact) -> WatchContact:
    """Record that the contact withdrew their consent (once; a second click changes nothing):
    no more letters, and deletion WATCH_CONTACT_KEPT_MONTHS later. Returns the contact."""
    WatchContact.objects.filter(pk=contact.pk, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
    contact.refresh_from_db()
    return contact


@transaction.atomic
def watch_letter_send(*, group: WatchGroup, subject: str, body: str, by) -> WatchLetter:
    """Store the coordinator's letter to the group's contact persons and queue its mails;
    return it. A group without contacts who have not withdrawn gets no letter."""
    errors = {}
    if not subject.strip():
        errors["subject"] = _("Give the letter a subject.")
    if not body.strip():
        errors["body"] = _("Write the letter.")
    if not group.contacts.current().exists():
        errors["body"] = _("The group has no contact person to write to.")
    if errors:
        raise ValidationError(errors)
    letter = WatchLetter.objects.create(
        group=group, subject=subject.strip(), body=body.strip(), created_by=by
    )
    transaction.on_commit(lambda: mail_watch_letter.delay(letter.pk))
    return letter

"""Recording trainings and certifications, and who may file because of them."""

import calendar
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from est.models import Municipality, User
from est.roles import Role

from .models import Certification, TrainingSession


def certification_end(certified_on: datetime.date) -> datetime.date:
    """Return the last day a certification from ``certified_on`` is in force: the day before the
    same date CERTIFICATION_MONTHS later (the month's last day stands in for a missing date)."""
    months = certified_on.month - 1 + settings.CERTIFICATION_MONTHS
    year, month = certified_on.year + months // 12, months % 12 + 1
    day = min(certified_on.day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day) - datetime.timedelta(days=1)


def reporters_of(municipality: Municipality):
    """Return the active reporters of ``municipality``, by name."""
    return User.objects.filter(
        municipalities=municipality, role=Role.REPORTER, is_active=True
    ).order_by("last_name", "first_name", "username")


@transaction.atomic
def training_session_record(
    *, municipality: Municipality, held_on, trainer: str, place: str = "", participants, by
) -> TrainingSession:
    """Record a held training and certify each participant from its date; return the session.

    Participants must be reporters of the municipality, and the session must not lie ahead.
    """
    participants = list(participants)
    errors = {}
    if held_on > timezone.localdate():
        errors["held_on"] = _("Record a training once it has been held.")
    allowed = set(reporters_of(municipality).values_list("pk", flat=True))
    if not participants:
        errors["participants"] = _("Choose the reporters who took part.")
    elif any(user.pk not in allowed for user in participants):
        errors["participants"] = _("Choose reporters of %(municipality)s.") % {
            "municipality": municipality.name
        }
    if errors:
        raise ValidationError(errors)
    session = TrainingSession.objects.create(
        municipality=municipality,
        held_on=held_on,
        trainer=trainer.strip(),
        place=place.strip(),
        created_by=by,
    )
    Certification.objects.bulk_create(
        Certification(
            user=user,
            session=session,
            certified_on=held_on,
            expires_on=certification_end(held_on),
        )
        for user in participants
    )
    return session


def coordinators_of(user: User):
    """Return the active coordinators of ``user``'s municipalities: whom a reporter asks."""
    return (
        User.objects.filter(
            municipalities__in=user.municipalities.all(), role=Role.COORDINATOR, is_active=True
        )
        .distinct()
        .order_by("last_name", "first_name")
    )


def filing_refusal(user: User) -> str:
    """Return why ``user``, a reporter, may not file today, and whom to ask."""
    last = user.last_certification
    if last is None:
        reason = _("Only reporters who have completed the reporting training may file incidents.")
    else:
        reason = _(
            "Your reporter certification ran out on %(date)s: a refresher training renews it."
        ) % {"date": last.expires_on.isoformat()}
    coordinators = [
        f"{person.get_full_name() or person.username} ({person.email})"
        if person.email
        else person.get_full_name() or person.username
        for person in coordinators_of(user)
    ]
    if coordinators:
        return reason + " " + _("Ask %(names)s.") % {"names": ", ".join(coordinators)}
    return reason + " " + _("Ask your security coordinator.")

"""Writing the register of data subject requests, and answering them: one extract and one
erasure across every app that registered what it holds (``registry``).

Every function validates, saves inside a transaction and raises ValidationError (keyed by field)
on bad input, so that forms can show the message next to the field.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from est.periods import months_after

from .models import DataSubjectRequest
from .registry import HOLDERS, DataSubject


def one_month_after(day: datetime.date) -> datetime.date:
    """Return the same day next month, or the month's last day when it is shorter (GDPR art. 12)."""
    return months_after(day, 1)


@transaction.atomic
def data_subject_request_create(
    *, municipality, kind: str, reference: str, received_on, note="", by
) -> DataSubjectRequest:
    """Log a request for an extract or erasure with its one-month deadline and return it."""
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": _("The request cannot arrive in the future.")})
    request = DataSubjectRequest(
        municipality=municipality,
        kind=kind,
        reference=reference.strip(),
        received_on=received_on,
        deadline=one_month_after(received_on),
        note=note,
        created_by=by,
    )
    request.full_clean()
    request.save()
    return request


@transaction.atomic
def data_subject_request_update(
    *, request: DataSubjectRequest, status: str, note: str
) -> DataSubjectRequest:
    """Change the status of ``request``; closing it records the day. Returns it."""
    request.status = status
    request.note = note
    closed = status in (DataSubjectRequest.Status.COMPLETED, DataSubjectRequest.Status.REFUSED)
    request.closed_on = (request.closed_on or timezone.localdate()) if closed else None
    request.full_clean()
    request.save()
    return request


def _subject(request: DataSubjectRequest, email: str, phone: str) -> DataSubject:
    email, phone = email.strip(), "".join(phone.split())
    if not email and not phone:
        raise ValidationError({"email": _("Give the person's e-mail address or phone number.")})
    return DataSubject(request=request, email=email, phone=phone)


def data_subject_erased(request: DataSubjectRequest) -> list[tuple[str, int]]:
    """Return what the erasure of ``request`` removed as (what, how many), in the holders'
    order and the reader's language."""
    return [
        (holder.label, request.erased[holder.key])
        for holder in HOLDERS
        if holder.key in request.erased
    ]


def data_subject_extract(*, request: DataSubjectRequest, email: str = "", phone: str = "") -> list:
    """Return what every app holds about the person with ``email`` or ``phone`` in the
    request's municipality: one ``{"label", "rows"}`` per registered holder, in order."""
    subject = _subject(request, email, phone)
    return [{"label": holder.label, "rows": holder.extract(subject)} for holder in HOLDERS]


@transaction.atomic
def data_subject_erase(
    *, request: DataSubjectRequest, email: str = "", phone: str = ""
) -> DataSubjectRequest:
    """Erase what every app holds about the person with ``email`` or ``phone`` in the
    request's municipality, all or nothing; record on the erasure request how much each app
    removed, and mark it completed. Returns the request."""
    if request.kind != DataSubjectRequest.Kind.ERASURE:
        raise ValidationError(_("Only an erasure request erases."))
    subject = _subject(request, email, phone)
    request.erased = {holder.key: holder.erase(subject) for holder in HOLDERS}
    request.status = DataSubjectRequest.Status.COMPLETED
    request.closed_on = request.closed_on or timezone.localdate()
    request.save(update_fields=["erased", "status", "closed_on"])
    return request

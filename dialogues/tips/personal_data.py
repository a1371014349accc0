"""The tippers' e-mail addresses as personal data, found and erased through the shared register
of data subject requests (``est.data_subjects.registry``, registered in DialoguesConfig.ready()).
The beat erases them anyway when they are no longer needed (``mails.tip_emails_erase``)."""

from django.utils import formats
from django.utils.translation import gettext_lazy

from est.data_subjects.registry import DataSubject, ExtractRow, PersonalDataHolder

from .models import Tip


def _tips(subject: DataSubject):
    if not subject.email:
        return Tip.objects.none()
    return Tip.objects.filter(
        municipality=subject.request.municipality, email__iexact=subject.email
    )


def tippers_extract(subject: DataSubject) -> list[ExtractRow]:
    """Return the tips the person left their address on: when, what kind, where it stands."""
    return [
        ExtractRow(
            formats.date_format(tip.created_at, "SHORT_DATETIME_FORMAT"),
            f"{tip.get_category_display()}: {tip.get_status_display()} ({tip.email})",
        )
        for tip in _tips(subject).order_by("created_at")
    ]


def tippers_erase(subject: DataSubject) -> int:
    """Erase the person's address from their tips (the tips stay, nameless); return how many."""
    return _tips(subject).update(email="")


TIPPERS = PersonalDataHolder(
    key="tippers",
    label=gettext_lazy("E-mail addresses given with tips"),
    extract=tippers_extract,
    erase=tippers_erase,
    order=30,
)

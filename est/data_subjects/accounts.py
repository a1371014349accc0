"""What est itself holds about a person for data subject requests: their user account, and the
access log's record of what they read. Registered in EstConfig.ready()."""

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .registry import DataSubject, ExtractRow, PersonalDataHolder


def _accounts(subject: DataSubject):
    from est.models import User

    if not subject.email:
        return User.objects.none()
    return User.objects.filter(
        email__iexact=subject.email, municipalities=subject.request.municipality
    )


def accounts_extract(subject: DataSubject) -> list[ExtractRow]:
    """Return the user accounts of the request's municipality with the person's address."""
    return [
        ExtractRow(
            user.get_username(),
            _("%(name)s, %(email)s, role %(role)s, last login %(login)s")
            % {
                "name": user.get_full_name() or "–",
                "email": user.email,
                "role": user.get_role_display(),
                "login": formats.date_format(user.last_login, "SHORT_DATETIME_FORMAT")
                if user.last_login
                else "–",
            },
        )
        for user in _accounts(subject)
    ]


def accounts_erase(subject: DataSubject) -> int:
    """Close the person's accounts and blank their name and address; return how many. The
    rows stay, because what the person filed keeps pointing at who filed it."""
    erased = 0
    for user in _accounts(subject):
        user.first_name = user.last_name = user.email = ""
        user.username = f"erased-{user.pk}"
        user.is_active = False
        user.set_unusable_password()
        user.save()
        erased += 1
    return erased


def access_log_extract(subject: DataSubject) -> list[ExtractRow]:
    """Return what the person's accounts read, as the access log keeps it."""
    from est.access_log import AccessEntry

    entries = AccessEntry.objects.filter(user__in=_accounts(subject)).order_by("at")
    return [
        ExtractRow(
            formats.date_format(entry.at, "SHORT_DATETIME_FORMAT"),
            f"{entry.get_kind_display()}: {entry.target}",
        )
        for entry in entries
    ]


def access_log_erase(subject: DataSubject) -> int:
    """Erase nothing: the log is kept for its retention to show who read what (its own legal
    purpose), and its beat purge removes it then."""
    return 0


ACCOUNTS = PersonalDataHolder(
    key="accounts",
    label=gettext_lazy("User accounts"),
    extract=accounts_extract,
    erase=accounts_erase,
    order=10,
)
ACCESS_LOG = PersonalDataHolder(
    key="access_log",
    label=gettext_lazy("Access log: what the person read (kept for its retention)"),
    extract=access_log_extract,
    erase=access_log_erase,
    order=11,
)

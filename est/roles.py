"""The roles people have in EST, and what each role may do: the one place permissions are declared.

Apps add their own permissions with ``grant()`` from their AppConfig.ready(), so that this module
never imports an app.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    REPORTER = "reporter", _("Reporter")
    COORDINATOR = "coordinator", _("Security coordinator")
    POLICE = "police", _("Police")
    COUNCIL = "council", _("Council member")
    ADMINISTRATOR = "administrator", _("Administrator")
    #: dataskyddsombud: checks who read what; sees the access log of their municipalities.
    DATA_PROTECTION_OFFICER = "dpo", _("Data protection officer")


STAFF = frozenset(Role)

MUNICIPALITY_VIEW = "municipality.view"
AREA_MANAGE = "area.manage"
#: The Django admin.
ADMIN_USE = "admin.use"
#: Searching the log of who read sensitive data.
ACCESS_LOG_VIEW = "access_log.view"

#: permission name -> the roles that hold it
PERMISSIONS: dict[str, frozenset[Role]] = {
    MUNICIPALITY_VIEW: STAFF,
    AREA_MANAGE: frozenset({Role.COORDINATOR, Role.ADMINISTRATOR}),
    # Superusers only (they hold every permission): the admin is not scoped to municipalities.
    ADMIN_USE: frozenset(),
    ACCESS_LOG_VIEW: frozenset({Role.COORDINATOR, Role.DATA_PROTECTION_OFFICER}),
}


def grant(permission: str, roles) -> None:
    """Declare that ``roles`` hold ``permission`` (used by apps for their own permissions)."""
    PERMISSIONS[permission] = frozenset(roles)


def has_permission(user, permission: str) -> bool:
    """Return whether ``user`` holds ``permission`` through their role.

    Superusers hold every permission. An unknown permission name is a programming error.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.role in PERMISSIONS[permission]

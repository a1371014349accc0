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
    #: Staff of a responsible organisation (the street department, a housing company) who see
    #: and update their organisation's measures, and nothing else.
    MEASURE_OWNER = "measure_owner", _("Measure owner")
    #: dataskyddsombud: checks who read what; sees the access log of their municipalities.
    DATA_PROTECTION_OFFICER = "dpo", _("Data protection officer")


#: The roles that work with the municipality's picture: every one but the measure owner, who
#: sees no incidents, pictures or cameras.
STAFF = frozenset(Role) - {Role.MEASURE_OWNER}

MUNICIPALITY_VIEW = "municipality.view"
AREA_MANAGE = "area.manage"
#: Recording reporter trainings and keeping reporters' certifications.
TRAINING_MANAGE = "training.manage"
#: Keeping the public contacts page of one's municipalities.
CONTACT_MANAGE = "contact.manage"
#: The Django admin.
ADMIN_USE = "admin.use"
#: Searching the log of who read sensitive data.
ACCESS_LOG_VIEW = "access_log.view"
#: Logging data subject requests and answering them with an extract or an erasure across apps.
DATA_SUBJECT_REQUEST_MANAGE = "data_subject_request.manage"

#: permission name -> the roles that hold it
PERMISSIONS: dict[str, frozenset[Role]] = {
    MUNICIPALITY_VIEW: STAFF,
    AREA_MANAGE: frozenset({Role.COORDINATOR, Role.ADMINISTRATOR}),
    TRAINING_MANAGE: frozenset({Role.COORDINATOR, Role.ADMINISTRATOR}),
    CONTACT_MANAGE: frozenset({Role.COORDINATOR, Role.ADMINISTRATOR}),
    # Superusers only (they hold every permission): the admin is not scoped to municipalities.
    ADMIN_USE: frozenset(),
    ACCESS_LOG_VIEW: frozenset({Role.COORDINATOR, Role.DATA_PROTECTION_OFFICER}),
    DATA_SUBJECT_REQUEST_MANAGE: frozenset(
        {Role.COORDINATOR, Role.ADMINISTRATOR, Role.DATA_PROTECTION_OFFICER}
    ),
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

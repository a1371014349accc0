"""The cameras app's permissions: each name once, as a constant, with the roles that hold it.
``CamerasConfig.ready`` grants them."""

from est.roles import Role

MANAGERS = {Role.COORDINATOR, Role.ADMINISTRATOR}

#: The register, footage, legal holds, purges, compliance and data subject requests.
CAMERA_MANAGE = "camera.manage"
#: Retention longer than 7 days.
CAMERA_APPROVE_RETENTION = "camera.approve_retention"
#: The police read what was handed over to them; the municipality records it.
CAMERA_DISCLOSURE_VIEW = "camera.disclosure.view"

GRANTS = {
    CAMERA_MANAGE: MANAGERS,
    CAMERA_APPROVE_RETENTION: {Role.ADMINISTRATOR},
    CAMERA_DISCLOSURE_VIEW: {*MANAGERS, Role.POLICE},
}

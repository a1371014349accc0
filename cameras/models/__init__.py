"""The camera register's models, named here so that Django (and the code) find them."""

from cameras.models.footage import (
    DeletionReceipt,
    Disclosure,
    DisclosureQuerySet,
    Footage,
    FootageQuerySet,
    LegalHold,
    LegalHoldQuerySet,
    footage_upload_to,
)
from cameras.models.mailings import ComplianceMailing
from cameras.models.register import (
    APPROVAL_RETENTION_HOURS,
    DEFAULT_RETENTION_HOURS,
    MAX_RETENTION_HOURS,
    PURGE_GRACE,
    Camera,
    CameraQuerySet,
    purge_time,
)

__all__ = [
    "APPROVAL_RETENTION_HOURS",
    "Camera",
    "CameraQuerySet",
    "ComplianceMailing",
    "DEFAULT_RETENTION_HOURS",
    "DeletionReceipt",
    "Disclosure",
    "DisclosureQuerySet",
    "Footage",
    "FootageQuerySet",
    "LegalHold",
    "LegalHoldQuerySet",
    "MAX_RETENTION_HOURS",
    "PURGE_GRACE",
    "footage_upload_to",
    "purge_time",
]

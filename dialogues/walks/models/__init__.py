"""The safety walks' models: the walk (``walk``) and what is recorded on it (``findings``)."""

from .findings import (
    AUDIT_PARAMETERS,
    Finding,
    FindingCategory,
    FindingPhoto,
    ParticipantCount,
    StretchAudit,
)
from .walk import SafetyWalk

__all__ = [
    "AUDIT_PARAMETERS",
    "Finding",
    "FindingCategory",
    "FindingPhoto",
    "ParticipantCount",
    "SafetyWalk",
    "StretchAudit",
]

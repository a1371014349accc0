"""Compliance of the camera register: what the coordinator must fix. Pure: cameras in, findings
out, no queries."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

#: Permits that expire within this many days are listed, so that a new one can be applied for.
PERMIT_WARNING_DAYS = 60
#: Signs are checked at least once a year.
SIGNAGE_MAX_AGE_DAYS = 365


@dataclass(frozen=True)
class Finding:
    """One thing to fix about one camera; ``kind`` is a stable key, ``message`` for people."""

    camera: object
    kind: str
    message: str


def _months_ago(today: datetime.date, days: int) -> datetime.date:
    return today - datetime.timedelta(days=days)


def camera_findings(camera, *, today: datetime.date) -> list[Finding]:
    """Return what is wrong or soon wrong with one camera (decommissioned ones have nothing)."""
    if camera.status == "decommissioned":
        return []
    findings = []
    if camera.permit_required:
        if not camera.permit_reference:
            findings.append(Finding(camera, "permit_missing", _("No IMY permit recorded")))
        elif camera.permit_expires_on and camera.permit_expires_on < today:
            findings.append(Finding(camera, "permit_expired", _("The permit has expired")))
        elif camera.permit_expires_on and (camera.permit_expires_on - today).days <= (
            PERMIT_WARNING_DAYS
        ):
            findings.append(
                Finding(camera, "permit_expiring", _("The permit expires within 60 days"))
            )
    if camera.status == "active":
        if not camera.signage_present:
            findings.append(Finding(camera, "signage_missing", _("No signs on site")))
        elif camera.signage_checked_on is None or camera.signage_checked_on < _months_ago(
            today, SIGNAGE_MAX_AGE_DAYS
        ):
            findings.append(
                Finding(camera, "signage_unchecked", _("Signs not checked for 12 months"))
            )
    if camera.needs_justification and not camera.retention_justification.strip():
        findings.append(
            Finding(
                camera,
                "retention_unjustified",
                _("Retention above 72 hours without a justification"),
            )
        )
    if camera.retention_awaits_approval:
        findings.append(
            Finding(
                camera,
                "retention_unapproved",
                _("Retention above 7 days awaits an administrator's approval"),
            )
        )
    return findings


def register_findings(cameras: Iterable, *, today: datetime.date) -> list[Finding]:
    """Return the findings of every camera, in the cameras' order."""
    return [finding for camera in cameras for finding in camera_findings(camera, today=today)]

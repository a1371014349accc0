"""Compliance findings (pure, no database) and the monthly e-mail."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from cameras.compliance import camera_findings
from cameras.mailing import compliance_mail_monthly
from cameras.models import Camera
from tests.cameras.factories import CameraFactory

TODAY = datetime.date(2026, 11, 21)


def camera(**fields):
    defaults = {
        "status": Camera.Status.ACTIVE,
        "permit_required": True,
        "permit_reference": "DI-1",
        "permit_expires_on": None,
        "signage_present": True,
        "signage_checked_on": TODAY,
        "retention_hours": 72,
        "retention_justification": "",
    }
    return Camera(**{**defaults, **fields})


def kinds(camera):
    return [finding.kind for finding in camera_findings(camera, today=TODAY)]


def test_a_documented_camera_has_no_findings():
    assert kinds(camera()) == []


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"permit_expires_on": TODAY + datetime.timedelta(days=60)}, ["permit_expiring"]),
        ({"permit_expires_on": TODAY + datetime.timedelta(days=61)}, []),
        ({"permit_expires_on": TODAY - datetime.timedelta(days=1)}, ["permit_expired"]),
        ({"permit_reference": ""}, ["permit_missing"]),
        ({"permit_required": False, "permit_reference": ""}, []),
        ({"signage_checked_on": TODAY - datetime.timedelta(days=366)}, ["signage_unchecked"]),
        ({"signage_checked_on": TODAY - datetime.timedelta(days=365)}, []),
        ({"signage_checked_on": None}, ["signage_unchecked"]),
        ({"signage_present": False}, ["signage_missing"]),
        ({"retention_hours": 96}, ["retention_unjustified"]),
        ({"retention_hours": 96, "retention_justification": "Långhelger"}, []),
        ({"retention_hours": 72}, []),
        (
            {"retention_hours": 14 * 24, "retention_justification": "Loven"},
            ["retention_unapproved"],
        ),
        ({"status": Camera.Status.DECOMMISSIONED, "permit_reference": ""}, []),
    ],
)
def test_findings(fields, expected):
    assert kinds(camera(**fields)) == expected


def test_the_compliance_page_lists_findings_for_the_coordinator(arboga, coordinator, client_for):
    CameraFactory(
        municipality=arboga, name="Skolgården", signage_checked_on=datetime.date(2020, 1, 1)
    )
    page = client_for(coordinator).get("/cameras/compliance/")
    assert page.status_code == 200
    assert [f.kind for f in page.context["findings"]] == ["signage_unchecked"]
    assert "Skolgården" in page.content.decode()


def test_the_monthly_mail_goes_to_the_coordinators_once_a_month(arboga, coordinator, reporter):
    CameraFactory(
        municipality=arboga,
        name="Skolgården",
        permit_expires_on=timezone.localdate() + datetime.timedelta(days=10),
    )
    assert compliance_mail_monthly() == 1
    assert compliance_mail_monthly() == 0, "the month is already mailed"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [coordinator.email]
    assert "Skolgården" in message.body
    assert "Tillståndet upphör inom 60 dagar" in message.body


def test_the_monthly_mail_task_is_scheduled(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["cameras-compliance"]
    assert entry["task"] == "cameras.tasks.mail_compliance"
    assert entry["schedule"].day_of_month == {1}

"""The demo cameras: realistic, lawful by the register's own rules, and safe to seed twice."""

import pytest

from cameras.demo import cameras_seed
from cameras.models import Camera, DeletionReceipt, Footage, LegalHold
from est.demo import demo_seed


@pytest.mark.django_db
def test_the_demo_cameras_are_seeded_once():
    municipalities = demo_seed()
    cameras_seed(municipalities)
    cameras_seed(municipalities)
    assert Camera.objects.count() == 5
    assert set(Camera.objects.values_list("municipality__name", flat=True)) == {"Arboga", "Kungsör"}
    assert Camera.objects.get(premises="Stora torget").retention_awaits_approval
    assert LegalHold.objects.active().count() == 2
    # Each active camera has three clips; the 100 hours old one is purged where the retention
    # is shorter than that.
    active = Camera.objects.filter(status=Camera.Status.ACTIVE)
    purged = active.filter(retention_hours__lt=100).count()
    assert DeletionReceipt.objects.count() == purged == 3
    assert Footage.objects.kept().count() == 3 * active.count() - purged

"""Cameras and footage on the test municipalities' squares (SWEREF 99 TM, metres)."""

import datetime

import factory
from django.contrib.gis.geos import Point, Polygon
from django.core.files.base import ContentFile
from django.utils import timezone

from cameras.demo import MP4_HEADER
from cameras.models import Camera, Footage, purge_time
from tests.factories import MunicipalityFactory, OrganisationFactory


def _centre(camera) -> Point:
    x0, y0, x1, y1 = camera.municipality.boundary.extent
    return Point((x0 + x1) / 2, (y0 + y1) / 2, srid=3006)


def _filmed(camera) -> Polygon:
    x, y = camera.position.x, camera.position.y
    return Polygon(((x, y), (x + 30, y), (x + 30, y + 20), (x, y + 20), (x, y)), srid=3006)


class CameraFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Camera

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Kamera {n}")
    premises = factory.Sequence(lambda n: f"Skolan {n}")
    position = factory.LazyAttribute(_centre)
    filmed_area = factory.LazyAttribute(_filmed)
    purpose = "Förebygga skadegörelse och anlagd brand."
    committee = "Kommunstyrelsen"
    organisation = factory.SubFactory(OrganisationFactory)
    permit_required = True
    permit_reference = factory.Sequence(lambda n: f"DI-2025-{n:04d}")
    permit_decided_on = datetime.date(2025, 3, 1)
    permit_expires_on = None
    signage_present = True
    signage_checked_on = factory.LazyFunction(timezone.localdate)
    recording_hours = "22–06"
    retention_hours = 72
    status = Camera.Status.ACTIVE


class FootageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Footage

    camera = factory.SubFactory(CameraFactory)
    recorded_until = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    recorded_from = factory.LazyAttribute(
        lambda footage: footage.recorded_until - datetime.timedelta(minutes=10)
    )
    description = "Två personer sprejar klotter på väggen."
    file = factory.LazyFunction(lambda: ContentFile(MP4_HEADER + b"frames", name="klipp.mp4"))
    purge_at = factory.LazyAttribute(
        lambda footage: purge_time(
            ends_at=footage.recorded_until, retention=footage.camera.effective_retention
        )
    )

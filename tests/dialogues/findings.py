"""What a held safety walk leaves behind, for the tests of measures and the walk report: a walk
that has taken place, findings on it (made with the ORM: recording them is the phone's
feature), photos, audits, participants, and the measure owners of an organisation."""

import datetime
import io
import uuid

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from dialogues.walks.models import (
    Finding,
    FindingCategory,
    FindingPhoto,
    ParticipantCount,
    SafetyWalk,
    StretchAudit,
)
from est.roles import Role
from tests.dialogues.walks.helpers import announced_walk
from tests.factories import OrganisationFactory, UserFactory


def held_walk(municipality, by, **fields) -> SafetyWalk:
    """Return an announced walk in ``municipality`` that took place last week."""
    walk = announced_walk(municipality, by, **fields)
    start = timezone.now() - datetime.timedelta(days=7)
    SafetyWalk.objects.filter(pk=walk.pk).update(
        starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    walk.refresh_from_db()
    return walk


def finding_on(walk, category="Belysning", description="Trasig lampa vid gångvägen", **extra):
    """Return a finding on ``walk`` at its meeting point, in a category of that name."""
    code = category.lower().replace(" ", "-")
    kind, _created = FindingCategory.objects.get_or_create(
        municipality=walk.municipality, code=code, defaults={"name": category}
    )
    return Finding.objects.create(
        walk=walk,
        category=kind,
        position=walk.meeting_point,
        description=description,
        unsafe=extra.pop("unsafe", 4),
        submission_key=uuid.uuid4(),
        recorded_at=walk.starts_at,
        **extra,
    )


def jpeg(colour=(40, 120, 200)) -> bytes:
    image = Image.new("RGB", (64, 48), colour)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG")
    return buffer.getvalue()


def photo_of(finding, *, public=False) -> FindingPhoto:
    """Return a photo (and its thumbnail) of ``finding``."""
    photo = FindingPhoto(finding=finding, public=public, submission_key=uuid.uuid4())
    photo.image.save(f"{uuid.uuid4()}.jpg", ContentFile(jpeg()), save=False)
    photo.thumbnail.save(f"{uuid.uuid4()}-t.jpg", ContentFile(jpeg()), save=False)
    photo.save()
    return photo


def audit_of(walk, stretch, **scores) -> StretchAudit:
    return StretchAudit.objects.create(
        walk=walk,
        stretch=stretch,
        submission_key=uuid.uuid4(),
        recorded_at=walk.starts_at,
        **scores,
    )


def participants(walk, **counts):
    for group, count in counts.items():
        ParticipantCount.objects.create(walk=walk, group=group, count=count)


def street_department(*municipalities):
    """Return the street department, working in ``municipalities``."""
    organisation = OrganisationFactory(name="Tekniska förvaltningen")
    organisation.municipalities.add(*municipalities)
    return organisation


def measure_owner(organisation, *municipalities, username="gustav"):
    """Return a measure owner of ``organisation`` in ``municipalities``."""
    return UserFactory(
        username=username,
        role=Role.MEASURE_OWNER,
        organisation=organisation,
        municipalities=municipalities,
    )

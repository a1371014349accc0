"""What a safety walk records: findings on the map with photos, the route's audit on the nine
parameters of a safety audit, and how many took part by group (counts only, no names)."""

import uuid

from django.conf import settings
from django.contrib.gis.db import models
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from est.models import Municipality

from .walk import SafetyWalk

ONE_TO_FIVE = [MinValueValidator(1), MaxValueValidator(5)]


class FindingCategoryQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the categories of the municipalities ``user`` may see."""
        return self.filter(municipality__in=Municipality.objects.for_user(user))


class FindingCategory(models.Model):
    """A kind of finding, from the list each municipality keeps (lighting, vegetation, …)."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="finding_categories",
        verbose_name=_("municipality"),
    )
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position in the list"), default=0)
    active = models.BooleanField(_("in use"), default=True)

    objects = FindingCategoryQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "position", "name"]
        verbose_name = _("finding category")
        verbose_name_plural = _("finding categories")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "code"], name="finding_category_code_unique"
            )
        ]

    def __str__(self):
        return self.name


class FindingQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the findings of walks in the municipalities ``user`` may see."""
        return self.filter(walk__municipality__in=Municipality.objects.for_user(user))


class FindingPhotoQuerySet(models.QuerySet):
    def ready(self):
        """Return the photos a worker has cleaned: only these are ever shown."""
        return self.exclude(image="")


class Finding(models.Model):
    """One thing noted on a walk that makes the place feel unsafe, where it is and how much."""

    walk = models.ForeignKey(
        SafetyWalk, on_delete=models.CASCADE, related_name="findings", verbose_name=_("walk")
    )
    category = models.ForeignKey(
        FindingCategory,
        on_delete=models.PROTECT,
        related_name="findings",
        verbose_name=_("category"),
    )
    position = models.PointField(_("position"), srid=settings.STORAGE_SRID)
    description = models.TextField(_("description"))
    unsafe = models.PositiveSmallIntegerField(
        _("how unsafe it feels"),
        validators=ONE_TO_FIVE,
        help_text=_("1 = hardly at all, 5 = very unsafe."),
    )
    measures = models.ManyToManyField(
        "dialogues.Measure", blank=True, related_name="findings", verbose_name=_("measures")
    )
    #: Made on the phone: a finding sent again after a lost connection is filed once.
    submission_key = models.UUIDField(_("submission key"), unique=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: When it was noted on the phone, which may be long before it reached the server.
    recorded_at = models.DateTimeField(_("recorded at"))
    received_at = models.DateTimeField(auto_now_add=True)

    objects = FindingQuerySet.as_manager()

    class Meta:
        ordering = ["walk", "recorded_at", "pk"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        constraints = [
            models.CheckConstraint(
                condition=Q(unsafe__gte=1, unsafe__lte=5), name="finding_unsafe_1_to_5"
            )
        ]

    def __str__(self):
        return f"{self.category}: {self.description[:40]}"


def finding_photo_path(photo, filename):
    return f"walks/{photo.finding.walk.municipality.code}/{filename}"


def held_photo_path(photo, filename):
    # Apart from the cleaned photos, and named by a fresh key, not by the phone's file name.
    return f"walks-held/{photo.finding.walk.municipality.code}/{uuid.uuid4().hex}"


class FindingPhoto(models.Model):
    """A photo of a finding, re-encoded without EXIF. Served through a scoped view; residents see
    it only when the coordinator has made it public (no photos of people).

    The phone's file is first held as it came (``original``, with its EXIF: never served to
    anyone) while a worker re-encodes it; until then ``image`` and ``thumbnail`` are empty and
    the pages say the photo is being processed."""

    finding = models.ForeignKey(
        Finding, on_delete=models.CASCADE, related_name="photos", verbose_name=_("finding")
    )
    image = models.ImageField(_("photo"), upload_to=finding_photo_path, blank=True)
    thumbnail = models.ImageField(_("thumbnail"), upload_to=finding_photo_path, blank=True)
    original = models.FileField(_("photo as sent"), upload_to=held_photo_path, blank=True)
    #: When a worker took the original to clean it; a claim this old is taken over.
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    public = models.BooleanField(_("shown to residents"), default=False)
    #: One key per photo from the phone, so that a resend stores it once.
    submission_key = models.UUIDField(_("submission key"), unique=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = FindingPhotoQuerySet.as_manager()

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("photo of a finding")
        verbose_name_plural = _("photos of findings")
        constraints = [
            # Cleaned or still held, never neither and never an unstripped file beside a clean one.
            models.CheckConstraint(
                condition=(Q(image="") & ~Q(original="")) | (~Q(image="") & Q(original="")),
                name="finding_photo_cleaned_or_held",
            )
        ]

    def __str__(self):
        return self.image.name or self.original.name

    @property
    def is_ready(self) -> bool:
        """Whether the photo is cleaned and may be shown (to those allowed to see it)."""
        return bool(self.image)


#: The nine parameters of a safety audit (REFERENCES.md), as (field, label).
AUDIT_PARAMETERS = (
    ("lighting", _("Lighting")),
    ("openness", _("Openness")),
    ("visibility", _("Visibility")),
    ("people", _("People")),
    ("security", _("Security")),
    ("walk_path", _("Walk path")),
    ("public_transport", _("Public transport")),
    ("gender_age_usage", _("Gender and age usage")),
    ("feeling", _("Feeling")),
)


def _score(label):
    return models.PositiveSmallIntegerField(label, null=True, blank=True, validators=ONE_TO_FIVE)


class StretchAudit(models.Model):
    """One participant's scores (1–5, 5 best) for one stretch of the route on the nine parameters.

    A parameter left out was not judged; the report averages over those that were.
    """

    walk = models.ForeignKey(
        SafetyWalk, on_delete=models.CASCADE, related_name="audits", verbose_name=_("walk")
    )
    stretch = models.PositiveSmallIntegerField(_("stretch"), help_text=_("1 is the first."))
    stretch_name = models.CharField(_("stretch"), max_length=100, blank=True)
    lighting = _score(_("Lighting"))
    openness = _score(_("Openness"))
    visibility = _score(_("Visibility"))
    people = _score(_("People"))
    security = _score(_("Security"))
    walk_path = _score(_("Walk path"))
    public_transport = _score(_("Public transport"))
    gender_age_usage = _score(_("Gender and age usage"))
    feeling = _score(_("Feeling"))
    note = models.TextField(_("note"), blank=True)
    submission_key = models.UUIDField(_("submission key"), unique=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        ordering = ["walk", "stretch", "pk"]
        verbose_name = _("audit of a stretch")
        verbose_name_plural = _("audits of stretches")
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{field}__isnull": True})
                | Q(**{f"{field}__gte": 1, f"{field}__lte": 5}),
                name=f"audit_{field}_1_to_5",
            )
            for field, _label in AUDIT_PARAMETERS
        ]

    def __str__(self):
        return f"{self.walk} – {self.stretch}"


class ParticipantCount(models.Model):
    """How many of one group took part in a walk: a count, never a name."""

    class Group(models.TextChoices):
        RESIDENTS = "residents", _("Residents")
        MUNICIPALITY = "municipality", _("The municipality")
        HOUSING = "housing", _("Housing companies")
        POLICE = "police", _("Police")
        SCHOOLS = "schools", _("Schools")
        ASSOCIATIONS = "associations", _("Associations")
        OTHER = "other", _("Others")

    walk = models.ForeignKey(
        SafetyWalk, on_delete=models.CASCADE, related_name="participants", verbose_name=_("walk")
    )
    group = models.CharField(_("group"), max_length=20, choices=Group.choices)
    count = models.PositiveSmallIntegerField(_("number"))

    class Meta:
        ordering = ["walk", "group"]
        verbose_name = _("participants")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["walk", "group"], name="participants_group_once")
        ]

    def __str__(self):
        return f"{self.get_group_display()}: {self.count}"

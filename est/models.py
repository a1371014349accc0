"""What every app shares: municipalities and their areas, organisations, users and their roles."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.gis.db import models
from django.contrib.gis.db.models.functions import Transform
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .contacts.models import Contact
from .roles import Role
from .training.models import Certification, TrainingSession

__all__ = [
    "AccessEntry",
    "ApiToken",
    "Area",
    "Certification",
    "Contact",
    "DataSubjectRequest",
    "Municipality",
    "Organisation",
    "TrainingSession",
    "User",
]


class MunicipalityQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the municipalities ``user`` may see: their own; every one for a superuser."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(pk__in=user.municipalities.values("pk"))

    def containing(self, point):
        """Return the municipalities whose boundary contains ``point`` (any SRID)."""
        return self.filter(boundary__intersects=point)

    def with_map_boundary(self):
        """Annotate ``map_boundary``: the boundary in the maps' SRID (WGS 84)."""
        return self.annotate(map_boundary=Transform("boundary", settings.MAP_SRID))


class Municipality(models.Model):
    """One of Sweden's 290 municipalities (kommuner), identified by SCB's four-digit code."""

    code = models.CharField(_("code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=100)
    boundary = models.MultiPolygonField(_("boundary"), srid=settings.STORAGE_SRID)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^\d{4}$"), name="municipality_code"),
        ]

    def __str__(self):
        return self.name

    def coordinator_addresses(self) -> list[str]:
        """Return the e-mail addresses of the municipality's active security coordinators."""
        return list(
            self.users.filter(role=Role.COORDINATOR, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )


class AreaQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the areas in the municipalities ``user`` may see."""
        return self.filter(municipality__in=Municipality.objects.for_user(user))

    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def containing(self, point):
        """Return the areas whose boundary contains ``point`` (any SRID)."""
        return self.filter(boundary__intersects=point)


class Area(models.Model):
    """A named part of a municipality that coordinators compare: a district, the town centre…"""

    class Kind(models.TextChoices):
        DISTRICT = "district", _("District")
        CENTRE = "centre", _("Town centre")
        HOUSING_ESTATE = "housing_estate", _("Housing estate")
        SCHOOL = "school", _("School area")
        PARK = "park", _("Park or green space")
        INDUSTRIAL = "industrial", _("Industrial or business area")
        # Drawn in an intervention's form: where it acts, and where it is compared with.
        INTERVENTION = "intervention", _("Intervention area")
        COMPARISON = "comparison", _("Comparison area")
        OTHER = "other", _("Other")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="areas", verbose_name=_("municipality")
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DISTRICT)
    description = models.TextField(_("description"), blank=True)
    boundary = models.MultiPolygonField(_("boundary"), srid=settings.STORAGE_SRID)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "name"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="area_name_unique"),
        ]

    def __str__(self):
        return self.name

    @property
    def size_km2(self) -> float:
        """Return the area's size in square kilometres (the geometry is in metres)."""
        return self.boundary.area / 1_000_000


class Organisation(models.Model):
    """A body whose staff report or take part: a department, a municipal company, the police…"""

    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("Municipal department")
        COMPANY = "company", _("Municipal company")
        POLICE = "police", _("Police")
        GUARD_COMPANY = "guard_company", _("Guard company")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    municipalities = models.ManyToManyField(
        Municipality, related_name="organisations", verbose_name=_("municipalities")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [models.UniqueConstraint(fields=["name"], name="organisation_name_unique")]

    def __str__(self):
        return self.name


class User(AbstractUser):
    """A person who logs in: staff of a municipality or of a partner such as the police."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.REPORTER)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
        verbose_name=_("organisation"),
    )
    municipalities = models.ManyToManyField(
        Municipality, blank=True, related_name="users", verbose_name=_("municipalities")
    )

    objects = UserManager()

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def certification(self, day=None) -> Certification | None:
        """Return the certification that is in force on ``day`` (today) and runs longest, or
        None when the user has none in force."""
        day = day or timezone.localdate()
        return self.certifications.valid_on(day).order_by("-expires_on").first()

    @property
    def is_certified(self) -> bool:
        """Return whether the user holds a reporter certification in force today."""
        return self.certification() is not None

    @property
    def last_certification(self) -> Certification | None:
        """Return the certification that ran or runs out last, or None if never certified."""
        return self.certifications.order_by("-expires_on").first()


# Defined in their own modules after User, which they point at, and named here so that Django
# finds them.
from .access_log import AccessEntry  # noqa: E402
from .api_tokens import ApiToken  # noqa: E402
from .data_subjects.models import DataSubjectRequest  # noqa: E402

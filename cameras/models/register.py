"""The camera register: cameras, the footage the municipality holds, disclosures to the police,
legal holds, deletion receipts, data subject requests.

Times are aware datetimes; the database keeps them in UTC, so a daylight-saving change never moves
a purge time.
"""

import datetime

from django.conf import settings
from django.contrib.gis.db import models
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from est.models import Municipality, Organisation

#: IMY's rule of thumb: footage is kept at most 72 hours; longer needs a written justification.
DEFAULT_RETENTION_HOURS = 72
#: Longer than this also needs an administrator's approval.
APPROVAL_RETENTION_HOURS = 7 * 24
#: No justification makes more than a year proportionate; the cap also keeps times in range.
MAX_RETENTION_HOURS = 365 * 24


class CameraQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the cameras of the municipalities ``user`` may see."""
        return self.filter(municipality__in=Municipality.objects.for_user(user))

    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def public(self):
        """Return the cameras the public page shows: those that film now or are planned."""
        return self.exclude(status=Camera.Status.DECOMMISSIONED)


class Camera(models.Model):
    """A camera the municipality films with, with what makes it lawful and documented."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Active")
        DECOMMISSIONED = "decommissioned", _("Decommissioned")

    class LegalBasis(models.TextChoices):
        PUBLIC_TASK = "public_task", _("Public interest task (GDPR art. 6.1 e)")
        LEGAL_OBLIGATION = "legal_obligation", _("Legal obligation (GDPR art. 6.1 c)")
        LEGITIMATE_INTEREST = "legitimate_interest", _("Legitimate interest (GDPR art. 6.1 f)")

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="cameras",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=100)
    premises = models.CharField(
        _("premises"),
        max_length=150,
        help_text=_("The building or place, e.g. Arboga resecentrum."),
    )
    position = models.PointField(_("position"), srid=settings.STORAGE_SRID)
    filmed_area = models.PolygonField(_("filmed area"), srid=settings.STORAGE_SRID)
    purpose = models.TextField(_("purpose"))
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=30,
        choices=LegalBasis.choices,
        default=LegalBasis.PUBLIC_TASK,
    )
    committee = models.CharField(
        _("responsible committee"),
        max_length=150,
        help_text=_("The committee (nämnd) that is controller of the personal data."),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="cameras",
        verbose_name=_("owning organisation"),
    )
    permit_required = models.BooleanField(
        _("IMY permit required"),
        default=True,
        help_text=_("A permit is required where the public has access."),
    )
    permit_reference = models.CharField(_("permit reference"), max_length=50, blank=True)
    permit_decided_on = models.DateField(_("permit decision date"), null=True, blank=True)
    permit_conditions = models.TextField(
        _("permit conditions"), blank=True, help_text=_("E.g. the hours filming is allowed.")
    )
    permit_expires_on = models.DateField(_("permit expires on"), null=True, blank=True)
    signage_present = models.BooleanField(_("signs on site"), default=False)
    signage_checked_on = models.DateField(_("signs last checked on"), null=True, blank=True)
    recording_hours = models.CharField(
        _("recording hours"), max_length=100, help_text=_("E.g. 22–06 every day, or all hours.")
    )
    real_time_monitoring = models.BooleanField(_("monitored in real time"), default=False)
    retention_hours = models.PositiveIntegerField(
        _("retention (hours)"),
        default=DEFAULT_RETENTION_HOURS,
        validators=[
            MinValueValidator(1, _("Keep footage at least one hour.")),
            MaxValueValidator(MAX_RETENTION_HOURS, _("Keep footage at most a year (8760 hours).")),
        ],
        help_text=_(
            "72 hours unless longer is specially justified; more than 7 days (168 hours) also "
            "needs an administrator's approval."
        ),
    )
    retention_justification = models.TextField(_("justification for longer retention"), blank=True)
    retention_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("longer retention approved by"),
    )
    retention_approved_at = models.DateTimeField(
        _("longer retention approved at"), null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = CameraQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "name"]
        verbose_name = _("camera")
        verbose_name_plural = _("cameras")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="camera_name_unique"),
            models.CheckConstraint(condition=Q(retention_hours__gt=0), name="camera_retention"),
            models.CheckConstraint(
                condition=Q(permit_expires_on__isnull=True)
                | Q(permit_decided_on__isnull=True)
                | Q(permit_expires_on__gt=models.F("permit_decided_on")),
                name="camera_permit_dates",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.premises})"

    @property
    def needs_justification(self) -> bool:
        """Return whether the retention is longer than IMY's 72 hours."""
        return self.retention_hours > DEFAULT_RETENTION_HOURS

    @property
    def needs_approval(self) -> bool:
        """Return whether the retention is longer than 7 days, which an administrator approves."""
        return self.retention_hours > APPROVAL_RETENTION_HOURS

    @property
    def retention_awaits_approval(self) -> bool:
        return self.needs_approval and self.retention_approved_by_id is None

    @property
    def effective_retention(self) -> datetime.timedelta:
        """Return how long footage is kept: the retention, but at most 7 days until approved."""
        hours = self.retention_hours
        if self.retention_awaits_approval:
            hours = APPROVAL_RETENTION_HOURS
        return datetime.timedelta(hours=hours)


def purge_time(*, ends_at: datetime.datetime, retention: datetime.timedelta) -> datetime.datetime:
    """Return when footage that ends at ``ends_at`` must be deleted, in UTC.

    The sum is taken in UTC: adding hours to a Europe/Stockholm time would add wall-clock hours,
    one too few or too many across a daylight-saving change.
    """
    if timezone.is_naive(ends_at):
        raise ValueError("purge_time needs an aware datetime")
    return ends_at.astimezone(datetime.UTC) + retention


#: How long after its purge time footage may still exist before it counts as overdue.
PURGE_GRACE = datetime.timedelta(hours=1)

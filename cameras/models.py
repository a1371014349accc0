"""The camera register: cameras, the footage the municipality holds, disclosures to the police,
legal holds, deletion receipts, data subject requests.

Times are aware datetimes; the database keeps them in UTC, so a daylight-saving change never moves
a purge time.
"""

import datetime

from django.conf import settings
from django.contrib.gis.db import models
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Exists, OuterRef, Q
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


class FootageQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the footage of cameras in the municipalities ``user`` may see."""
        return self.filter(camera__in=Camera.objects.for_user(user))

    def kept(self):
        """Return the footage whose file has not been deleted yet."""
        return self.filter(purged_at__isnull=True)

    def with_hold(self):
        """Annotate ``on_hold``: whether a legal hold that is not released covers the footage."""
        return self.annotate(
            on_hold=Exists(LegalHold.objects.active().filter(footage=OuterRef("pk")))
        )

    def due(self, now):
        """Return kept footage whose purge time has come and that no legal hold covers."""
        return self.kept().with_hold().filter(purge_at__lte=now, on_hold=False)

    def overdue(self, now):
        """Return due footage still here more than an hour after its purge time (target: none)."""
        return self.due(now).filter(purge_at__lt=now - PURGE_GRACE)

    def upcoming(self, now):
        """Return kept footage whose purge time has not come yet, the next first."""
        return self.kept().with_hold().filter(purge_at__gt=now).order_by("purge_at")

    def failing(self):
        """Return kept footage whose last deletion attempt failed."""
        return self.kept().exclude(last_error="")


def footage_upload_to(footage, filename):
    """Return a storage name that says nothing about who is filmed: camera id and a random id."""
    import uuid
    from pathlib import PurePath

    suffix = PurePath(filename).suffix.lower()[:10]
    return f"footage/{footage.camera_id}/{uuid.uuid4().hex}{suffix}"


class Footage(models.Model):
    """A clip or export kept outside the video system, e.g. a sequence saved for the police."""

    camera = models.ForeignKey(
        Camera, on_delete=models.PROTECT, related_name="footage", verbose_name=_("camera")
    )
    recorded_from = models.DateTimeField(_("recorded from"))
    recorded_until = models.DateTimeField(_("recorded until"))
    file = models.FileField(_("file"), upload_to=footage_upload_to, max_length=200, blank=True)
    description = models.TextField(
        _("what it shows"), blank=True, help_text=_("Deleted together with the file.")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    purge_at = models.DateTimeField(_("purge time"), db_index=True)
    purged_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    delete_attempts = models.PositiveIntegerField(_("failed deletion attempts"), default=0)
    last_error = models.TextField(_("last deletion error"), blank=True)

    objects = FootageQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_until"]
        verbose_name = _("footage")
        verbose_name_plural = _("footage")
        constraints = [
            models.CheckConstraint(
                condition=Q(recorded_until__gte=models.F("recorded_from")),
                name="footage_span_order",
            ),
        ]

    def __str__(self):
        local = timezone.localtime(self.recorded_from)
        return f"{self.camera.name} {local:%Y-%m-%d %H:%M}"

    @property
    def is_purged(self) -> bool:
        return self.purged_at is not None


class LegalHoldQuerySet(models.QuerySet):
    def active(self):
        return self.filter(released_at__isnull=True)


class LegalHold(models.Model):
    """A pending police request that stops the purge of footage until it is released."""

    footage = models.ForeignKey(
        Footage, on_delete=models.PROTECT, related_name="holds", verbose_name=_("footage")
    )
    reason = models.TextField(_("reason"))
    police_reference = models.CharField(_("police request reference"), max_length=50, blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("set by"),
    )
    set_at = models.DateTimeField(_("set at"), default=timezone.now)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("released by"),
    )
    released_at = models.DateTimeField(_("released at"), null=True, blank=True)
    release_reason = models.TextField(_("reason for release"), blank=True)

    objects = LegalHoldQuerySet.as_manager()

    class Meta:
        ordering = ["-set_at"]
        verbose_name = _("legal hold")
        verbose_name_plural = _("legal holds")

    def __str__(self):
        return f"{self.footage}: {self.police_reference or self.reason[:40]}"

    @property
    def is_active(self) -> bool:
        return self.released_at is None


class DisclosureQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the disclosures of cameras in the municipalities ``user`` may see."""
        return self.filter(footage__camera__in=Camera.objects.for_user(user))


class Disclosure(models.Model):
    """A hand-over of footage to the police, recorded for every request."""

    footage = models.ForeignKey(
        Footage, on_delete=models.PROTECT, related_name="disclosures", verbose_name=_("footage")
    )
    police_reference = models.CharField(_("police request reference"), max_length=50)
    disclosed_on = models.DateField(_("handed over on"))
    handed_over_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("handed over by"),
    )
    recipient = models.CharField(_("received by"), max_length=150)
    what = models.TextField(_("what was handed over"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DisclosureQuerySet.as_manager()

    class Meta:
        ordering = ["-disclosed_on", "-created_at"]
        verbose_name = _("disclosure")
        verbose_name_plural = _("disclosures")

    def __str__(self):
        return f"{self.police_reference} ({self.disclosed_on})"


class DeletionReceipt(models.Model):
    """Proof that a footage file was deleted, without personal data: ids, times, size, digest."""

    footage = models.OneToOneField(
        Footage, on_delete=models.PROTECT, related_name="receipt", verbose_name=_("footage")
    )
    camera = models.ForeignKey(
        Camera, on_delete=models.PROTECT, related_name="+", verbose_name=_("camera")
    )
    recorded_from = models.DateTimeField(_("recorded from"))
    recorded_until = models.DateTimeField(_("recorded until"))
    purge_at = models.DateTimeField(_("purge time"))
    deleted_at = models.DateTimeField(_("deleted at"))
    file_size = models.PositiveBigIntegerField(_("size in bytes"), null=True)
    file_sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)

    class Meta:
        ordering = ["-deleted_at"]
        verbose_name = _("deletion receipt")
        verbose_name_plural = _("deletion receipts")

    def __str__(self):
        return f"#{self.footage_id} {self.deleted_at:%Y-%m-%d %H:%M}"

    @property
    def late(self) -> bool:
        """Return whether the file was deleted more than an hour after its purge time."""
        return self.deleted_at - self.purge_at > PURGE_GRACE


class ComplianceMailing(models.Model):
    """The monthly compliance e-mail of a municipality, so that it goes out once per month."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "month"], name="compliance_monthly"),
        ]


class DataSubjectRequestQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(municipality__in=Municipality.objects.for_user(user))

    def open(self):
        return self.filter(
            status__in=[DataSubjectRequest.Status.RECEIVED, DataSubjectRequest.Status.IN_PROGRESS]
        )


class DataSubjectRequest(models.Model):
    """A request for an extract (registerutdrag) or for erasure, to answer within a month."""

    class Kind(models.TextChoices):
        EXTRACT = "extract", _("Extract (registerutdrag)")
        ERASURE = "erasure", _("Erasure")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        REFUSED = "refused", _("Refused")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    reference = models.CharField(
        _("case reference"),
        max_length=50,
        help_text=_("The registry number (diarienummer); no names here."),
    )
    received_on = models.DateField(_("received on"))
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    cameras = models.ManyToManyField(
        Camera, blank=True, related_name="+", verbose_name=_("cameras")
    )
    note = models.TextField(_("note"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = DataSubjectRequestQuerySet.as_manager()

    class Meta:
        ordering = ["deadline"]
        verbose_name = _("data subject request")
        verbose_name_plural = _("data subject requests")

    def __str__(self):
        return f"{self.reference} ({self.get_kind_display()})"

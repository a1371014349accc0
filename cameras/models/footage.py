"""The footage the municipality holds outside the video system, with its legal holds and
disclosures to the police, and the receipts that its deletion leaves."""

from django.conf import settings
from django.contrib.gis.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cameras.models.register import PURGE_GRACE, Camera


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

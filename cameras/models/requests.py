"""Data subject requests about camera footage, and the monthly compliance mailings."""

from django.conf import settings
from django.contrib.gis.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cameras.models.register import Camera
from est.models import Municipality


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

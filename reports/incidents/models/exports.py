"""Exports too large to stream while the user waits: a worker writes the file, the user
downloads it when it is ready."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IncidentExportQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the exports ``user`` asked for: a file is only ever for the one who asked."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(requested_by=user)

    def expired(self, *, now=None):
        """Return the exports asked for longer ago than ``EXPORT_KEPT``."""
        return self.filter(created_at__lt=(now or timezone.now()) - settings.EXPORT_KEPT)


def export_path(export, filename):
    # A random folder: the file's name in storage says nothing and cannot be guessed.
    return f"exports/{uuid.uuid4().hex}/{filename}"


class IncidentExport(models.Model):
    """The filtered incidents written to a file in the background, for the user who asked."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel"
        GEOJSON = "geojson", "GeoJSON"

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for its turn")
        RUNNING = "running", _("Being written")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    #: The statuses while the file is still to come.
    RUNNING = (Status.QUEUED, Status.RUNNING)

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("requested by"),
    )
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    #: The incident list's filter, as its query string.
    query = models.CharField(_("filter"), max_length=2000, blank=True)
    #: The language of the column headers and labels: the one the user asked in.
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    row_count = models.PositiveIntegerField(_("incidents"), default=0)
    #: The municipalities whose incidents the file holds, for the access log of its downloads.
    municipality_ids = models.JSONField(_("municipalities"), default=list, blank=True)
    file = models.FileField(_("file"), upload_to=export_path, blank=True)
    created_at = models.DateTimeField(_("asked for at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    message = models.TextField(_("message"), blank=True)

    objects = IncidentExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("incident export")
        verbose_name_plural = _("incident exports")

    def __str__(self):
        return f"{self.get_format_display()} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def filename(self) -> str:
        """The name the download is saved under."""
        return f"incidents-{timezone.localtime(self.created_at):%Y-%m-%d}.{self.format}"

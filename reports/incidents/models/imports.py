"""Uploaded files of incidents, from preview to confirmation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from est.models import Municipality


class IncidentImportQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the imports into the municipalities ``user`` may see."""
        return self.filter(municipality__in=Municipality.objects.for_user(user))


def import_upload_path(incident_import, filename):
    return f"imports/{incident_import.municipality.code}/{filename}"


class IncidentImport(models.Model):
    """An uploaded file of incidents: kept from the preview until it is confirmed, and after, as
    the record of where the imported incidents came from. Never served to anyone."""

    class Status(models.TextChoices):
        CHECKING = "checking", _("Being checked")
        PREVIEW = "preview", _("Awaiting confirmation")
        WRITING = "writing", _("Being imported")
        IMPORTED = "imported", _("Imported")
        FAILED = "failed", _("Not imported")

    #: The statuses of a file whose incidents nobody has decided to keep.
    UNCONFIRMED = (Status.CHECKING, Status.PREVIEW, Status.FAILED)
    #: The statuses while a background job works on the file.
    RUNNING = (Status.CHECKING, Status.WRITING)

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="incident_imports",
        verbose_name=_("municipality"),
    )
    file = models.FileField(_("file"), upload_to=import_upload_path)
    original_name = models.CharField(_("file name"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PREVIEW
    )
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    error_count = models.PositiveIntegerField(_("rows with errors"), default=0)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    #: What the check found, kept so that the file is not checked again to show it: the first
    #: rows with errors (at most LISTED_ROWS) or, when there are none, the first rows.
    listed_rows = models.JSONField(_("rows listed"), default=list, blank=True)
    #: Why the file could not be read or written, for the user (a failed import).
    message = models.TextField(_("message"), blank=True)

    objects = IncidentImportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("incident import")
        verbose_name_plural = _("incident imports")

    def __str__(self):
        return f"{self.original_name} ({self.municipality})"

"""Photos of incidents."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reports.incidents.models.incident import Incident


def photo_upload_path(photo, filename):
    return f"incidents/{photo.incident.municipality.code}/{filename}"


class IncidentPhoto(models.Model):
    """A photo of an incident, re-encoded without EXIF (no GPS, no camera serial), with a thumbnail.

    Photos are not public: they are served through a view that checks the incident's scope.
    """

    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="photos", verbose_name=_("incident")
    )
    image = models.ImageField(
        _("photo"), upload_to=photo_upload_path, width_field="width", height_field="height"
    )
    thumbnail = models.ImageField(_("thumbnail"), upload_to=photo_upload_path)
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.image.name

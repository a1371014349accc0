"""The register of data subject requests: a person asks for an extract (registerutdrag) of, or
the erasure of, what the municipality holds about them. Shared by every app: what each holds is
found through ``est.data_subjects.registry``. The register itself keeps no names."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DataSubjectRequestQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the requests to the municipalities ``user`` may see."""
        from est.models import Municipality

        return self.filter(municipality__in=Municipality.objects.for_user(user))

    def open(self):
        """Return the requests not yet answered."""
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
        "est.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
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
    note = models.TextField(_("note"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    #: What an erasure removed, by holder (``registry``), as {key: count}: the answer to the person.
    erased = models.JSONField(_("erased"), default=dict, blank=True)
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

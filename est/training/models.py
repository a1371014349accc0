"""Reporter training: the sessions held, and each reporter's certification, which runs out.

Only a reporter with a certification valid today may file incidents; the situation picture counts
as silent only the reporters who were certified during its period.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class TrainingSessionQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the sessions held in the municipalities ``user`` may see."""
        from est.models import Municipality  # est.models imports this module

        return self.filter(municipality__in=Municipality.objects.for_user(user))


class TrainingSession(models.Model):
    """One reporter training: when, by whom, for which municipality."""

    municipality = models.ForeignKey(
        "est.Municipality",
        on_delete=models.PROTECT,
        related_name="training_sessions",
        verbose_name=_("municipality"),
    )
    held_on = models.DateField(_("held on"))
    trainer = models.CharField(_("trainer"), max_length=200)
    place = models.CharField(_("place"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TrainingSessionQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "-held_on", "pk"]
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")

    def __str__(self):
        return f"{self.held_on:%Y-%m-%d} {self.trainer}"


class CertificationQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date):
        """Return the certifications in force on ``day``."""
        return self.filter(certified_on__lte=day, expires_on__gte=day)

    def valid_during(self, first: datetime.date, last: datetime.date):
        """Return the certifications in force on at least one day from ``first`` to ``last``."""
        return self.filter(certified_on__lte=last, expires_on__gte=first)


class Certification(models.Model):
    """A reporter's right to file, from a training (or recorded by hand) until it expires."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="certifications",
        verbose_name=_("reporter"),
    )
    session = models.ForeignKey(
        TrainingSession,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certifications",
        verbose_name=_("training session"),
    )
    certified_on = models.DateField(_("certified on"))
    expires_on = models.DateField(_("expires on"))
    #: When the reporter and their coordinators were told it runs out soon: once per certification.
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CertificationQuerySet.as_manager()

    class Meta:
        ordering = ["user", "-expires_on", "pk"]
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__gt=models.F("certified_on")),
                name="certification_expires_after_start",
            ),
            models.UniqueConstraint(
                fields=["user", "session"],
                condition=Q(session__isnull=False),
                name="certification_once_per_session",
            ),
        ]

    def __str__(self):
        return f"{self.user} {self.certified_on:%Y-%m-%d}–{self.expires_on:%Y-%m-%d}"

"""Neighbourhood watch (grannsamverkan): the groups of residents who keep an eye on each other's
homes with the police, from a resident's interest to an active group with signs up, and their
contact persons, who are personal data kept only with consent and for a limited time."""

import secrets

from django.conf import settings
from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from est.models import Municipality


def contact_token() -> str:
    """Return a new unguessable token for a contact's withdraw link."""
    return secrets.token_urlsafe(24)


class WatchGroupQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the groups of the municipalities ``user`` may see."""
        return self.filter(municipality__in=Municipality.objects.for_user(user))

    def active(self):
        """Return the groups that watch now."""
        return self.filter(status=WatchGroup.Status.ACTIVE)


class WatchGroup(models.Model):
    """One neighbourhood watch: a street or an area, its households and where it stands."""

    class Status(models.TextChoices):
        INTEREST = "interest", _("Interest")
        PLANNED = "planned", _("Start meeting planned")
        # A context of its own: "Active" elsewhere means a system in operation.
        ACTIVE = "active", pgettext_lazy("neighbourhood watch", "Active")
        PAUSED = "paused", _("Paused")
        ENDED = "ended", _("Ended")

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="watch_groups",
        verbose_name=_("municipality"),
    )
    place = models.CharField(_("street or area"), max_length=200)
    #: The area watched; drawn by the resident or later by the coordinator.
    area = models.PolygonField(_("area"), srid=settings.STORAGE_SRID, null=True, blank=True)
    households = models.PositiveIntegerField(_("number of households"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.INTEREST
    )
    start_meeting_on = models.DateField(_("start meeting"), null=True, blank=True)
    material_given_on = models.DateField(_("information material given"), null=True, blank=True)
    signs_count = models.PositiveIntegerField(_("signs put up"), default=0)
    signs_put_up_on = models.DateField(_("signs put up on"), null=True, blank=True)
    #: When the group last ended: its contacts are deleted WATCH_CONTACT_KEPT_MONTHS later.
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    objects = WatchGroupQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "place"]
        verbose_name = _("neighbourhood watch group")
        verbose_name_plural = _("neighbourhood watch groups")

    def __str__(self):
        return self.place


class WatchContactQuerySet(models.QuerySet):
    def current(self):
        """Return the contacts who have not withdrawn."""
        return self.filter(withdrawn_at__isnull=True)


class WatchContact(models.Model):
    """A contact person of a group: personal data, kept with recorded consent until
    WATCH_CONTACT_KEPT_MONTHS after they withdraw or the group ends."""

    group = models.ForeignKey(
        WatchGroup, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("group")
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    #: The consent as the person read it, and when they gave it.
    consent_text = models.TextField(_("consent"))
    consented_at = models.DateTimeField(_("consent given"))
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=contact_token, editable=False)

    objects = WatchContactQuerySet.as_manager()

    class Meta:
        ordering = ["group", "name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return self.name


class WatchLetter(models.Model):
    """A letter the coordinator sent a group's contact persons, as it was sent."""

    group = models.ForeignKey(
        WatchGroup, on_delete=models.CASCADE, related_name="letters", verbose_name=_("group")
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("letter"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: Set by the task once the mails went; a second run finds it set and sends nothing.
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("letter to contact persons")
        verbose_name_plural = _("letters to contact persons")

    def __str__(self):
        return self.subject

"""Residents' tips about unsafe places: where, what kind of place, what they saw, an optional
photo and an optional e-mail address for news of the tip; and what the coordinator decided."""

import secrets
import uuid

from django.conf import settings
from django.contrib.gis.db import models
from django.contrib.gis.db.models.functions import Transform
from django.contrib.gis.measure import D
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from est.models import Municipality

from ..measures.models import Measure


def tip_token() -> str:
    """Return a new unguessable token for a tip's public status page."""
    return secrets.token_urlsafe(24)


def tip_photo_path(tip, filename):
    return f"tips/{tip.municipality.code}/{filename}"


def tip_held_photo_path(tip, filename):
    # Apart from the cleaned photos, and named by a fresh key, not by the phone's file name.
    return f"tips-held/{tip.municipality.code}/{uuid.uuid4().hex}"


def tip_map_labels() -> dict:
    """Return the names of the categories and statuses by code, for the maps' tooltips."""
    return {"category": dict(Tip.Category.choices), "status": dict(Tip.Status.choices)}


class TipQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the tips of the municipalities ``user`` may see."""
        return self.filter(municipality__in=Municipality.objects.for_user(user))

    def awaiting(self):
        """Return the tips nobody has decided on yet."""
        return self.filter(status=Tip.Status.NEW)

    def published(self):
        """Return the tips the coordinator approved for the public map, merged ones left out
        (the earlier tip stands for them)."""
        return self.filter(published=True).exclude(status=Tip.Status.MERGED)

    def near(self, tip, metres: int):
        """Return the other tips of ``tip``'s municipality within ``metres`` of it that are not
        merged into another: the candidates for a duplicate."""
        return (
            self.filter(
                municipality_id=tip.municipality_id,
                position__dwithin=(tip.position, D(m=metres)),
                merged_into__isnull=True,
            )
            .exclude(pk=tip.pk)
            .exclude(status=Tip.Status.MERGED)
        )

    def settled(self):
        """Return the tips nothing more will happen to: closed, merged, or passed on as a
        measure that is done or rejected (Open311's "closed")."""
        return self.filter(
            Q(status__in=Tip.SETTLED_STATUSES)
            | Q(status=Tip.Status.MEASURE, measure__status__in=Measure.CLOSED_STATUSES)
        )

    def unsettled(self):
        """Return the tips not ``settled`` (Open311's "open")."""
        return self.exclude(pk__in=self.settled().values("pk"))

    def with_map_position(self):
        """Annotate ``map_position``: the position in the maps' SRID (WGS 84)."""
        return self.annotate(map_position=Transform("position", settings.MAP_SRID))


class Tip(models.Model):
    """One resident's tip about a place that feels unsafe."""

    class Category(models.TextChoices):
        DARK_PATH = "dark_path", _("Dark path")
        BUSHES = "bushes", _("Overgrown bushes")
        LIGHTING = "lighting", _("Broken lighting")
        VANDALISM = "vandalism", _("Vandalism")
        GATHERING = "gathering", _("People gather and cause unease")
        TRAFFIC = "traffic", _("Traffic danger")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        NEW = "new", _("Received")
        RECORDED = "recorded", _("Recorded as an incident")
        MEASURE = "measure", _("Passed on as a measure")
        MERGED = "merged", _("Merged with an earlier tip")
        CLOSED = "closed", _("Closed")

    SETTLED_STATUSES = (Status.MERGED, Status.CLOSED)

    class Source(models.TextChoices):
        FORM = "form", _("The tip form")
        OPEN311 = "open311", _("Open311")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="tips", verbose_name=_("municipality")
    )
    category = models.CharField(_("what kind of place"), max_length=20, choices=Category.choices)
    description = models.TextField(_("what you noticed"))
    position = models.PointField(_("position"), srid=settings.STORAGE_SRID)
    place_name = models.CharField(_("address or place"), max_length=200, blank=True)
    photo = models.ImageField(_("photo"), upload_to=tip_photo_path, blank=True)
    #: The photo as it came, with its EXIF: never served, cleaned into ``photo`` by a worker
    #: (dialogues/tips/photos.py) and then deleted.
    photo_original = models.FileField(
        _("photo as sent"), upload_to=tip_held_photo_path, blank=True, editable=False
    )
    #: When a worker took the original to clean it; a claim this old is taken over.
    photo_claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    #: Personal data, given for news of the tip only; erased by beat (tips_emails_erase).
    email = models.EmailField(_("e-mail address"), blank=True)
    token = models.CharField(max_length=64, unique=True, default=tip_token, editable=False)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.FORM)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    close_reason = models.TextField(_("why it is closed"), blank=True)
    published = models.BooleanField(_("shown on the public map"), default=False)
    incident = models.ForeignKey(
        "reports.Incident",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tips",
        verbose_name=_("incident"),
    )
    measure = models.ForeignKey(
        "dialogues.Measure",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tips",
        verbose_name=_("measure"),
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged",
        verbose_name=_("merged into"),
    )
    #: The status the tipper was last told of: a status mail is claimed by setting it, so a
    #: task run twice mails once.
    mailed_status = models.CharField(max_length=10, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TipQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("tip")
        verbose_name_plural = _("tips")
        indexes = [
            models.Index(fields=["municipality", "status", "created_at"], name="tip_status"),
            models.Index(
                fields=["municipality", "created_at"],
                condition=Q(published=True),
                name="tip_published",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="closed") | ~Q(close_reason=""), name="tip_closed_has_reason"
            ),
            models.CheckConstraint(
                condition=~Q(status="merged") | Q(merged_into__isnull=False),
                name="tip_merged_has_target",
            ),
        ]

    def __str__(self):
        return f"{self.get_category_display()} ({self.created_at:%Y-%m-%d})"

    @property
    def is_open(self) -> bool:
        """Return whether something may still happen to the tip (see ``settled``)."""
        if self.status in self.SETTLED_STATUSES:
            return False
        return not (self.status == self.Status.MEASURE and self.measure.is_closed)


#: Tips within this distance of another are offered as its duplicates.
DUPLICATE_METRES = 150


def tip_duplicate_candidates(tip: Tip):
    """Return the tips near ``tip`` that it may repeat, the earliest first."""
    return Tip.objects.near(tip, DUPLICATE_METRES).order_by("created_at")

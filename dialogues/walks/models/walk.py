"""Safety walks (trygghetsvandringar): residents, the municipality, the housing companies and the
police walk an area together and note what makes it feel unsafe. The walk as planned and
announced; what is recorded on it is in ``findings``."""

from django.conf import settings
from django.contrib.gis.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from est.announced_events import AnnouncedEvent, AnnouncedEventQuerySet
from est.models import Area, Municipality, Organisation


class SafetyWalkQuerySet(AnnouncedEventQuerySet):
    def for_user(self, user):
        """Return the walks of the municipalities ``user`` may see, in every state."""
        return self.filter(municipality__in=Municipality.objects.for_user(user))

    def with_progress(self):
        """Annotate ``finding_count``, ``measures_done`` and ``measures_open``: what the walk
        found and how far the measures for it have come."""
        closed = ("done", "rejected")
        return self.annotate(
            finding_count=Count("findings", distinct=True),
            measures_done=Count(
                "findings__measures", filter=Q(findings__measures__status="done"), distinct=True
            ),
            measures_open=Count(
                "findings__measures",
                filter=~Q(findings__measures__status__in=closed),
                distinct=True,
            ),
        )

    def held(self, now):
        """Return the walks that took place (announced and not cancelled) and ended by ``now``."""
        return self.filter(status=SafetyWalk.Status.PUBLISHED, ends_at__lte=now)


class SafetyWalk(AnnouncedEvent):
    """One planned safety walk: where and when it starts, the route, who is invited (the time
    and the announcement's workflow are ``AnnouncedEvent``'s)."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="safety_walks",
        verbose_name=_("municipality"),
    )
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="safety_walks",
        verbose_name=_("area"),
    )
    title = models.CharField(_("title"), max_length=200)
    meeting_place = models.CharField(
        _("meeting place"), max_length=200, help_text=_("Where to meet, in words.")
    )
    meeting_point = models.PointField(_("meeting point"), srid=settings.STORAGE_SRID)
    route = models.LineStringField(_("route"), srid=settings.STORAGE_SRID, null=True, blank=True)
    partners = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="safety_walks",
        verbose_name=_("invited partners"),
    )
    expected_participants = models.PositiveSmallIntegerField(
        _("expected participants"), null=True, blank=True
    )
    announcement = models.TextField(_("announcement"), help_text=_("What residents read."))
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("The route's length, slopes and steps, and what help there is."),
    )
    how_to_take_part = models.TextField(_("how to take part"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SafetyWalkQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "starts_at", "pk"]
        verbose_name = _("safety walk")
        verbose_name_plural = _("safety walks")
        indexes = [models.Index(fields=["municipality", "ends_at"], name="walk_municipality_end")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="walk_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="walk_announced_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="cancelled") | ~Q(cancellation_reason=""),
                name="walk_cancelled_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.starts_at:%Y-%m-%d})"

    def is_held(self, now) -> bool:
        """Return whether the walk took place (announced, not cancelled) and ended by ``now``."""
        return self.status == self.Status.PUBLISHED and self.ends_at <= now

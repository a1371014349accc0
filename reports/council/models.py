"""What steers the work: the priorities the management group decides on an adopted tertial
analysis, which every situation picture of the following tertial shows and follows."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from est.models import Municipality
from reports.analysis.weeks import HOURS_IN_WEEK


class PriorityQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def for_user(self, user):
        """Return the priorities of the municipalities ``user`` may see."""
        return self.filter(municipality__in=Municipality.objects.for_user(user))

    def decided_on(self, tertial):
        """Return the priorities decided on ``tertial``'s adopted analysis: its newest adopted
        version (an older adopted version was replaced by the newer decision)."""
        # The analysis model through the field, not an import: the situation pictures read the
        # priorities, and must not import the tertial, which reads them.
        analyses = self.model._meta.get_field("analysis").related_model.objects
        adopted = (
            analyses.of(tertial)
            .filter(status="adopted", municipality=models.OuterRef("municipality"))
            .order_by("-version")
            .values("pk")[:1]
        )
        return self.filter(analysis=models.Subquery(adopted))


class Priority(models.Model):
    """A direction for the coming tertial: a place, a time or a problem to work on.

    Each optionally narrows to an area, a category and a window of weekdays and hours (the
    end hour is exclusive and may pass midnight: 21–03 is 21:00 to 03:00 the next morning).
    """

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="priorities"
    )
    analysis = models.ForeignKey(
        "reports.TertialAnalysis",
        on_delete=models.PROTECT,
        related_name="priorities",
        verbose_name=_("decided on"),
    )
    title = models.CharField(_("priority"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    area = models.ForeignKey(
        "est.Area",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="priorities",
        verbose_name=_("area"),
    )
    category = models.ForeignKey(
        "reports.Category",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="priorities",
        verbose_name=_("category"),
    )
    weekdays = ArrayField(
        models.PositiveSmallIntegerField(), blank=True, default=list, verbose_name=_("weekdays")
    )
    start_hour = models.PositiveSmallIntegerField(_("from hour"), null=True, blank=True)
    end_hour = models.PositiveSmallIntegerField(_("until hour"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PriorityQuerySet.as_manager()

    class Meta:
        ordering = ["analysis", "pk"]
        verbose_name = _("priority")
        verbose_name_plural = _("priorities")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_hour__isnull=True, end_hour__isnull=True)
                | Q(start_hour__lte=23, end_hour__lte=23, start_hour__isnull=False)
                & ~Q(start_hour=models.F("end_hour")),
                name="priority_hours",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def has_window(self) -> bool:
        return bool(self.weekdays) or self.start_hour is not None

    @property
    def slots(self) -> frozenset[int]:
        """Return the hours of the week the priority covers (0 = Monday 00–01), every hour
        when it has no window. Hours after midnight belong to the next morning."""
        days = self.weekdays or range(7)
        if self.start_hour is None:
            return frozenset(day * 24 + hour for day in days for hour in range(24))
        span = (self.end_hour - self.start_hour) % 24
        return frozenset(
            (day * 24 + self.start_hour + offset) % HOURS_IN_WEEK
            for day in days
            for offset in range(span)
        )

"""The action plan (handlingsplan): the council's plan for the term with measurable goals, each
measured by an indicator the product computes (est.indicators), and the activities of each
year's action plan tied to those goals, with the organisation that owns each.

The term's plan and each year's action plan (the law, lag 2023:196, asks for one a year) are
adopted on their own, as versioned documents like the tertial analysis: an adopted version is
frozen, and a change is a new draft version that copies it. The term's plan holds the goals; a
year's action plan holds that year's activities. A new version of the term's plan copies the
goals and the newest version of each year's action plan with its activities.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from est.documents import VersionedDocument
from est.models import Municipality, Organisation
from est.periods import Tertial
from est.roles import has_permission
from reports.permissions import PLAN_VIEW


class ActionPlanQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return every version of the plans of ``user``'s municipalities, for those holding
        ``plan.view``; none for anyone else."""
        if not user.is_authenticated or not has_permission(user, PLAN_VIEW):
            return self.none()
        return self.filter(municipality__in=Municipality.objects.for_user(user))

    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def current(self):
        """Return only the newest version of each plan."""
        return self.filter(superseded_by__isnull=True)

    def covering(self, year: int):
        """Return the plans whose term includes ``year``."""
        return self.filter(first_year__lte=year, last_year__gte=year)


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ADOPTED = "adopted", _("Adopted")


class AdoptedDocument(VersionedDocument):
    """A version the council adopts (a term's plan, a year's action plan): a draft until then,
    frozen after, and a change is a new version that ``supersedes`` it."""

    Status = PlanStatus
    FROZEN_STATUSES = (PlanStatus.ADOPTED,)

    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    decision = models.TextField(_("decision"), blank=True)
    superseded_by = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
        editable=False,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True

    @property
    def is_current(self) -> bool:
        """Return whether this is the newest version, which alone may still change."""
        return self.superseded_by_id is None


class ActionPlan(AdoptedDocument):
    """A municipality's plan for a term (e.g. 2023–2026), in one version."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="action_plans",
        verbose_name=_("municipality"),
    )
    first_year = models.PositiveSmallIntegerField(_("first year of the term"))
    last_year = models.PositiveSmallIntegerField(_("last year of the term"))
    title = models.CharField(_("title"), max_length=200)

    objects = ActionPlanQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "-first_year", "-version"]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "first_year", "version"],
                name="action_plan_unique_version",
            ),
            models.CheckConstraint(
                condition=Q(last_year__gte=models.F("first_year"))
                & Q(last_year__lte=models.F("first_year") + 7),
                name="action_plan_term",
            ),
            models.CheckConstraint(
                condition=~Q(status="adopted") | Q(adopted_on__isnull=False),
                name="action_plan_adopted_on",
            ),
        ]

    def __str__(self):
        return f"{self.title} v{self.version}"

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.last_year + 1))

    @property
    def tertials(self) -> list[Tertial]:
        """Return every tertial of the term, oldest first."""
        return [Tertial(year, number) for year in self.years for number in (1, 2, 3)]

    @property
    def filename(self) -> str:
        from django.utils.text import slugify

        name = slugify(self.municipality.name)
        return f"handlingsplan-{name}-{self.first_year}-{self.last_year}-v{self.version}.pdf"


class Goal(models.Model):
    """A measurable goal of the plan: an indicator, its baseline, and the target by a date."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="goals")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("goal"), max_length=200)
    indicator = models.CharField(_("indicator"), max_length=40)
    categories = models.ManyToManyField(
        "reports.Category", blank=True, related_name="+", verbose_name=_("categories")
    )
    areas = models.ManyToManyField(
        "est.Area", blank=True, related_name="+", verbose_name=_("areas")
    )
    baseline_value = models.FloatField(_("baseline"))
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"))
    baseline_tertial = models.PositiveSmallIntegerField(_("baseline tertial"))
    target_value = models.FloatField(_("target"))
    target_on = models.DateField(_("target date"))

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="goal_number_once"),
            models.CheckConstraint(
                condition=Q(baseline_tertial__gte=1, baseline_tertial__lte=3),
                name="goal_baseline_tertial",
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def baseline_period(self) -> Tertial:
        return Tertial(self.baseline_year, self.baseline_tertial)


class YearPlanQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the year plans of the plans ``user`` may read (ActionPlan.for_user)."""
        return self.filter(plan__in=ActionPlan.objects.for_user(user))

    def current(self):
        """Return only the newest version of each year's action plan."""
        return self.filter(superseded_by__isnull=True)


class YearPlan(AdoptedDocument):
    """One year's action plan (årets handlingsplan) in one version: the year's activities of a
    version of the term's plan, adopted by the council on their own."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="year_plans")
    year = models.PositiveSmallIntegerField(_("year"))

    objects = YearPlanQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "year", "-version"]
        verbose_name = _("year's action plan")
        verbose_name_plural = _("years' action plans")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "year", "version"], name="year_plan_unique_version"
            ),
            models.CheckConstraint(
                condition=~Q(status="adopted") | Q(adopted_on__isnull=False),
                name="year_plan_adopted_on",
            ),
        ]

    def __str__(self):
        return f"{self.plan.title} {self.year} v{self.version}"

    @property
    def filename(self) -> str:
        from django.utils.text import slugify

        name = slugify(self.plan.municipality.name)
        return f"handlingsplan-{name}-{self.year}-v{self.version}.pdf"


class Activity(models.Model):
    """One activity of a year's action plan, tied to a goal, owned by an organisation. ``plan``
    and ``year`` repeat the year plan's, so that the term's plan reads all of its activities in
    one query."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        UNDER_WAY = "under_way", _("Under way")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="activities")
    year_plan = models.ForeignKey(YearPlan, on_delete=models.CASCADE, related_name="activities")
    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, related_name="activities", verbose_name=_("goal")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("activity"), max_length=200)
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )

    class Meta:
        ordering = ["plan", "year", "goal__number", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self):
        return self.title

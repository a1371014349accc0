"""Citizen dialogues (medborgardialoger): the municipality and the police meet residents at an
occasion, count who came, and note the views they heard; each view has a theme from the
municipality's list, and each theme gets a response per year that residents read."""

from django.conf import settings
from django.contrib.gis.db import models
from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _

from est.announced_events import AnnouncedEvent, AnnouncedEventQuerySet
from est.models import Municipality, Organisation


class DialogueOccasionQuerySet(AnnouncedEventQuerySet):
    def for_user(self, user):
        """Return the occasions of the municipalities ``user`` may see, in every state."""
        return self.filter(municipality__in=Municipality.objects.for_user(user))

    def in_year(self, year: int):
        return self.filter(starts_at__year=year)


class DialogueOccasion(AnnouncedEvent):
    """One occasion where residents are asked how safe they feel and what worries them (the
    time and the announcement's workflow are ``AnnouncedEvent``'s)."""

    class Format(models.TextChoices):
        STAND = "stand", _("Stand at a market or school")
        MEETING = "meeting", _("Open meeting")
        WALK_IN = "walk_in", _("Walk-in")
        ONLINE = "online", _("Online")

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="dialogue_occasions",
        verbose_name=_("municipality"),
    )
    title = models.CharField(_("title"), max_length=200)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    place = models.CharField(
        _("place"), max_length=200, help_text=_("Where, in words; for an online occasion, how.")
    )
    #: None for an online occasion, which happens nowhere on the map.
    point = models.PointField(_("place on the map"), srid=settings.STORAGE_SRID, null=True)
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="dialogue_occasions", verbose_name=_("partners")
    )
    announcement = models.TextField(_("announcement"), help_text=_("What residents read."))
    #: The staff's own notes of the occasion: never on a public page.
    notes = models.TextField(_("notes (staff only)"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DialogueOccasionQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "starts_at", "pk"]
        verbose_name = _("dialogue occasion")
        verbose_name_plural = _("dialogue occasions")
        indexes = [
            models.Index(fields=["municipality", "ends_at"], name="occasion_municipality_end")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="occasion_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="occasion_announced_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="cancelled") | ~Q(cancellation_reason=""),
                name="occasion_cancelled_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(format="online", point__isnull=True)
                | (~Q(format="online") & Q(point__isnull=False)),
                name="occasion_point_unless_online",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.starts_at:%Y-%m-%d})"


class Attendance(models.Model):
    """How many of a group came to an occasion: a count, never who."""

    class Group(models.TextChoices):
        YOUNG = "young", _("Children and young people (under 18)")
        ADULTS = "adults", _("Adults (18–64)")
        OLDER = "older", _("Older people (65 and over)")
        UNKNOWN = "unknown", _("Age not noted")

    occasion = models.ForeignKey(
        DialogueOccasion, on_delete=models.CASCADE, related_name="attendance"
    )
    group = models.CharField(_("group"), max_length=20, choices=Group.choices)
    count = models.PositiveIntegerField(_("how many"))

    class Meta:
        ordering = ["occasion", "group"]
        constraints = [
            models.UniqueConstraint(fields=["occasion", "group"], name="attendance_once_per_group")
        ]


class DialogueTheme(models.Model):
    """A theme of the municipality's list, which the views are sorted under."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="dialogue_themes"
    )
    code = models.SlugField(max_length=40)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    #: A retired theme keeps its views; new views can't take it.
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["municipality", "position", "name"]
        verbose_name = _("dialogue theme")
        verbose_name_plural = _("dialogue themes")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "code"], name="dialogue_theme_code_once"
            )
        ]

    def __str__(self):
        return self.name


class DialogueViewQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the views of the occasions of the municipalities ``user`` may see."""
        return self.filter(occasion__in=DialogueOccasion.objects.for_user(user))

    def theme_totals(self):
        """Return per theme id how many raised it: ``{theme_id: sum of raised_by}``."""
        rows = self.values("theme_id").annotate(total=Sum("raised_by")).order_by()
        return {row["theme_id"]: row["total"] for row in rows}


class DialogueView(models.Model):
    """One thing residents said at an occasion, and how many of them raised it. The text is
    for the staff: residents read the themes, their counts and the responses only."""

    occasion = models.ForeignKey(DialogueOccasion, on_delete=models.CASCADE, related_name="views")
    theme = models.ForeignKey(
        DialogueTheme, on_delete=models.PROTECT, related_name="views", verbose_name=_("theme")
    )
    text = models.TextField(_("what was said"))
    point = models.PointField(
        _("place on the map"), srid=settings.STORAGE_SRID, null=True, blank=True
    )
    raised_by = models.PositiveIntegerField(_("how many raised it"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DialogueViewQuerySet.as_manager()

    class Meta:
        ordering = ["occasion", "pk"]
        verbose_name = _("view")
        verbose_name_plural = _("views")
        constraints = [
            models.CheckConstraint(condition=Q(raised_by__gte=1), name="view_raised_by_someone")
        ]


class ThemeResponseQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(theme__municipality=municipality)


class ThemeResponse(models.Model):
    """What the municipality did about a theme in a year, with the reason residents read."""

    class Kind(models.TextChoices):
        FOCUS_AREA = "focus_area", _("Taken up as a focus area of the pledges")
        MEASURE = "measure", _("Passed to an organisation as a measure")
        ADDRESSED = "addressed", _("Already addressed")
        NOT_TAKEN_UP = "not_taken_up", _("Not taken up")

    theme = models.ForeignKey(DialogueTheme, on_delete=models.CASCADE, related_name="responses")
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("response"), max_length=20, choices=Kind.choices)
    reason = models.TextField(_("reason"))
    focus_area = models.ForeignKey(
        "dialogues.FocusArea",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="theme_responses",
        verbose_name=_("focus area"),
    )
    measure = models.ForeignKey(
        "dialogues.Measure",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="theme_responses",
        verbose_name=_("measure"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ThemeResponseQuerySet.as_manager()

    class Meta:
        ordering = ["theme__position", "theme__name"]
        verbose_name = _("theme response")
        verbose_name_plural = _("theme responses")
        constraints = [
            models.UniqueConstraint(fields=["theme", "year"], name="theme_response_once_a_year"),
            models.CheckConstraint(condition=~Q(reason=""), name="theme_response_has_reason"),
        ]

    def __str__(self):
        return f"{self.theme} {self.year}: {self.get_kind_display()}"

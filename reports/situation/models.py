"""Situation pictures (lägesbilder): the fortnightly compiled picture of a municipality.

A picture's content is a JSON snapshot compiled from SQL aggregates (reports.situation.compile), so
the page and the PDF render from the snapshot and never recount.
"""

import datetime

from django.conf import settings
from django.contrib.gis.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from est.documents import CompiledDocument
from est.models import Municipality, Organisation
from est.roles import has_permission
from reports.permissions import SITUATION_EDIT, SITUATION_VIEW


class SituationPictureQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the pictures ``user`` may read.

        Those who edit pictures (coordinators, administrators) read every picture of their
        municipalities; others holding ``situation.view`` (the police, the council) read
        published ones; a member of an organisation a published picture was shared with reads
        that picture; staff of the municipality's working group also read its drafts.
        """
        if not user.is_authenticated:
            return self.none()
        mine = self.filter(municipality__in=Municipality.objects.for_user(user))
        if has_permission(user, SITUATION_EDIT):
            return mine
        published = mine.filter(status=SituationPicture.Status.PUBLISHED)
        if user.organisation_id is not None:
            # The working group reads its municipalities' drafts, to add to them.
            # A subquery, not a join: joined, a published picture would come once per member.
            drafts = mine.exclude(status=SituationPicture.Status.PUBLISHED).filter(
                municipality__in=WorkingGroupMember.objects.filter(
                    organisation=user.organisation_id
                ).values("municipality")
            )
        else:
            drafts = self.none()
        if has_permission(user, SITUATION_VIEW):
            return published | drafts
        if user.organisation_id is None:
            return self.none()
        return published.filter(shared_with=user.organisation_id) | drafts

    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def current(self):
        """Return only the latest version of each municipality's period."""
        return self.filter(superseded_by__isnull=True)

    def published(self):
        return self.filter(status=SituationPicture.Status.PUBLISHED)


class SituationPicture(CompiledDocument):
    """One municipality's picture of one 14-day period, in one version.

    Compiling is claimed through ``compile_state``: the beat task creates the picture QUEUED,
    a worker moves it to RUNNING with a conditional update, so the same picture is never
    compiled twice at once and never created twice (unique municipality, period, version).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("Ready for review")
        PUBLISHED = "published", _("Published")

    FROZEN_STATUSES = (Status.PUBLISHED,)

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="situation_pictures",
        verbose_name=_("municipality"),
    )
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"), help_text=_("The first day after the period."))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    analysis = models.TextField(
        _("analysis"), blank=True, help_text=_("The coordinator's analysis (formatted text).")
    )
    problems = models.TextField(
        _("problems identified"), blank=True, help_text=_("The problem picture (problembild).")
    )
    shared_with = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="situation_pictures",
        verbose_name=_("shared with"),
        help_text=_("Organisations that are told and may read the picture once it is published."),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = SituationPictureQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "-period_start", "-version"]
        verbose_name = _("situation picture")
        verbose_name_plural = _("situation pictures")
        indexes = [
            models.Index(fields=["municipality", "period_start"], name="situation_municipality"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "period_start", "version"],
                name="situation_picture_unique_version",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gt=models.F("period_start")),
                name="situation_picture_period_order",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="situation_picture_published_at",
            ),
        ]

    def __str__(self):
        return f"{self.municipality} {self.period_start:%Y-%m-%d} v{self.version}"

    @property
    def last_day(self):
        """Return the period's last day (``period_end`` is the first day after it)."""
        return self.period_end - datetime.timedelta(days=1)


class InterventionQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def decided_before(self, day):
        """Return the interventions decided in pictures of periods that started before ``day``."""
        return self.filter(decided_in__period_start__lt=day)


class Intervention(models.Model):
    """An intervention (insats) decided at a situation picture: what, where, when and who.

    The place is one of the municipality's areas, picked or drawn in the intervention's form
    (a drawn one becomes an area of kind "intervention area", so it shows on the maps and can
    be picked again); an optional comparison area is what the tertial analysis compares the
    place with. The incidents that motivated it are linked.
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        DONE = "done", _("Carried out")
        NOT_DONE = "not_done", _("Not carried out")

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="interventions",
        verbose_name=_("municipality"),
    )
    decided_in = models.ForeignKey(
        SituationPicture,
        on_delete=models.PROTECT,
        related_name="interventions",
        verbose_name=_("decided in"),
    )
    what = models.CharField(_("what"), max_length=200)
    problem = models.TextField(_("problem"), blank=True)
    area = models.ForeignKey(
        "est.Area",
        on_delete=models.PROTECT,
        related_name="interventions",
        verbose_name=_("where"),
    )
    comparison_area = models.ForeignKey(
        "est.Area",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="compared_interventions",
        verbose_name=_("comparison area"),
        help_text=_("Without one, the effect is judged against the rest of the municipality."),
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    times = models.CharField(
        _("times"), max_length=100, blank=True, help_text=_("For example: Fri–Sat 21–03.")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="interventions",
        verbose_name=_("owning organisation"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    incidents = models.ManyToManyField(
        "reports.Incident",
        blank=True,
        related_name="interventions",
        verbose_name=_("motivating incidents"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InterventionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="intervention_period_order"
            ),
        ]

    def __str__(self):
        return self.what


class WorkingGroupMemberQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)


class WorkingGroupMember(models.Model):
    """An organisation the coordinator named to the municipality's working group (the police,
    culture and leisure, the housing companies): its staff read draft pictures and add their
    observations and comments until the picture is published."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="working_group",
        verbose_name=_("municipality"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="working_groups",
        verbose_name=_("organisation"),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    objects = WorkingGroupMemberQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "organisation__name"]
        verbose_name = _("working group member")
        verbose_name_plural = _("working group members")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "organisation"], name="working_group_member_unique"
            ),
        ]

    def __str__(self):
        return f"{self.municipality}: {self.organisation}"


class Observation(models.Model):
    """What a working-group member added to a draft picture: an observation of their own
    organisation (what the police see that the data does not show) or a comment on the
    coordinator's analysis. The coordinator's text is never changed by it."""

    class Kind(models.TextChoices):
        OBSERVATION = "observation", _("Observation")
        COMMENT = "comment", _("Comment on the analysis")

    picture = models.ForeignKey(
        SituationPicture,
        on_delete=models.CASCADE,
        related_name="observations",
        verbose_name=_("situation picture"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="observations",
        verbose_name=_("organisation"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "created_at", "pk"]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")

    def __str__(self):
        return f"{self.organisation}: {self.text[:40]}"


class PictureMeeting(models.Model):
    """The record of the working group's meeting on a picture: when, which organisations came,
    what was said. The interventions it decided are the picture's own (Intervention.decided_in)."""

    picture = models.OneToOneField(
        SituationPicture,
        on_delete=models.CASCADE,
        related_name="meeting_record",
        verbose_name=_("situation picture"),
    )
    held_on = models.DateField(_("date of the meeting"))
    # By organisation, not by person: the record says who took part without naming anyone.
    organisations = models.ManyToManyField(
        Organisation, related_name="+", verbose_name=_("organisations present")
    )
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meeting record")
        verbose_name_plural = _("meeting records")

    def __str__(self):
        return f"{self.picture}: {self.held_on}"

"""Citizen pledges (medborgarlöften): the agreement they build on, their focus areas,
activities and dated progress, and residents' comments on them."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from est.documents import VersionedDocument
from est.models import Area, Municipality

from . import progress


class AgreementQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the agreements of the municipalities ``user`` may see."""
        return self.filter(municipality__in=Municipality.objects.for_user(user))

    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)


class CooperationAgreement(models.Model):
    """The cooperation agreement (samverkansöverenskommelse) between municipality and police."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="cooperation_agreements",
        verbose_name=_("municipality"),
    )
    title = models.CharField(_("title"), max_length=200)
    signed_on = models.DateField(_("signed on"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    document_url = models.URLField(_("link to the agreement"), blank=True)
    #: When the coordinators were told that the agreement is due for renewal (once per date).
    renewal_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "-signed_on"]
        verbose_name = _("cooperation agreement")
        verbose_name_plural = _("cooperation agreements")

    def __str__(self):
        return f"{self.title} ({self.signed_on:%Y})"


class AgreementCommitment(models.Model):
    """One commitment of the agreement: who (the municipality, the police, a partner), what,
    by when, and how far it has come."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        DONE = "done", _("Carried out")
        NOT_DONE = "not_done", _("Not carried out")

    agreement = models.ForeignKey(
        CooperationAgreement,
        on_delete=models.CASCADE,
        related_name="commitments",
        verbose_name=_("agreement"),
    )
    party = models.CharField(
        _("who"), max_length=150, help_text=_("For example: the police, the municipality.")
    )
    what = models.TextField(_("what"))
    due_on = models.DateField(_("by when"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )

    class Meta:
        ordering = ["agreement", "due_on", "pk"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self):
        return f"{self.party}: {self.what[:40]}"


class PledgeQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the pledges of the municipalities ``user`` may see, in every state."""
        return self.filter(municipality__in=Municipality.objects.for_user(user))

    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def published(self):
        """Return the versions residents may read: published or followed up, never drafts."""
        return self.filter(status__in=Pledge.PUBLIC_STATUSES)

    def current(self):
        """Return the newest published version of each year: no published correction replaces it."""
        replaced = Pledge.objects.published().filter(supersedes=OuterRef("pk"))
        return self.published().filter(~Exists(replaced))

    def drafts(self):
        return self.filter(status=Pledge.Status.DRAFT)


class Pledge(VersionedDocument):
    """One version of a municipality's citizen pledges (medborgarlöfte) for a year.

    A published version is frozen: a correction is a new version that ``supersedes`` it, and
    residents see the newest published version with a note that it was corrected.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        FOLLOWED_UP = "followed_up", _("Followed up")

    PUBLIC_STATUSES = (Status.PUBLISHED, Status.FOLLOWED_UP)
    FROZEN_STATUSES = PUBLIC_STATUSES

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="pledges",
        verbose_name=_("municipality"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    supersedes = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="correction",
        verbose_name=_("corrects"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    agreement = models.ForeignKey(
        CooperationAgreement,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pledges",
        verbose_name=_("cooperation agreement"),
    )
    introduction = models.TextField(_("introduction"), blank=True)
    correction_note = models.TextField(_("what was corrected"), blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    followed_up_on = models.DateField(_("followed up on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PledgeQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "-year", "-version"]
        verbose_name = _("citizen pledge")
        verbose_name_plural = _("citizen pledges")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year", "version"], name="pledge_version_unique"
            ),
            # Coordinator and police edit one draft of a year together.
            models.UniqueConstraint(
                fields=["municipality", "year"],
                condition=Q(status="draft"),
                name="pledge_one_draft_per_year",
            ),
            models.CheckConstraint(condition=Q(year__range=(2000, 2100)), name="pledge_year"),
            models.CheckConstraint(condition=Q(version__gte=1), name="pledge_version"),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="pledge_published_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="followed_up") | Q(followed_up_on__isnull=False),
                name="pledge_followed_up_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.municipality} {self.year} v{self.version}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES

    def progress(self) -> progress.Progress:
        """Return the roll-up of every activity of every focus area."""
        return progress.progress_of(
            Activity.objects.filter(focus_area__pledge=self).values_list("status", flat=True)
        )


class FocusArea(models.Model):
    """A focus area (fokusområde) of a pledge, chosen from the situation picture."""

    pledge = models.ForeignKey(
        Pledge, on_delete=models.CASCADE, related_name="focus_areas", verbose_name=_("pledge")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = models.CharField(_("title"), max_length=200)
    reason = models.TextField(
        _("why it was chosen"),
        help_text=_("What in the situation picture made this a focus area."),
    )
    categories = models.ManyToManyField(
        "reports.Category", blank=True, related_name="+", verbose_name=_("incident categories")
    )
    areas = models.ManyToManyField(Area, blank=True, related_name="+", verbose_name=_("areas"))
    #: Safety walks in the focus area; the public page shows what they found and what was done.
    walks = models.ManyToManyField(
        "dialogues.SafetyWalk",
        blank=True,
        related_name="focus_areas",
        verbose_name=_("safety walks"),
    )

    class Meta:
        ordering = ["pledge", "position", "pk"]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")

    def __str__(self):
        return self.title

    def progress(self) -> progress.Progress:
        """Return the roll-up of this focus area's activities."""
        return progress.progress_of(activity.status for activity in self.activities.all())


class Activity(models.Model):
    """An activity of a focus area: what is done, by whom, when, and the target it aims at."""

    class Status(models.TextChoices):
        NOT_STARTED = progress.NOT_STARTED, _("Not started")
        UNDER_WAY = progress.UNDER_WAY, _("Under way")
        DONE = progress.DONE, _("Done")
        CANCELLED = progress.CANCELLED, _("Cancelled")

    class Responsible(models.TextChoices):
        MUNICIPALITY = "municipality", _("The municipality")
        POLICE = "police", _("The police")
        TOGETHER = "together", _("The municipality and the police")
        PARTNER = "partner", _("A partner")

    focus_area = models.ForeignKey(
        FocusArea, on_delete=models.CASCADE, related_name="activities", verbose_name=_("focus area")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    description = models.TextField(_("what will be done"))
    responsible = models.CharField(
        _("who is responsible"), max_length=20, choices=Responsible.choices
    )
    partner = models.CharField(
        _("partner"),
        max_length=150,
        blank=True,
        help_text=_("The partner's name, when a partner is responsible or takes part."),
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    target = models.CharField(
        _("measurable target"),
        max_length=300,
        blank=True,
        help_text=_("For example: at least two dialogues in the areas most often reported."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    status_changed_on = models.DateField(_("status since"), null=True, blank=True)
    # The activity of the version this one was copied from by a correction.
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["focus_area", "position", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="activity_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(responsible="partner") | ~Q(partner=""),
                name="activity_partner_named",
            ),
        ]

    def __str__(self):
        return self.description[:60]


def attachment_path(instance, filename):
    return f"pledges/{instance.activity.focus_area.pledge.year}/{filename}"


class ProgressUpdate(models.Model):
    """A dated note of what happened in an activity, which may change its status."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="updates", verbose_name=_("activity")
    )
    on = models.DateField(_("date"))
    text = models.TextField(_("what happened"))
    status = models.CharField(
        _("status after this"), max_length=20, choices=Activity.Status.choices
    )
    attachment = models.FileField(_("attachment"), upload_to=attachment_path, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["activity", "on", "pk"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self):
        return f"{self.on}: {self.text[:40]}"


class CommentQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(pledge__municipality__in=Municipality.objects.for_user(user))

    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def for_year(self, municipality, year):
        """Return the comments on any version of ``municipality``'s pledges for ``year``."""
        return self.filter(pledge__municipality=municipality, pledge__year=year)


class Comment(models.Model):
    """A resident's comment or question on a published pledge, shown once a coordinator approves.

    Only the display name the resident chose is kept: no e-mail, no address.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    pledge = models.ForeignKey(
        Pledge, on_delete=models.CASCADE, related_name="comments", verbose_name=_("pledge")
    )
    display_name = models.CharField(_("name to show"), max_length=60)
    body = models.TextField(_("comment or question"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    reply = models.TextField(_("reply"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return f"{self.display_name}: {self.body[:40]}"

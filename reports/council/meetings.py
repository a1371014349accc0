"""The crime-prevention council (brottsförebyggande rådet): its members, its meetings with
agenda and minutes, and the decisions each meeting takes, followed up at the next one."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from est.models import Municipality


class ScopedQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def for_user(self, user):
        """Return the rows of the municipalities ``user`` may see."""
        return self.filter(municipality__in=Municipality.objects.for_user(user))


class CouncilMember(models.Model):
    """A member of the council: the chair of the executive committee, the police, the
    companies… Named as a role in the council, not as a user: most never log in."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="council_members"
    )
    name = models.CharField(_("name"), max_length=150)
    council_role = models.CharField(
        _("role in the council"), max_length=100, help_text=_("For example: chair, member.")
    )
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "name"]
        verbose_name = _("council member")
        verbose_name_plural = _("council members")

    def __str__(self):
        return self.name


class CouncilMeeting(models.Model):
    """One meeting of the council. Minutes the coordinator marks public appear on the public
    site: council minutes are public documents."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="council_meetings"
    )
    held_on = models.DateField(_("date"))
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_public = models.BooleanField(
        _("minutes are public"),
        default=False,
        help_text=_("Public minutes are shown on the public site. Write no personal data."),
    )
    #: When the coordinator was told that the minutes are missing (once per meeting).
    minutes_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "-held_on"]
        verbose_name = _("council meeting")
        verbose_name_plural = _("council meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes_public=False) | ~Q(minutes=""),
                name="council_public_minutes",
                violation_error_message=_("Write the minutes before making them public."),
            ),
        ]

    def __str__(self):
        return f"{self.municipality} {self.held_on}"


class CouncilDecision(models.Model):
    """A decision of a meeting: what, who owns it, by when, and how far it has come."""

    # In a context of their own: Django's catalogues are one per language, and "Done" of a
    # measure reads differently in Swedish from a decision's.
    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("council decision", "Not started")
        ONGOING = "ongoing", pgettext_lazy("council decision", "Ongoing")
        DONE = "done", pgettext_lazy("council decision", "Done")
        DROPPED = "dropped", pgettext_lazy("council decision", "Dropped")

    OPEN_STATUSES = (Status.OPEN, Status.ONGOING)

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="council_decisions"
    )
    meeting = models.ForeignKey(CouncilMeeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="council_decisions",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    followed_up_at = models.ForeignKey(
        CouncilMeeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="followed_up",
        verbose_name=_("followed up at"),
    )
    #: When the owner was told that the decision is due (once per decision).
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("council decision")
        verbose_name_plural = _("council decisions")

    def __str__(self):
        return self.text[:60]

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


def meeting_document_path(instance, filename):
    return f"council/{instance.meeting.municipality_id}/{instance.meeting_id}/{filename}"


class MeetingDocument(models.Model):
    """A paper of a meeting (agenda, background, a report): seen by those who see the meeting,
    and by anyone once the meeting's minutes are public."""

    meeting = models.ForeignKey(
        CouncilMeeting,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("meeting"),
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=meeting_document_path, max_length=300)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "title", "pk"]
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")

    def __str__(self):
        return self.title

    @property
    def filename(self) -> str:
        """Return the file's own name, without the folders it is stored in."""
        return self.file.name.rsplit("/", 1)[-1]

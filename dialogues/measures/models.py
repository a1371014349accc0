"""Measures: what an organisation is to do about what residents and walks have found, followed
until it is done or rejected with a reason. Safety walks' findings and residents' tips
(``Tip.measure``) lead to them; dialogue themes will too."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from est.models import Municipality, Organisation
from est.roles import Role


class MeasureQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the measures ``user`` may see: those of their municipalities, and for a
        measure owner only those their own organisation is responsible for."""
        measures = self.filter(municipality__in=Municipality.objects.for_user(user))
        if user.is_authenticated and not user.is_superuser and user.role == Role.MEASURE_OWNER:
            return measures.filter(responsible_id=user.organisation_id or 0)
        return measures

    def open(self):
        """Return the measures not yet done or rejected."""
        return self.exclude(status__in=Measure.CLOSED_STATUSES)

    def overdue(self, today):
        """Return the open measures whose due date lies before ``today``."""
        return self.open().filter(due_on__lt=today)


def measure_photo_path(measure, filename):
    return f"measures/{measure.municipality.code}/{filename}"


class Measure(models.Model):
    """One thing to be done, by one responsible organisation, by a date."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        DECIDED = "decided", _("Decided")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        REJECTED = "rejected", _("Rejected")

    CLOSED_STATUSES = (Status.DONE, Status.REJECTED)

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="measures",
        verbose_name=_("municipality"),
    )
    title = models.CharField(_("what is to be done"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    responsible = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="measures",
        verbose_name=_("responsible organisation"),
    )
    contact = models.CharField(
        _("contact"), max_length=200, blank=True, help_text=_("Who to ask at the organisation.")
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    rejection_reason = models.TextField(_("why it is rejected"), blank=True)
    done_note = models.TextField(_("what was done"), blank=True)
    done_photo = models.ImageField(
        _("photo of what was done"), upload_to=measure_photo_path, blank=True
    )
    #: Set by the coordinator only (a photo may show people); a new photo is private again.
    done_photo_public = models.BooleanField(_("photo shown to residents"), default=False)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    #: When the owner was reminded of the coming due date, and told it had passed: each once.
    due_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    overdue_notice_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "due_on", "pk"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        indexes = [
            models.Index(fields=["municipality", "status", "due_on"], name="measure_status_due"),
            models.Index(fields=["responsible", "status"], name="measure_responsible"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""),
                name="measure_rejected_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | Q(done_at__isnull=False),
                name="measure_done_has_date",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_closed(self) -> bool:
        return self.status in self.CLOSED_STATUSES


class OverdueListMailing(models.Model):
    """That a municipality's coordinators got the month's list of overdue measures: the row is
    claimed before the mail goes, so two beats send one."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "month"], name="overdue_list_once_a_month"
            )
        ]

    def __str__(self):
        return f"{self.municipality} {self.month:%Y-%m}"

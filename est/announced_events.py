"""What every event announced to residents shares (safety walks, dialogue occasions): a time,
draft → announced, moved with the old start kept, or cancelled with a reason; ``sequence``
counts the announced changes, so that subscribed calendars follow them (``est.calendars``).

A feature's model inherits ``AnnouncedEvent`` and its queryset ``AnnouncedEventQuerySet``; its
services call the three functions here with their own messages (``EventMessages``)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AnnouncedEventQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def announced(self):
        """Return the events residents may read: announced ones, and cancelled ones (so that
        the public page can say that an event is off)."""
        return self.filter(status__in=AnnouncedEvent.ANNOUNCED_STATUSES)

    def coming(self, now):
        """Return the events that have not ended at ``now``, soonest first."""
        return self.filter(ends_at__gt=now).order_by("starts_at", "pk")


class AnnouncedEvent(models.Model):
    """The fields of an event announced to residents; the feature adds what and where."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Announced")
        CANCELLED = "cancelled", _("Cancelled")

    ANNOUNCED_STATUSES = (Status.PUBLISHED, Status.CANCELLED)

    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    cancellation_reason = models.TextField(_("why it is cancelled"), blank=True)
    #: The start before the event was last moved, so that the public page can say so.
    moved_from = models.DateTimeField(_("moved from"), null=True, blank=True)
    #: Counts the announced changes: calendar programs take the highest as the current one.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    published_at = models.DateTimeField(_("announced at"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED


@dataclass(frozen=True)
class EventMessages:
    """What the person planning is told, in the feature's words."""

    cancelled_cant_change: str
    already_announced: str
    already_over: str
    already_cancelled: str
    draft_not_cancelled: str
    say_why: str


def announced_event_changed(event: AnnouncedEvent, previous_start) -> None:
    """After a change of ``event``'s plan (saved): an announced event that starts at another
    time than ``previous_start`` is moved, and calendars are told of the change."""
    if event.is_draft:
        return
    if event.starts_at != previous_start:
        event.moved_from = previous_start
    event.sequence += 1
    event.save(update_fields=["moved_from", "sequence", "updated_at"])


def announced_event_publish(event: AnnouncedEvent, messages: EventMessages) -> AnnouncedEvent:
    """Announce the draft ``event`` (locked by the caller) and return it."""
    if not event.is_draft:
        raise ValidationError(messages.already_announced)
    if event.ends_at <= timezone.now():
        raise ValidationError(messages.already_over)
    event.status = AnnouncedEvent.Status.PUBLISHED
    event.published_at = timezone.now()
    event.save(update_fields=["status", "published_at", "updated_at"])
    return event


def announced_event_cancel(
    event: AnnouncedEvent, reason: str, messages: EventMessages
) -> AnnouncedEvent:
    """Cancel the announced ``event`` (locked by the caller) with the reason residents read."""
    if event.is_cancelled:
        raise ValidationError(messages.already_cancelled)
    if event.is_draft:
        raise ValidationError(messages.draft_not_cancelled)
    if not reason.strip():
        raise ValidationError({"reason": messages.say_why})
    event.status = AnnouncedEvent.Status.CANCELLED
    event.cancellation_reason = reason.strip()
    event.sequence += 1
    event.save(update_fields=["status", "cancellation_reason", "sequence", "updated_at"])
    return event

"""Writing the council's record: members, meetings with their minutes, decisions and their
follow-up at a later meeting."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from reports.council.meetings import CouncilDecision, CouncilMeeting, CouncilMember


@transaction.atomic
def council_member_create(
    *, municipality, by, name: str, council_role: str, organisation: str = ""
) -> CouncilMember:
    """Add a member to ``municipality``'s council."""
    if not name.strip() or not council_role.strip():
        raise ValidationError(_("Give the member's name and role in the council."))
    return CouncilMember.objects.create(
        municipality=municipality, name=name, council_role=council_role, organisation=organisation
    )


@transaction.atomic
def council_member_remove(*, member: CouncilMember, by) -> None:
    """Take a member off the council."""
    CouncilMember.objects.filter(pk=member.pk).delete()


def _minutes_check(minutes: str, minutes_public: bool) -> None:
    if minutes_public and not minutes.strip():
        raise ValidationError({"minutes_public": _("Write the minutes before making them public.")})


@transaction.atomic
def council_meeting_create(
    *, municipality, by, held_on, agenda: str = "", minutes: str = "", minutes_public=False
) -> CouncilMeeting:
    """Record a meeting of ``municipality``'s council."""
    _minutes_check(minutes, minutes_public)
    return CouncilMeeting.objects.create(
        municipality=municipality,
        held_on=held_on,
        agenda=agenda,
        minutes=minutes,
        minutes_public=minutes_public,
        created_by=by,
    )


@transaction.atomic
def council_meeting_update(
    *, meeting: CouncilMeeting, by, held_on, agenda: str, minutes: str, minutes_public: bool
) -> CouncilMeeting:
    """Change a meeting's date, agenda and minutes, and whether the minutes are public."""
    _minutes_check(minutes, minutes_public)
    meeting = CouncilMeeting.objects.select_for_update().get(pk=meeting.pk)
    meeting.held_on = held_on
    meeting.agenda = agenda
    meeting.minutes = minutes
    meeting.minutes_public = minutes_public
    meeting.save(update_fields=["held_on", "agenda", "minutes", "minutes_public"])
    return meeting


@transaction.atomic
def council_decision_create(
    *, meeting: CouncilMeeting, by, text: str, owner, due_on
) -> CouncilDecision:
    """Record a decision of ``meeting`` with its owner (a user of the municipality)."""
    if not text.strip():
        raise ValidationError({"text": _("Write the decision.")})
    if not owner.municipalities.filter(pk=meeting.municipality_id).exists():
        raise ValidationError({"owner": _("The owner must work in the municipality.")})
    if due_on < meeting.held_on:
        raise ValidationError({"due_on": _("The decision can't be due before the meeting.")})
    return CouncilDecision.objects.create(
        municipality_id=meeting.municipality_id,
        meeting=meeting,
        text=text,
        owner=owner,
        due_on=due_on,
    )


@transaction.atomic
def council_decision_follow_up(
    *, decision: CouncilDecision, by, meeting: CouncilMeeting, status: str
) -> CouncilDecision:
    """Record, at a later ``meeting``, how far ``decision`` has come."""
    if status not in CouncilDecision.Status.values:
        raise ValidationError(_("Choose one of the statuses."))
    if meeting.municipality_id != decision.municipality_id or meeting.held_on <= (
        decision.meeting.held_on
    ):
        raise ValidationError(_("A decision is followed up at a later meeting of its council."))
    decision = CouncilDecision.objects.select_for_update().get(pk=decision.pk)
    decision.status = status
    decision.followed_up_at = meeting
    decision.save(update_fields=["status", "followed_up_at"])
    return decision


def decisions_to_follow_up(meeting: CouncilMeeting):
    """Return the decisions of earlier meetings that ``meeting`` follows up: those still open,
    and those followed up at this meeting."""
    earlier = CouncilDecision.objects.for_municipality(meeting.municipality_id).filter(
        meeting__held_on__lt=meeting.held_on
    )
    return earlier.filter(
        Q(status__in=CouncilDecision.OPEN_STATUSES) | Q(followed_up_at=meeting)
    ).select_related("owner", "meeting")

"""The working group's meeting on a picture: the coordinator records its date, the
organisations present and the notes while the picture is open; the page and the PDF show it
above the interventions the meeting decided."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from reports.situation.models import PictureMeeting, SituationPicture
from reports.situation.observations import observations_open


def meeting_attendee_choices(picture: SituationPicture):
    """Return the organisations that may be recorded as present: those of the municipality."""
    return picture.municipality.organisations.order_by("name")


@transaction.atomic
def picture_meeting_save(
    *, picture: SituationPicture, by, held_on, organisations, notes: str = ""
) -> PictureMeeting:
    """Record (or correct) the meeting on ``picture``; return the record. Refused once the
    picture is published or replaced: the record is part of what was published."""
    picture = SituationPicture.objects.select_for_update().get(pk=picture.pk)
    if not observations_open(picture):
        raise ValidationError(_("The picture is published: its meeting record can't change."))
    organisations = list(organisations)
    allowed = set(meeting_attendee_choices(picture).values_list("pk", flat=True))
    if not organisations or any(o.pk not in allowed for o in organisations):
        raise ValidationError(
            {"organisations": _("Tick the organisations of the municipality that took part.")}
        )
    record, _created = PictureMeeting.objects.update_or_create(
        picture=picture, defaults={"held_on": held_on, "notes": notes, "recorded_by": by}
    )
    record.organisations.set(organisations)
    return record


def picture_meeting_of(picture: SituationPicture) -> PictureMeeting | None:
    """Return the record of the meeting on ``picture``, or None when none is recorded."""
    return PictureMeeting.objects.filter(picture=picture).prefetch_related("organisations").first()

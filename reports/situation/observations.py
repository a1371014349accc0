"""The working group's part in a draft picture: which organisations are in a municipality's
working group, and the observations and comments their staff add until the picture is
published. The coordinator's own text is never touched here."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from est.models import Municipality, Organisation
from reports.situation.models import Observation, SituationPicture, WorkingGroupMember


def in_working_group(user, municipality_id: int) -> bool:
    """Return whether ``user``'s organisation is in the working group of the municipality."""
    return (
        user.organisation_id is not None
        and WorkingGroupMember.objects.filter(
            municipality_id=municipality_id, organisation_id=user.organisation_id
        ).exists()
    )


def observations_open(picture: SituationPicture) -> bool:
    """Return whether observations may still be added: a current version not yet published."""
    return not picture.is_frozen and picture.superseded_by_id is None


@transaction.atomic
def observation_create(*, picture: SituationPicture, by, kind: str, text: str) -> Observation:
    """Add ``by``'s observation or comment to a draft picture, under their organisation.

    Only staff of an organisation in the municipality's working group may add, and only until
    the picture is published (the picture is locked, so publishing waits for the addition).
    """
    picture = SituationPicture.objects.select_for_update().get(pk=picture.pk)
    if not in_working_group(by, picture.municipality_id):
        raise ValidationError(_("Only the municipality's working group adds observations."))
    if not observations_open(picture):
        raise ValidationError(_("The picture is published: observations can no longer be added."))
    if kind not in Observation.Kind.values:
        raise ValidationError({"kind": _("Choose an observation or a comment.")})
    if not text.strip():
        raise ValidationError({"text": _("Write the observation.")})
    return Observation.objects.create(
        picture=picture, organisation_id=by.organisation_id, author=by, kind=kind, text=text
    )


def working_group_candidates(municipality: Municipality):
    """Return the organisations of ``municipality`` not yet in its working group."""
    return municipality.organisations.exclude(working_groups__municipality=municipality)


@transaction.atomic
def working_group_member_add(
    *, municipality: Municipality, organisation: Organisation, by
) -> WorkingGroupMember:
    """Name ``organisation`` to ``municipality``'s working group; naming it again changes
    nothing. The organisation must work in the municipality."""
    if not organisation.municipalities.filter(pk=municipality.pk).exists():
        raise ValidationError(
            {"organisation": _("The organisation does not work in this municipality.")}
        )
    member, _created = WorkingGroupMember.objects.get_or_create(
        municipality=municipality, organisation=organisation, defaults={"added_by": by}
    )
    return member


@transaction.atomic
def working_group_member_remove(*, member: WorkingGroupMember, by) -> None:
    """Take an organisation out of the working group; what its staff added is kept."""
    WorkingGroupMember.objects.filter(pk=member.pk).delete()

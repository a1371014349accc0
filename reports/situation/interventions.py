"""Interventions (insatser) decided on a situation picture: who does what, where and when,
with the target area and an optional comparison area picked or drawn on the map."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from est.areas import area_create, area_name_unused
from est.models import Area
from reports.situation.models import Intervention, SituationPicture
from reports.situation.workflow import picture_editable_check


def _intervention_errors(picture, organisation, incidents, starts_on, ends_on) -> dict:
    """Return the messages on the intervention's fields other than its places, by field."""
    errors = {}
    if not organisation.municipalities.filter(pk=picture.municipality_id).exists():
        errors["organisation"] = _("Choose an organisation that works in %(name)s.") % {
            "name": picture.municipality.name
        }
    if any(incident.municipality_id != picture.municipality_id for incident in incidents):
        errors["incidents"] = _("Link only incidents of the same municipality.")
    if ends_on < starts_on:
        errors["ends_on"] = _("The end can't come before the start.")
    return errors


def _intervention_place(*, picture, by, picked, drawn, field: str, kind: str, name: str):
    """Return the area picked (``field``) or drawn (``drawn_<field>``), a drawn one saved as a
    new area of ``kind`` called ``name``; None when neither was given."""
    municipality = picture.municipality
    if picked is not None and drawn is not None:
        raise ValidationError({f"drawn_{field}": _("Pick an area or draw one, not both.")})
    if picked is not None:
        if picked.municipality_id != municipality.pk:
            raise ValidationError(
                {field: _("Choose an area of %(name)s.") % {"name": municipality.name}}
            )
        return picked
    if drawn is None:
        return None
    try:
        return area_create(
            municipality=municipality,
            name=area_name_unused(municipality=municipality, name=name),
            kind=kind,
            boundary=drawn,
            by=by,
        )
    except ValidationError as error:
        raise ValidationError({f"drawn_{field}": error.message_dict["boundary"]}) from error


@transaction.atomic
def intervention_create(
    *,
    picture: SituationPicture,
    by,
    what: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    organisation,
    area=None,
    drawn_area=None,
    comparison_area=None,
    drawn_comparison_area=None,
    problem: str = "",
    times: str = "",
    status: str = Intervention.Status.PLANNED,
    incidents=(),
) -> Intervention:
    """Decide an intervention at ``picture`` (which must still be a draft) and return it.

    Its place is ``area`` (an area of the municipality) or ``drawn_area`` (a polygon, saved as
    a new intervention area); likewise the optional comparison area. Raises ValidationError,
    keyed by these argument names, on bad input; then nothing is saved.
    """
    picture = SituationPicture.objects.select_for_update().get(pk=picture.pk)
    picture_editable_check(picture)
    incidents = list(incidents)
    errors = _intervention_errors(picture, organisation, incidents, starts_on, ends_on)
    places = {}
    # Every message at once: the coordinator corrects the form in one go. A drawn area saved
    # before a later message is rolled back with the rest.
    for field, picked, drawn, kind, name in (
        ("area", area, drawn_area, Area.Kind.INTERVENTION, _("%(what)s (intervention)")),
        ("comparison_area", comparison_area, drawn_comparison_area, Area.Kind.COMPARISON,
         _("%(what)s (comparison)")),
    ):  # fmt: skip
        try:
            places[field] = _intervention_place(
                picture=picture, by=by, picked=picked, drawn=drawn, field=field, kind=kind,
                name=name % {"what": what},
            )  # fmt: skip
        except ValidationError as error:
            errors.update(error.message_dict)
    if "area" in places and places["area"] is None:
        errors["area"] = _("Pick an area or draw it on the map.")
    elif places.get("comparison_area") and places["comparison_area"] == places.get("area"):
        errors["comparison_area"] = _("Compare with another area than the intervention's own.")
    if errors:
        raise ValidationError(errors)
    intervention = Intervention.objects.create(
        municipality_id=picture.municipality_id,
        decided_in=picture,
        what=what,
        problem=problem,
        area=places["area"],
        comparison_area=places["comparison_area"],
        starts_on=starts_on,
        ends_on=ends_on,
        times=times,
        organisation=organisation,
        status=status,
        created_by=by,
    )
    intervention.incidents.set(incidents)
    return intervention


def intervention_set_status(*, intervention: Intervention, by, status: str) -> Intervention:
    """Record whether an intervention was carried out (its follow-up, also after publishing)."""
    if status not in Intervention.Status.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    Intervention.objects.filter(pk=intervention.pk).update(status=status, updated_at=timezone.now())
    intervention.refresh_from_db()
    return intervention

"""The management group's priorities: recording them on an adopted tertial analysis (what the
pictures show of them is reports.council.direction)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from reports.council.models import Priority
from reports.tertial.models import TertialAnalysis


@transaction.atomic
def priority_create(
    *,
    analysis: TertialAnalysis,
    by,
    title: str,
    description: str = "",
    area=None,
    category=None,
    weekdays=(),
    start_hour: int | None = None,
    end_hour: int | None = None,
) -> Priority:
    """Record one of the management group's priorities on an adopted analysis; the pictures
    of the following tertial show it from their next compiling."""
    analysis = TertialAnalysis.objects.select_for_update().get(pk=analysis.pk)
    if analysis.status != TertialAnalysis.Status.ADOPTED or analysis.superseded_by_id:
        raise ValidationError(_("Priorities are decided on the adopted analysis."))
    if not title.strip():
        raise ValidationError({"title": _("Say what the priority is.")})
    for linked, name in ((area, "area"), (category, "category")):
        if linked is not None and linked.municipality_id != analysis.municipality_id:
            raise ValidationError({name: _("Choose one of the municipality's own.")})
    if (start_hour is None) != (end_hour is None) or (
        start_hour is not None and start_hour == end_hour
    ):
        raise ValidationError(
            {"end_hour": _("Give both hours of the window, and different ones, or neither.")}
        )
    return Priority.objects.create(
        municipality_id=analysis.municipality_id,
        analysis=analysis,
        title=title.strip(),
        description=description,
        area=area,
        category=category,
        weekdays=sorted(set(weekdays)),
        start_hour=start_hour,
        end_hour=end_hour,
        created_by=by,
    )


@transaction.atomic
def priority_delete(*, priority: Priority, by) -> None:
    """Remove a priority recorded by mistake; pictures already published keep what they showed."""
    Priority.objects.filter(pk=priority.pk).delete()

"""The themes of a year: how many raised each, and the municipality's response to it.

``theme_response_set`` is the one write; ``themes_of_year`` is what the coordinator's page,
the public page "What you told us and what we did" and the pledges read.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from est.models import Municipality

from ..measures.services import measure_create
from .models import DialogueOccasion, DialogueTheme, DialogueView, ThemeResponse

Kind = ThemeResponse.Kind


@transaction.atomic
def theme_response_set(
    *,
    theme: DialogueTheme,
    year: int,
    by,
    kind: str,
    reason: str,
    focus_area=None,
    measure=None,
    new_measure: dict | None = None,
) -> ThemeResponse:
    """Give ``theme`` its response for ``year`` (replacing an earlier one) and return it. A
    theme passed to an organisation links ``measure``, or a measure made from ``new_measure``
    (title, responsible) through the measures' service."""
    municipality = theme.municipality
    errors = {}
    if not reason.strip():
        errors["reason"] = _("Give the reason residents will read.")
    if kind == Kind.FOCUS_AREA and focus_area is None:
        errors["focus_area"] = _("Choose the focus area the theme became.")
    if focus_area is not None and focus_area.pledge.municipality_id != municipality.pk:
        errors["focus_area"] = _("Choose a focus area of %(municipality)s.") % {
            "municipality": municipality.name
        }
    if kind == Kind.MEASURE and measure is None and not (new_measure or {}).get("title"):
        errors["measure"] = _("Choose a measure, or say what is to be done and by whom.")
    if measure is not None and measure.municipality_id != municipality.pk:
        errors["measure"] = _("Choose a measure of %(municipality)s.") % {
            "municipality": municipality.name
        }
    if errors:
        raise ValidationError(errors)
    if kind == Kind.MEASURE and measure is None:
        measure = measure_create(
            municipality=municipality,
            by=by,
            title=new_measure["title"],
            responsible=new_measure.get("responsible"),
            description=_("Raised by residents in the dialogues of %(year)s: %(theme)s.")
            % {"year": year, "theme": theme.name},
        )
    response, _created = ThemeResponse.objects.update_or_create(
        theme=theme,
        year=year,
        defaults={
            "kind": kind,
            "reason": reason.strip(),
            "focus_area": focus_area if kind == Kind.FOCUS_AREA else None,
            "measure": measure if kind == Kind.MEASURE else None,
            "updated_by": by,
        },
    )
    return response


@dataclass
class YearTheme:
    """A theme of a year as the pages show it: ``raised`` is the sum of how many raised it,
    ``shown`` None when the sum is under the public minimum (the page says "fewer than")."""

    theme: DialogueTheme
    raised: int
    response: ThemeResponse | None

    @property
    def shown(self) -> int | None:
        return self.raised if self.raised >= settings.OPEN_DATA_MIN_COUNT else None


def themes_of_year(municipality: Municipality, year: int, *, announced_only: bool) -> list:
    """Return the themes raised at ``municipality``'s occasions of ``year``, or answered for
    it, as YearTheme, the most raised first. ``announced_only``: only occasions residents could
    come to (for the public pages)."""
    occasions = DialogueOccasion.objects.for_municipality(municipality).in_year(year)
    if announced_only:
        occasions = occasions.filter(status=DialogueOccasion.Status.PUBLISHED)
    totals = DialogueView.objects.filter(occasion__in=occasions).theme_totals()
    responses = {
        response.theme_id: response
        for response in ThemeResponse.objects.for_municipality(municipality)
        .filter(year=year)
        .select_related("focus_area__pledge", "measure")
    }
    themes = DialogueTheme.objects.filter(
        municipality=municipality, pk__in=set(totals) | set(responses)
    )
    rows = [YearTheme(theme, totals.get(theme.pk, 0), responses.get(theme.pk)) for theme in themes]
    return sorted(rows, key=lambda row: (-row.raised, row.theme.position, row.theme.name))


def dialogue_years(municipality: Municipality) -> list[int]:
    """Return the years, newest first, in which ``municipality`` held announced occasions."""
    occasions = DialogueOccasion.objects.for_municipality(municipality).filter(
        status=DialogueOccasion.Status.PUBLISHED
    )
    starts = occasions.values_list("starts_at", flat=True)
    return sorted({timezone.localtime(moment).year for moment in starts}, reverse=True)


def focus_area_themes(focus_area) -> list:
    """Return the themes whose response made them ``focus_area`` (of any version of its pledge:
    a correction copies the focus areas, so the same title of the same year counts), as
    YearTheme counted over announced occasions."""
    pledge = focus_area.pledge
    responses = ThemeResponse.objects.filter(
        kind=Kind.FOCUS_AREA,
        focus_area__pledge__municipality=pledge.municipality_id,
        focus_area__pledge__year=pledge.year,
        focus_area__title=focus_area.title,
    ).values_list("year", "theme_id")
    responses = list(responses)
    rows = []
    for year in sorted({year for year, _theme in responses}):
        themes = {theme for response_year, theme in responses if response_year == year}
        rows += [
            row
            for row in themes_of_year(pledge.municipality, year, announced_only=True)
            if row.theme.pk in themes
        ]
    return rows


def pledge_dialogues(pledge) -> dict | None:
    """Return what the last dialogues up to ``pledge``'s year said: ``{"year", "themes"}``
    (YearTheme, the most raised first), or None when there were none."""
    years = [year for year in dialogue_years(pledge.municipality) if year <= pledge.year]
    if not years:
        return None
    themes = themes_of_year(pledge.municipality, years[0], announced_only=True)
    return {"year": years[0], "themes": themes} if themes else None

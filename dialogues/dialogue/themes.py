"""The themes each municipality sorts the dialogues' views under (``est.municipal_lists``): the
defaults, created when first needed; the coordinator changes them on ``ThemeList``."""

from django.utils.translation import gettext_lazy

from est.models import Municipality
from est.municipal_lists import MunicipalList, list_items

from .models import DialogueTheme

#: The themes every municipality starts with, as (code, name), in this order.
DEFAULT_THEMES = (
    ("lighting", gettext_lazy("Lighting")),
    ("youth", gettext_lazy("Young people")),
    ("drugs", gettext_lazy("Drugs")),
    ("traffic", gettext_lazy("Traffic")),
    ("vandalism", gettext_lazy("Vandalism")),
    ("burglary", gettext_lazy("Burglary")),
    ("centre", gettext_lazy("Feeling unsafe in the centre")),
)

DIALOGUE_THEMES = MunicipalList(
    model=DialogueTheme,
    defaults=DEFAULT_THEMES,
    unnamed=gettext_lazy("Give the theme a name."),
    taken=gettext_lazy("%(name)s is already a theme."),
    fallback_code="theme",
)


def dialogue_themes(municipality: Municipality):
    """Return ``municipality``'s themes in its order, retired ones too (the defaults first
    when it has none)."""
    return list_items(DIALOGUE_THEMES, municipality)

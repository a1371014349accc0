"""The categories of findings each municipality keeps (``est.municipal_lists``): the defaults,
created when first needed, and the coordinator's changes (add, rename, reorder, retire)."""

from django.db import transaction
from django.utils.translation import gettext_lazy

from est.models import Municipality
from est.municipal_lists import MunicipalList, list_item_add, list_item_update, list_items

from .models import FindingCategory

#: The categories every municipality starts with, as (code, name), in this order.
DEFAULT_CATEGORIES = (
    ("vegetation", gettext_lazy("Vegetation")),
    ("lighting", gettext_lazy("Lighting")),
    ("visibility", gettext_lazy("Visibility and hidden corners")),
    ("accessibility", gettext_lazy("Accessibility")),
    ("graffiti", gettext_lazy("Graffiti and vandalism")),
    ("littering", gettext_lazy("Littering")),
    ("paths", gettext_lazy("Paths and crossings")),
    ("public-transport", gettext_lazy("Public transport stops")),
    ("people", gettext_lazy("People and activity")),
    ("other", gettext_lazy("Other")),
)

FINDING_CATEGORIES = MunicipalList(
    model=FindingCategory,
    defaults=DEFAULT_CATEGORIES,
    unnamed=gettext_lazy("Give the category a name."),
    taken=gettext_lazy("%(name)s is already a category."),
    fallback_code="category",
)


def finding_categories(municipality: Municipality):
    """Return ``municipality``'s categories in its order, retired ones too; a municipality
    without any gets the defaults first, named in the site's language (Swedish), whoever asks."""
    return list_items(FINDING_CATEGORIES, municipality)


@transaction.atomic
def finding_category_add(*, municipality: Municipality, by, name: str) -> FindingCategory:
    """Add a category named ``name`` at the end of ``municipality``'s list and return it."""
    return list_item_add(FINDING_CATEGORIES, municipality=municipality, name=name)


@transaction.atomic
def finding_category_update(
    *, category: FindingCategory, by, name: str, position: int, active: bool
) -> FindingCategory:
    """Rename, move or retire (``active`` False) ``category`` and return it. A retired category
    keeps its findings; new findings can't take it."""
    return list_item_update(
        FINDING_CATEGORIES, item=category, name=name, position=position, active=active
    )

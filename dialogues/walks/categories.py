"""The categories of findings each municipality keeps: the defaults, created when first needed,
and the coordinator's changes (add, rename, reorder, retire)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from est.models import Municipality

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


def finding_categories(municipality: Municipality):
    """Return ``municipality``'s categories in its order, retired ones too; a municipality
    without any gets the defaults first, named in the site's language (Swedish), whoever asks."""
    categories = FindingCategory.objects.filter(municipality=municipality)
    if not categories.exists():
        try:
            with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
                FindingCategory.objects.bulk_create(
                    FindingCategory(
                        municipality=municipality, code=code, name=str(name), position=number
                    )
                    for number, (code, name) in enumerate(DEFAULT_CATEGORIES, start=1)
                )
        except IntegrityError:
            pass  # another request created them at the same moment
    return categories.order_by("position", "name")


def _name_errors(municipality, name: str, *, current=None) -> dict[str, str]:
    name = name.strip()
    if not name:
        return {"name": _("Give the category a name.")}
    taken = FindingCategory.objects.filter(municipality=municipality, name__iexact=name)
    if current is not None:
        taken = taken.exclude(pk=current.pk)
    if taken.exists():
        return {"name": _("%(name)s is already a category.") % {"name": name}}
    return {}


@transaction.atomic
def finding_category_add(*, municipality: Municipality, by, name: str) -> FindingCategory:
    """Add a category named ``name`` at the end of ``municipality``'s list and return it."""
    categories = finding_categories(municipality)
    if errors := _name_errors(municipality, name):
        raise ValidationError(errors)
    base = slugify(name)[:30] or "category"
    code, number = base, 1
    while categories.filter(code=code).exists():
        number += 1
        code = f"{base}-{number}"
    last = categories.order_by("-position").first()
    return FindingCategory.objects.create(
        municipality=municipality,
        code=code,
        name=name.strip(),
        position=(last.position + 1) if last else 1,
    )


@transaction.atomic
def finding_category_update(
    *, category: FindingCategory, by, name: str, position: int, active: bool
) -> FindingCategory:
    """Rename, move or retire (``active`` False) ``category`` and return it. A retired category
    keeps its findings; new findings can't take it."""
    if errors := _name_errors(category.municipality, name, current=category):
        raise ValidationError(errors)
    category.name = name.strip()
    category.position = position
    category.active = active
    category.save(update_fields=["name", "position", "active"])
    return category

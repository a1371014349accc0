"""The standard incident categories every municipality starts with, and retiring them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from est.models import Municipality
from reports.incidents.models import Category

#: (code, name): the names are the municipalities' own words, shown as they are in every language.
STANDARD_CATEGORIES = [
    ("vandalism", "Skadegörelse"),
    ("graffiti", "Klotter"),
    ("littering", "Nedskräpning"),
    ("unsafe_gathering", "Otrygghetsskapande folksamling"),
    ("burglary", "Inbrott"),
    ("theft", "Stöld"),
    ("drug_dealing", "Misstänkt narkotikaförsäljning"),
    ("drug_influence", "Narkotikapåverkan"),
    ("fire", "Brand/anlagd brand"),
    ("threat_violence", "Hot och våld"),
    ("disorder", "Ordningsstörning"),
    ("traffic", "Trafik"),
    ("other", "Övrigt"),
]


def categories_seed(*, municipality: Municipality) -> int:
    """Give ``municipality`` the standard categories it lacks; return how many were created.

    Safe to run again: existing categories (also renamed or retired ones) are left alone.
    """
    existing = set(
        Category.objects.for_municipality(municipality).values_list("code", flat=True)
    ) | set(Category.objects.for_municipality(municipality).values_list("name", flat=True))
    missing = [
        Category(municipality=municipality, code=code, name=name, order=(index + 1) * 10)
        for index, (code, name) in enumerate(STANDARD_CATEGORIES)
        if code not in existing and name not in existing
    ]
    Category.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


@transaction.atomic
def category_create(*, municipality: Municipality, name: str) -> Category:
    """Add the category ``name`` to the end of ``municipality``'s list and return it.

    Raises ValidationError (on ``name``) when it is empty or the municipality already has it;
    a retired category of that name is to be restored instead.
    """
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Give the category a name.")})
    existing = Category.objects.for_municipality(municipality).filter(name__iexact=name).first()
    if existing is not None:
        message = (
            _("%(municipality)s has this category, retired. Restore it instead.")
            if existing.retired
            else _("%(municipality)s already has this category.")
        )
        raise ValidationError({"name": message % {"municipality": municipality.name}})
    last = Category.objects.for_municipality(municipality).order_by("-order").first()
    return Category.objects.create(
        municipality=municipality, name=name, order=(last.order + 10) if last else 10
    )


@transaction.atomic
def category_retire(*, category: Category) -> Category:
    """Retire ``category``: no new incidents may use it; its incidents keep it."""
    category.retired = True
    category.save(update_fields=["retired"])
    return category


@transaction.atomic
def category_restore(*, category: Category) -> Category:
    """Let new incidents use the retired ``category`` again."""
    category.retired = False
    category.save(update_fields=["retired"])
    return category


def seed_new_municipality(sender, instance, created, raw=False, **kwargs):
    """post_save receiver: a municipality created after the migrations gets the standard list."""
    if created and not raw:
        categories_seed(municipality=instance)

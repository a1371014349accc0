"""The standard incident categories every municipality starts with, and retiring them."""

from django.db import transaction

from est.models import Municipality

from .models import Category

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
def category_retire(*, category: Category) -> Category:
    """Retire ``category``: no new incidents may use it; its incidents keep it."""
    category.retired = True
    category.save(update_fields=["retired"])
    return category


def seed_new_municipality(sender, instance, created, raw=False, **kwargs):
    """post_save receiver: a municipality created after the migrations gets the standard list."""
    if created and not raw:
        categories_seed(municipality=instance)

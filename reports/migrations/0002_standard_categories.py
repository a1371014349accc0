"""Give the municipalities that exist already the standard incident categories.

Municipalities created later get them from reports.incidents.categories.seed_new_municipality.
"""

from django.db import migrations

# A copy, not an import: a migration must keep working when the code moves on.
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


def seed(apps, schema_editor):
    Municipality = apps.get_model("est", "Municipality")
    Category = apps.get_model("reports", "Category")
    Category.objects.bulk_create(
        [
            Category(municipality_id=pk, code=code, name=name, order=(index + 1) * 10)
            for pk in Municipality.objects.values_list("pk", flat=True)
            for index, (code, name) in enumerate(STANDARD_CATEGORIES)
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

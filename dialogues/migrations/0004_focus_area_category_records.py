# Focus areas named their incident categories in a JSON list, which nothing checked: a name that
# was no category counted nothing. They now point at the category records themselves.

from django.db import migrations, models


def names_to_records(apps, schema_editor):
    """Link each focus area to the categories of its municipality whose names it listed
    (ignoring case); names that match no category are dropped, as they counted nothing."""
    FocusArea = apps.get_model("dialogues", "FocusArea")
    Category = apps.get_model("reports", "Category")
    for focus_area in FocusArea.objects.exclude(incident_categories=[]).select_related("pledge"):
        names = {str(name).strip().casefold() for name in focus_area.incident_categories}
        focus_area.categories.set(
            category
            for category in Category.objects.filter(
                municipality_id=focus_area.pledge.municipality_id
            )
            if category.name.casefold() in names
        )


def records_to_names(apps, schema_editor):
    FocusArea = apps.get_model("dialogues", "FocusArea")
    for focus_area in FocusArea.objects.prefetch_related("categories"):
        focus_area.incident_categories = [c.name for c in focus_area.categories.all()]
        focus_area.save(update_fields=["incident_categories"])


class Migration(migrations.Migration):
    dependencies = [
        ("dialogues", "0003_walk_findings_and_measures"),
        ("reports", "0002_kept_counts"),
    ]

    operations = [
        migrations.AddField(
            model_name="focusarea",
            name="categories",
            field=models.ManyToManyField(
                blank=True,
                related_name="+",
                to="reports.category",
                verbose_name="incident categories",
            ),
        ),
        migrations.RunPython(names_to_records, records_to_names),
        migrations.RemoveField(model_name="focusarea", name="incident_categories"),
    ]

"""Four indexes of the incidents go: each cost every write, and the other indexes serve their
lookups (bench/README.md, "Import"). Only the indexes are dropped: Django's own operations for
``db_index=False`` would drop and re-add the foreign keys, checking every incident again."""

import django.contrib.gis.db.models.fields
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


DROPPED = [
    ("reports_incident_merged_into_id_29df1588", "btree (merged_into_id)"),
    ("reports_incident_municipality_id_b1347882", "btree (municipality_id)"),
    ("reports_incident_place_geometry_11108ce4_id", "gist (place_geometry)"),
    ("reports_incident_reporter_id_28f52895", "btree (reporter_id)"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("est", "0005_access_log_api_tokens_dpo_role"),
        ("reports", "0006_merge_tertial_pdf_in_storage"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="incident",
                    name="merged_into",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        editable=False,
                        help_text="A duplicate is kept, merged into this incident, and left out of lists.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="merged",
                        to="reports.incident",
                        verbose_name="merged into",
                    ),
                ),
                migrations.AlterField(
                    model_name="incident",
                    name="municipality",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="incidents",
                        to="est.municipality",
                        verbose_name="municipality",
                    ),
                ),
                migrations.AlterField(
                    model_name="incident",
                    name="place_geometry",
                    field=django.contrib.gis.db.models.fields.GeometryField(
                        blank=True,
                        null=True,
                        spatial_index=False,
                        srid=3006,
                        verbose_name="place as a line or area",
                    ),
                ),
                migrations.AlterField(
                    model_name="incident",
                    name="reporter",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="incidents",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="reporter",
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    sql=[f"DROP INDEX IF EXISTS {name}" for name, _ in DROPPED],
                    reverse_sql=[
                        f"CREATE INDEX {name} ON reports_incident USING {how}"
                        for name, how in DROPPED
                    ],
                ),
            ],
        ),
        migrations.AddIndex(
            model_name="incident",
            index=models.Index(
                condition=models.Q(("merged_into__isnull", False)),
                fields=["merged_into"],
                name="incident_merged_into",
            ),
        ),
    ]

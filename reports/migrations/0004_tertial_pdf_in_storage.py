"""The tertial analyses' rendered PDFs move from a table column into the file storage (object
storage when S3_BUCKET is set), like every other file: each PDF kept is written there as is."""

import reports.tertial.models
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import migrations, models


def pdfs_to_storage(apps, schema_editor):
    TertialAnalysis = apps.get_model("reports", "TertialAnalysis")
    kept = TertialAnalysis.objects.exclude(pdf_bytes=None).select_related("municipality")
    for analysis in kept.iterator(chunk_size=20):
        name = f"tertialanalys-{analysis.municipality.code}-{analysis.year}-{analysis.number}-v{analysis.version}.pdf"
        analysis.pdf = default_storage.save(
            reports.tertial.models.tertial_pdf_path(analysis, name),
            ContentFile(bytes(analysis.pdf_bytes)),
        )
        analysis.save(update_fields=["pdf"])


def pdfs_to_table(apps, schema_editor):
    TertialAnalysis = apps.get_model("reports", "TertialAnalysis")
    for analysis in TertialAnalysis.objects.exclude(pdf="").iterator(chunk_size=20):
        with default_storage.open(analysis.pdf.name, "rb") as stored:
            analysis.pdf_bytes = stored.read()
        analysis.save(update_fields=["pdf_bytes"])


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0003_incident_municipality_id"),
    ]

    operations = [
        migrations.RenameField("tertialanalysis", "pdf", "pdf_bytes"),
        migrations.AddField(
            model_name="tertialanalysis",
            name="pdf",
            field=models.FileField(
                blank=True,
                editable=False,
                max_length=200,
                upload_to=reports.tertial.models.tertial_pdf_path,
                verbose_name="PDF file",
            ),
        ),
        migrations.RunPython(pdfs_to_storage, pdfs_to_table, elidable=True),
        migrations.RemoveField("tertialanalysis", "pdf_bytes"),
    ]

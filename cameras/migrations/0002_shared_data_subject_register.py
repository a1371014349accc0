# The data subject requests moved to est (est.data_subjects), shared by every app: the rows are
# copied with their ids, the cameras a request named are kept in its note, and the old table goes.

from django.db import migrations


def requests_copy(apps, schema_editor):
    old = apps.get_model("cameras", "DataSubjectRequest")
    new = apps.get_model("est", "DataSubjectRequest")
    for request in old.objects.prefetch_related("cameras").order_by("pk"):
        names = ", ".join(camera.name for camera in request.cameras.all())
        note = "\n".join(part for part in [request.note, f"Cameras: {names}" if names else ""] if part)
        new.objects.create(
            pk=request.pk,
            municipality_id=request.municipality_id,
            kind=request.kind,
            reference=request.reference,
            received_on=request.received_on,
            deadline=request.deadline,
            status=request.status,
            note=note,
            closed_on=request.closed_on,
            created_by_id=request.created_by_id,
        )
    # The copies kept their ids: new requests continue after the highest.
    schema_editor.execute(
        "SELECT setval(pg_get_serial_sequence('est_datasubjectrequest', 'id'),"
        " COALESCE((SELECT MAX(id) FROM est_datasubjectrequest), 0) + 1, false)"
    )


def requests_copy_back(apps, schema_editor):
    old = apps.get_model("cameras", "DataSubjectRequest")
    new = apps.get_model("est", "DataSubjectRequest")
    for request in new.objects.order_by("pk"):
        old.objects.create(
            pk=request.pk,
            municipality_id=request.municipality_id,
            kind=request.kind,
            reference=request.reference,
            received_on=request.received_on,
            deadline=request.deadline,
            status=request.status,
            note=request.note,
            closed_on=request.closed_on,
            created_by_id=request.created_by_id,
        )


class Migration(migrations.Migration):

    dependencies = [
        ("cameras", "0001_initial"),
        ("est", "0006_data_subject_register"),
    ]

    operations = [
        migrations.RunPython(requests_copy, requests_copy_back),
        migrations.DeleteModel(name="DataSubjectRequest"),
    ]

import time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from est.models import Municipality, User
from reports.incidents.imports import (
    incident_import_confirm,
    incident_import_create,
    incident_import_preview,
)


class Command(BaseCommand):
    help = (
        "Import incidents from a CSV, Excel (.xlsx) or GeoJSON file into one municipality, with "
        "the checks of the import page: every row is checked first, and either all are written "
        "or none. Rows with errors are printed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--municipality", required=True, metavar="CODE")
        parser.add_argument("--user", metavar="USERNAME", help="who imports (for the history)")

    def handle(self, *args, file, municipality, user, **options):
        try:
            target = Municipality.objects.get(code=municipality)
            by = User.objects.get(username=user) if user else None
        except (Municipality.DoesNotExist, User.DoesNotExist) as error:
            raise CommandError(str(error)) from error
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        started = time.perf_counter()
        with file.open("rb") as handle:
            try:
                incident_import = incident_import_create(
                    municipality=target, upload=File(handle, name=file.name), by=by
                )
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
        if incident_import.error_count:
            for row in incident_import_preview(incident_import):
                for message in row.errors:
                    self.stdout.write(f"row {row.number}: {message}")
            raise CommandError(
                f"{incident_import.error_count} of {incident_import.row_count} rows have errors; "
                "nothing was imported."
            )
        checked = time.perf_counter()
        count = incident_import_confirm(incident_import=incident_import, by=by)
        done = time.perf_counter()
        self.stdout.write(
            f"{count} incidents imported into {target.name} (import {incident_import.pk}): "
            f"checked in {checked - started:.1f} s, checked again and written in "
            f"{done - checked:.1f} s."
        )

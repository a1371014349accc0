import sys
import time
from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from est.models import Municipality, User
from est.uploads import file_stored, files_removed_on_rollback
from reports.incidents.import_files import ImportFileError, xlsx_unpacked_check
from reports.incidents.import_runs import ImportRefused, import_file_run
from reports.incidents.models import IncidentImport


class Command(BaseCommand):
    help = (
        "Import incidents from a CSV, Excel (.xlsx) or GeoJSON file into one municipality, with "
        "the checks of the import page, in one pass: either all rows are written or none. Rows "
        "with errors are printed (the first 1,000, then how many more)."
    )
    # The system checks import every view (pandas, WeasyPrint …): 20 s and 140 MB on the
    # shared machine before the first row is read; `manage.py check` runs them at deploy.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--municipality", required=True, metavar="CODE")
        parser.add_argument("--user", metavar="USERNAME", help="who imports (for the history)")

    def _progress(self, run) -> None:
        """Show rows checked and written on one line, rewritten in place on a terminal."""
        rate = run.checked / max(time.monotonic() - run.started, 1e-6)
        line = f"{run.checked:,} rows checked, {run.written:,} written ({rate:,.0f} rows/s)"
        ending = "\r" if sys.stdout.isatty() else "\n"
        self.stdout.write(line, ending=ending)
        self.stdout.flush()

    def handle(self, *args, file, municipality, user, **options):
        try:
            target = Municipality.objects.get(code=municipality)
            by = User.objects.get(username=user) if user else None
        except (Municipality.DoesNotExist, User.DoesNotExist) as error:
            raise CommandError(str(error)) from error
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        started = time.monotonic()
        try:
            with file.open("rb") as handle, files_removed_on_rollback():
                xlsx_unpacked_check(handle, file.name)
                handle.seek(0)
                incident_import = IncidentImport(
                    municipality=target, original_name=file.name[:200], created_by=by
                )
                incident_import.file.save(file.name, File(handle), save=False)
                file_stored(incident_import.file)
                incident_import.save()
                handle.seek(0)
                run = import_file_run(
                    handle,
                    file.name,
                    municipality=target,
                    write_into=incident_import,
                    by=by,
                    progress=self._progress,
                )
                incident_import.status = IncidentImport.Status.IMPORTED
                incident_import.imported_at = timezone.now()
                incident_import.row_count = run.written
                incident_import.confirmed_by = by
                incident_import.save()
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        except ImportRefused as refused:
            self.stdout.write("")
            for row in refused.run.failed_rows:
                for message in row["errors"]:
                    self.stdout.write(f"row {row['number']}: {message}")
            more = refused.run.error_count - len(refused.run.failed_rows)
            if more:
                self.stdout.write(f"… and {more} more rows with errors.")
            raise CommandError(
                f"{refused.run.error_count} of {refused.run.checked} rows have errors; "
                "nothing was imported."
            ) from refused
        self.stdout.write("")
        seconds = time.monotonic() - started
        self.stdout.write(
            f"{run.written} incidents imported into {target.name} (import {incident_import.pk}) "
            f"in {seconds:.1f} s ({run.written / seconds:,.0f} rows/s)."
        )

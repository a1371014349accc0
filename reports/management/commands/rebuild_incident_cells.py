from django.core.management.base import BaseCommand
from django.db import connection, transaction


class Command(BaseCommand):
    help = (
        "Recount the incident map's cells from the incidents. Safe to run at any time and "
        "again: filing waits until it is done. The database keeps the cells up to date by itself; "
        "this is for after restoring a backup or changing how cells are counted."
    )

    def handle(self, *args, **options):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT reports_incident_cells_rebuild()")
            (rows,) = cursor.fetchone()
        self.stdout.write(f"{rows} cells counted.")

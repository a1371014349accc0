from django.core.management.base import BaseCommand
from django.db import connection, transaction

#: The counts the database keeps from the incidents: (what, function, table).
KEPT_COUNTS = (
    ("map cells", "reports_incident_cells_sql", "reports_incidentcell"),
    ("daily counts", "reports_incident_day_counts_sql", "reports_incidentdaycount"),
    (
        "municipality map cells",
        "reports_incident_municipality_cells_sql",
        "reports_incidentmunicipalitycell",
    ),
)


class Command(BaseCommand):
    help = (
        "Recount what the database keeps counted from the incidents (the map's cells, the "
        "counts per day the analyses read). Safe to run at any time and again: filing waits "
        "until it is done. The database keeps the counts up to date by itself; this is for "
        "after restoring a backup or changing how they are counted."
    )

    def handle(self, *args, **options):
        with transaction.atomic(), connection.cursor() as cursor:
            # The municipalities' cells have foreign keys, checked at commit: checks still
            # pending from this transaction's own writes would forbid emptying the table.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for what, builder, table in KEPT_COUNTS:
                cursor.execute(
                    "SELECT reports_incident_kept_counts_rebuild(%s, %s)", [builder, table]
                )
                (rows,) = cursor.fetchone()
                self.stdout.write(f"{rows} {what} counted.")

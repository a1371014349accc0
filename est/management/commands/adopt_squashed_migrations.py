"""Lets a database migrated before the migrations were squashed (December 2026) go on.

Such a database already holds everything the new est and reports migrations create, under
other migration names; migrating it would try to create it all again. This records the new
names as applied instead. A database part-way through the old history is refused: migrate it
with the previous version first, or start a fresh one.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

#: The last migrations of the old histories; a database that has them has everything.
OLD_LAST = {
    ("est", "0002_area_kinds_intervention_comparison"),
    ("reports", "0014_incident_position_time"),
}
#: What replaced them.
NEW = [("est", "0001_initial"), ("reports", "0001_initial"), ("reports", "0002_kept_counts")]


class Command(BaseCommand):
    help = "Record the squashed est and reports migrations as applied on a database from before."

    def handle(self, *args, **options):
        if "django_migrations" not in connection.introspection.table_names():
            return
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT app, name FROM django_migrations WHERE app IN ('est', 'reports')"
            )
            applied = set(cursor.fetchall())
            if not applied or (applied >= set(NEW) and not applied & OLD_LAST):
                return
            if not applied >= OLD_LAST:
                raise CommandError(
                    "This database is part-way through the migrations from before December "
                    "2026. Migrate it with that version of EST first, or drop it and start again."
                )
            cursor.execute("DELETE FROM django_migrations WHERE app IN ('est', 'reports')")
            for app, name in NEW:
                cursor.execute(
                    "INSERT INTO django_migrations (app, name, applied) VALUES (%s, %s, now())",
                    [app, name],
                )
        self.stdout.write("Recorded the squashed est and reports migrations as applied.")

"""The counts that the database keeps from the incidents: the map's cells (IncidentCell) and the
incidents per day (IncidentDayCount). The SQL, and why it is written as it is, is in
sql/kept_counts.sql; reports/management/commands/rebuild_incident_counts.py recounts them."""

from pathlib import Path

from django.db import migrations

# Triggers, because statement-level triggers keep the counts for every writer, COPY in the
# importer included, so no code path can forget them.
KEPT_COUNTS = (Path(__file__).parent / "sql" / "kept_counts.sql").read_text(encoding="utf-8")

NOT_KEPT = """
DROP TRIGGER reports_incident_day_counts_insert ON reports_incident;
DROP TRIGGER reports_incident_day_counts_update ON reports_incident;
DROP TRIGGER reports_incident_day_counts_delete ON reports_incident;
DROP TRIGGER reports_incident_cells_insert ON reports_incident;
DROP TRIGGER reports_incident_cells_update ON reports_incident;
DROP TRIGGER reports_incident_cells_delete ON reports_incident;
DROP FUNCTION reports_incident_kept_counts_rebuild(text, text);
DROP FUNCTION reports_incident_kept_counts_trigger();
DROP FUNCTION reports_incident_day_counts_sql(text);
DROP FUNCTION reports_incident_cells_sql(text);
"""


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunSQL(KEPT_COUNTS, NOT_KEPT)]

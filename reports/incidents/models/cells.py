"""Incident counts per map cell, kept up to date by the database, so that the map's low zooms
of the whole country add up a few thousand counts instead of counting hundreds of thousands of
incidents.

A row counts the precise, unmerged incidents whose position falls in one square cell of the
SWEREF 99 TM grid and whose period starts in one local month or (cells of 16 km and more) day.
Nothing else is kept: a filter by municipality, category, status, source, text, area or
organisation narrows the incidents enough to count them (reports.incidents.map_cells).
Triggers on the incident table keep the rows right for every writer, COPY included
(reports/migrations/sql/kept_counts.sql); ``rebuild_incident_counts`` recomputes them (and the
counts per day) all.
"""

from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _


class IncidentCell(models.Model):
    """The number of incidents (and the sums of their coordinates) in one map cell and bucket."""

    size = models.PositiveIntegerField(_("cell side in metres"))
    x = models.IntegerField(_("cell column"), help_text=_("Easting divided by the size, floored."))
    y = models.IntegerField(_("cell row"), help_text=_("Northing divided by the size, floored."))
    month = models.BooleanField(
        _("whole month"), help_text=_("True: the month starting on the start day; false: a day.")
    )
    start = models.DateField(_("first day"))
    count = models.IntegerField(_("incidents"))
    sum_x = models.FloatField(_("sum of eastings"))
    sum_y = models.FloatField(_("sum of northings"))

    class Meta:
        verbose_name = _("incident map cell")
        verbose_name_plural = _("incident map cells")
        constraints = [
            models.UniqueConstraint(
                fields=["size", "month", "start", "x", "y"], name="incident_cell_key"
            )
        ]

    def __str__(self):
        return f"{self.count} in {self.size} m cell {self.x},{self.y} from {self.start}"

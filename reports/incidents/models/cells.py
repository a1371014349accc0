"""Incident counts per map cell, kept up to date by the database, so that the map's low zooms
of the whole country add up a few thousand counts instead of counting hundreds of thousands of
incidents.

A row counts the precise, unmerged incidents whose position falls in one square cell of the
SWEREF 99 TM grid and whose period starts in one local month or (cells of 16 km and more) day.
IncidentMunicipalityCell keeps the same per municipality (and per category) in smaller cells,
for a coordinator's map of a city. A filter by status, source, text, area or organisation is
counted from the incidents (reports.incidents.map_cells).
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


class IncidentMunicipalityCell(models.Model):
    """The number of incidents (and the sums of their coordinates) of one municipality, of one
    category or (category empty) of all, in one map cell and local month."""

    municipality = models.ForeignKey(
        "est.Municipality",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("municipality"),
        # The key's index begins with it.
        db_index=False,
    )
    category = models.ForeignKey(
        "reports.Category",
        on_delete=models.CASCADE,
        null=True,
        related_name="+",
        verbose_name=_("category"),
        help_text=_("Empty: the incidents of every category."),
    )
    size = models.PositiveIntegerField(_("cell side in metres"))
    month = models.DateField(_("month"), help_text=_("Its first day."))
    x = models.IntegerField(_("cell column"), help_text=_("Easting divided by the size, floored."))
    y = models.IntegerField(_("cell row"), help_text=_("Northing divided by the size, floored."))
    count = models.IntegerField(_("incidents"))
    sum_x = models.FloatField(_("sum of eastings"))
    sum_y = models.FloatField(_("sum of northings"))

    class Meta:
        verbose_name = _("incident map cell of a municipality")
        verbose_name_plural = _("incident map cells of a municipality")
        constraints = [
            # Nulls not distinct: the row of all categories is one row too.
            models.UniqueConstraint(
                fields=["municipality", "category", "size", "month", "x", "y"],
                name="incident_municipality_cell_key",
                nulls_distinct=False,
            )
        ]

    def __str__(self):
        return f"{self.count} in {self.size} m cell {self.x},{self.y} of {self.month:%Y-%m}"


class IncidentMapChange(models.Model):
    """When the incidents of one municipality last changed, kept by the database: the map's
    data answers "not modified" to a browser that has the answer of an unchanged view."""

    municipality = models.OneToOneField(
        "est.Municipality",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    changed_at = models.DateTimeField(_("changed"))

    class Meta:
        verbose_name = _("change of a municipality's incidents")
        verbose_name_plural = _("changes of municipalities' incidents")

    def __str__(self):
        return f"{self.municipality_id} changed {self.changed_at}"

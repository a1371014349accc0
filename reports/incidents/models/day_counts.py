"""The number of counted incidents per municipality, category and local day, kept up to date by
the database, so that a tertial analysis's three years of monthly trend and the daily totals its
interventions are compared with add up a few thousand rows instead of counting hundreds of
thousands of incidents.

Counted are the incidents the analyses count: not police events (imprecise, reported apart), not
merged into another. An incident counts on the local day its period starts. Triggers on the
incident table keep the rows right for every writer, COPY included
(reports/migrations/sql/kept_counts.sql); ``rebuild_incident_counts`` recomputes them all.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from est.models import Municipality


class IncidentDayCount(models.Model):
    """The number of one municipality's counted incidents of one category that began on one
    local day, placed precisely or not."""

    # Written by the database alone, and left at zero rows when incidents go: no constraint or
    # cascade of Django's may delete a count the triggers are about to correct.
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
        verbose_name=_("municipality"),
    )
    category = models.ForeignKey(
        "reports.Category",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
        verbose_name=_("category"),
    )
    day = models.DateField(_("day"))
    precise = models.BooleanField(_("precise position"))
    count = models.IntegerField(_("incidents"))

    class Meta:
        verbose_name = _("incidents per day")
        verbose_name_plural = _("incidents per day")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "day", "category", "precise"],
                name="incident_day_count_key",
            )
        ]

    def __str__(self):
        return f"{self.count} on {self.day}"

"""The incidents' models: what reporters file and what the database keeps counted from it."""

from reports.incidents.models.category import Category, CategoryQuerySet
from reports.incidents.models.cells import IncidentCell, IncidentMapChange, IncidentMunicipalityCell
from reports.incidents.models.day_counts import IncidentDayCount
from reports.incidents.models.exports import IncidentExport, IncidentExportQuerySet
from reports.incidents.models.imports import IncidentImport, IncidentImportQuerySet
from reports.incidents.models.incident import (
    COUNTED,
    Incident,
    IncidentHistory,
    IncidentQuerySet,
    begun_in,
    counted_sql,
)
from reports.incidents.models.photo import IncidentPhoto

__all__ = [
    "COUNTED",
    "begun_in",
    "counted_sql",
    "Category",
    "CategoryQuerySet",
    "Incident",
    "IncidentCell",
    "IncidentMapChange",
    "IncidentMunicipalityCell",
    "IncidentDayCount",
    "IncidentExport",
    "IncidentExportQuerySet",
    "IncidentHistory",
    "IncidentImport",
    "IncidentImportQuerySet",
    "IncidentPhoto",
    "IncidentQuerySet",
]

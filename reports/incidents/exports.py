"""What the incidents' exports share: one set of columns for CSV, Excel and GeoJSON
(reports.incidents.export_copy and export_workbook), the same columns the importer reads back."""

from django.conf import settings
from django.contrib.gis.db.models.functions import Transform
from django.db.models import FloatField, Func
from django.utils.translation import gettext_lazy

#: (key, header): the key names GeoJSON properties, the header heads CSV and Excel columns.
COLUMNS = [
    ("id", gettext_lazy("id")),
    ("municipality", gettext_lazy("municipality")),
    ("category", gettext_lazy("category")),
    ("from", gettext_lazy("from")),
    ("until", gettext_lazy("until")),
    ("latitude", gettext_lazy("latitude")),
    ("longitude", gettext_lazy("longitude")),
    ("precise_position", gettext_lazy("precise position")),
    ("place", gettext_lazy("place")),
    ("description", gettext_lazy("description")),
    ("status", gettext_lazy("status")),
    ("source", gettext_lazy("source")),
    ("organisation", gettext_lazy("organisation")),
    ("police_informed", gettext_lazy("police informed")),
    ("police_reference", gettext_lazy("police reference number")),
]


def coordinate(function: str) -> Func:
    """Return the incident's latitude (``ST_Y``) or longitude (``ST_X``) in WGS 84."""
    return Func(
        Transform("position", settings.MAP_SRID), function=function, output_field=FloatField()
    )

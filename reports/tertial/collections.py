"""The adopted tertial analyses' counts as open data (est.oapif): incidents per area and
category in each tertial, never a count under ``settings.OPEN_DATA_MIN_COUNT``."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from est.oapif.registry import Collection
from reports.incidents.models import counted_sql
from reports.tertial.models import TertialAnalysis

_COUNTS_SQL = """
WITH analysis AS (
    SELECT analysis.id, analysis.municipality_id, analysis.year, analysis.number,
           make_date(analysis.year, analysis.number * 4 - 3, 1)::timestamp AT TIME ZONE %s
               AS first,
           (make_date(analysis.year, analysis.number * 4 - 3, 1) + interval '4 months')::timestamp
               AT TIME ZONE %s AS until
    FROM reports_tertialanalysis AS analysis
    WHERE analysis.id = ANY(%s)
)
SELECT format('%%s-%%s-%%s', analysis.id, area.id, category.id) AS fid,
       area.boundary AS geom, analysis.first AS start,
       analysis.until - interval '1 microsecond' AS "end",
       jsonb_build_object('municipality', municipality.name,
                          'municipality_code', municipality.code,
                          'area', area.name, 'category', category.name,
                          'year', analysis.year, 'tertial', analysis.number,
                          'incidents', count(*)) AS properties
FROM analysis
JOIN est_municipality AS municipality ON municipality.id = analysis.municipality_id
JOIN est_area AS area ON area.municipality_id = analysis.municipality_id
JOIN reports_incident AS incident
  ON incident.municipality_id = analysis.municipality_id
 AND {counted}
 AND incident.position_precise
 AND incident.occurred_from >= analysis.first AND incident.occurred_from < analysis.until
 AND ST_Intersects(area.boundary, incident.position)
JOIN reports_category AS category ON category.id = incident.category_id
GROUP BY analysis.id, analysis.first, analysis.until, analysis.year, analysis.number,
         municipality.id, area.id, category.id
HAVING count(*) >= %s
""".replace("{counted}", counted_sql("incident"))


def adopted_analyses() -> list[int]:
    """Return the ids of the adopted analyses, the latest adopted version of each municipality's
    tertial (a draft that supersedes one has not been adopted yet)."""
    return list(
        TertialAnalysis.objects.filter(status=TertialAnalysis.Status.ADOPTED)
        .order_by("municipality_id", "year", "number", "-version")
        .distinct("municipality_id", "year", "number")
        .values_list("pk", flat=True)
    )


def tertial_counts_source(request, params) -> tuple[str, list]:
    """Return the source of the incidents counted per area, category and tertial of the adopted
    analyses, each count at least ``OPEN_DATA_MIN_COUNT``, as the analyses count them (precisely
    placed incidents that began in the tertial)."""
    zone = settings.TIME_ZONE
    return _COUNTS_SQL, [zone, zone, adopted_analyses(), settings.OPEN_DATA_MIN_COUNT]


TERTIAL_COUNTS = Collection(
    id="handelser-per-omrade",
    title=_("Incidents per area and tertial"),
    description=_(
        "Incidents per area and category in each tertial of the adopted tertial analyses. "
        "Small counts are left out, so that no one can be pointed out."
    ),
    source=tertial_counts_source,
    public=True,
    text_ids=True,
    geometry="polygon",
    order=20,
)

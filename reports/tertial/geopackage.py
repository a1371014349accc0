"""An adopted tertial analysis as one GeoPackage: the municipality, its areas with the tertial's
counts, the incidents as counted, and the hexagons, hot spots, repeat places and patrol windows
of the tertial's published situation pictures."""

from est.geopackage import geopackage_write
from reports.situation.geopackage import frame_layers, merged, picture_layers
from reports.situation.models import SituationPicture


def tertial_analysis_geopackage(analysis) -> bytes:
    """Return ``analysis``'s tertial as a GeoPackage (SWEREF 99 TM)."""
    tertial = analysis.tertial
    pictures = (
        SituationPicture.objects.for_municipality(analysis.municipality)
        .published()
        .filter(period_start__gte=tertial.first_day, period_start__lt=tertial.end)
        .order_by("period_start", "version")
    )
    frame = frame_layers(analysis.municipality, tertial.first_day, tertial.end)
    return geopackage_write(merged([frame, *(picture_layers(p) for p in pictures)]))

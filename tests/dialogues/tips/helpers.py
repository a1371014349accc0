"""Tips for the tests: a place inside a municipality, and a tip sent there."""

from dialogues.tips.services import tip_submit
from est.projections import WGS84
from reports.incidents.filing import point_from_lat_lon


def inside(municipality, east: float = 0, north: float = 0) -> tuple[float, float]:
    """Return (latitude, longitude) of the middle of ``municipality``, moved ``east`` and
    ``north`` metres."""
    point = municipality.boundary.centroid
    point.x += east
    point.y += north
    point.transform(WGS84)
    return point.y, point.x


def tip_in(municipality, *, email="", east=0, description="Mörk gångväg bakom skolan", **extra):
    """Return a tip sent to ``municipality`` near its middle."""
    return tip_submit(
        municipality=municipality,
        category=extra.pop("category", "dark_path"),
        description=description,
        position=point_from_lat_lon(*inside(municipality, east=east)),
        email=email,
        sender_key=extra.pop("sender_key", "test"),
        **extra,
    )

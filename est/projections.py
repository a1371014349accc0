"""Transforming geometries between the maps' WGS 84 and the storage's SWEREF 99 TM.

``GEOSGeometry.transform(srid)`` builds two spatial references and a PROJ transformation for
every call: about 10 ms each time, a fifth of filing an incident. The transformations here are
built once per thread (GDAL's objects must not be shared between threads) and reused.
"""

import threading

from django.contrib.gis.gdal import CoordTransform, SpatialReference
from django.contrib.gis.geos import GEOSGeometry
from django.db.models import FloatField, Func

#: Latitude and longitude as GPS, phones and GeoJSON give them: always WGS 84, whatever SRID
#: the maps use (``MAP_SRID``) or the data is stored in (``STORAGE_SRID``).
WGS84 = 4326

_local = threading.local()


def _coord_transform(source: int, target: int) -> CoordTransform:
    """Return this thread's transformation from SRID ``source`` to SRID ``target``."""
    transforms = _local.__dict__.setdefault("transforms", {})
    if (source, target) not in transforms:
        transforms[source, target] = CoordTransform(
            SpatialReference(source), SpatialReference(target)
        )
    return transforms[source, target]


def transformed(geometry: GEOSGeometry, srid: int) -> GEOSGeometry:
    """Return a copy of ``geometry`` (which must have an SRID) in the SRID ``srid``."""
    if geometry.srid == srid:
        return geometry.clone()
    result = geometry.transform(_coord_transform(geometry.srid, srid), clone=True)
    result.srid = srid
    return result


class PointX(Func):
    """A point's x (easting, or longitude) in SQL: PostGIS's ST_X, which Django does not name."""

    function = "ST_X"
    output_field = FloatField()


class PointY(Func):
    """A point's y (northing, or latitude) in SQL: PostGIS's ST_Y."""

    function = "ST_Y"
    output_field = FloatField()

"""Features read from a collection's source, built as GeoJSON text by PostgreSQL.

PostgreSQL writes each feature (ST_AsGeoJSON, json_build_object) and Python only joins the
texts: a page of 10,000 features is never turned into Python objects. Pages follow the feature
id (keyset paging): the next page starts after the last id of this one, so paging through a
hundred thousand features reads each once, however deep the page.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext as _

from .parameters import CRSS, ItemsQuery, ParameterInvalid
from .registry import Collection


@dataclass(frozen=True)
class Page:
    """A page of features: their GeoJSON texts, and the last id when more follow."""

    features: list[str]
    next_cursor: str | None


def _feature_sql(crs: str) -> str:
    srid, northing_first, decimals = CRSS[crs]
    geometry = f"ST_Transform(source.geom, {srid})"
    if northing_first:
        geometry = f"ST_FlipCoordinates({geometry})"
    return (
        "json_build_object('type', 'Feature', 'id', source.fid, "
        f"'geometry', ST_AsGeoJSON({geometry}, {decimals}, 0)::json, "
        "'properties', source.properties)::text"
    )


def _cursor_sql(collection: Collection) -> str:
    """Return the SQL of the ``cursor`` value that the next page starts after."""
    return "source.part || '~' || source.fid" if collection.partitioned else "source.fid::text"


def _fid(collection: Collection, value: str):
    """Return the feature id ``value`` in the type of ``collection``'s ids."""
    if collection.text_ids:
        return value
    try:
        return int(value)
    except ValueError:
        return None


def _order(collection: Collection) -> str:
    """Return what pages are ordered by: the feature id, after the source's ``part`` where the
    collection is ``partitioned`` (an index on the two then serves a municipality's pages)."""
    return "source.part, source.fid" if collection.partitioned else "source.fid"


def _cursor(collection: Collection, value: str) -> list:
    """Return the values of ``_order`` that the ``cursor`` parameter ``value`` names."""
    parts = value.split("~", 1) if collection.partitioned else [None, value]
    fid = _fid(collection, parts[-1]) if len(parts) == 2 else None
    if fid is None or (collection.partitioned and not parts[0].isdigit()):
        raise ParameterInvalid(_("cursor: %(value)s is not a place in this collection.")
                               % {"value": value})  # fmt: skip
    return [int(parts[0]), fid] if collection.partitioned else [fid]


def _conditions(collection: Collection, query: ItemsQuery) -> tuple[list[str], list]:
    """Return the SQL conditions on the source that ``query`` asks for, and their parameters."""
    conditions, params = [], []
    if query.bbox is not None:
        conditions.append(
            "ST_Intersects(source.geom, ST_Transform(ST_MakeEnvelope(%s, %s, %s, %s, %s), %s))"
        )
        params += [*query.bbox, query.bbox_srid, settings.STORAGE_SRID]
    if collection.temporal and (query.after or query.before):
        # As a range overlap, so that an index on the same range (the incidents' period) finds
        # the features of a month without reading the others; a missing end is open.
        conditions.append(
            """tstzrange(source.start, source."end", '[]') && tstzrange(%s, %s, '[]')"""
        )
        params += [query.after, query.before]
    if query.cursor is not None:
        cursor = _cursor(collection, query.cursor)
        placeholders = ", ".join(["%s"] * len(cursor))
        conditions.append(f"({_order(collection)}) > ({placeholders})")
        params += cursor
    return conditions, params


def features_page(collection: Collection, request, query: ItemsQuery) -> Page:
    """Return the page of ``collection``'s features that ``query`` asks for, as ``request``'s
    user may see them."""
    source, params = collection.source(request, request.query_params)
    conditions, condition_params = _conditions(collection, query)
    where = " AND ".join(conditions) or "TRUE"
    # The source is SQL the collections wrote, with its values as parameters; the conditions
    # are ours, with the request's values as parameters too.
    sql = (
        f"SELECT {_cursor_sql(collection)}, {_feature_sql(query.crs)} "  # noqa: S608
        f"FROM ({source}) AS source WHERE {where} ORDER BY {_order(collection)} LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *condition_params, query.limit + 1])
        rows = cursor.fetchall()
    more = len(rows) > query.limit
    rows = rows[: query.limit]
    return Page([row[1] for row in rows], rows[-1][0] if more else None)


def feature_one(collection: Collection, request, feature_id: str, crs: str) -> str | None:
    """Return the GeoJSON text of ``collection``'s feature ``feature_id``, or None when there is
    none that ``request``'s user may see."""
    fid = _fid(collection, feature_id)
    if fid is None:
        return None
    source, params = collection.source(request, {})
    sql = f"SELECT {_feature_sql(crs)} FROM ({source}) AS source WHERE source.fid = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, fid])
        row = cursor.fetchone()
    return row[0] if row else None

"""Features read from a collection's source, built as GeoJSON text by PostgreSQL.

PostgreSQL writes each feature (ST_AsGeoJSON, json_build_object) and Python only joins the
texts: a page of 10,000 features is never turned into Python objects. Pages follow the feature
id (keyset paging): the next page starts after the last id of this one, so paging through a
hundred thousand features reads each once, however deep the page.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import connection

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


def _fid(collection: Collection, value: str):
    """Return the feature id ``value`` in the type of ``collection``'s ids."""
    if collection.text_ids:
        return value
    try:
        return int(value)
    except ValueError:
        return None


def _conditions(collection: Collection, query: ItemsQuery) -> tuple[list[str], list]:
    conditions, params = [], []
    if query.bbox is not None:
        conditions.append(
            "ST_Intersects(source.geom, ST_Transform(ST_MakeEnvelope(%s, %s, %s, %s, %s), %s))"
        )
        params += [*query.bbox, query.bbox_srid, settings.STORAGE_SRID]
    if collection.temporal and query.after is not None:
        conditions.append('coalesce(source."end", source.start) >= %s')
        params.append(query.after)
    if collection.temporal and query.before is not None:
        conditions.append("source.start <= %s")
        params.append(query.before)
    if query.cursor is not None:
        cursor = _fid(collection, query.cursor)
        if cursor is None:
            raise ParameterInvalid("cursor: not a feature id of this collection.")
        conditions.append("source.fid > %s")
        params.append(cursor)
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
        f"SELECT source.fid::text, {_feature_sql(query.crs)} FROM ({source}) AS source "  # noqa: S608
        f"WHERE {where} ORDER BY source.fid LIMIT %s"
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

"""The collections the apps offer, staff (behind the API's authentication) or public."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import DateTimeField, F, Func, JSONField, Value
from django.db.models.functions import Cast

#: A source's columns, in this order: ``fid`` (the feature id: an integer, or text where
#: ``text_ids``), ``geom`` (the geometry in the storage SRID), ``start`` and ``end`` (what the
#: ``datetime`` parameter compares with, either may be NULL for no time) and ``properties``
#: (a JSON object).
SOURCE_COLUMNS = ("fid", "geom", "start", "end", "properties")
#: and, in a ``partitioned`` collection, ``part``: an integer the pages are ordered by before the
#: id (the municipality), so that a municipality's features come from an index on the two.


@dataclass(frozen=True)
class Collection:
    """One collection of features: its id, texts and where its rows come from."""

    #: the id in the URL, e.g. ``incidents``
    id: str
    #: a lazy translation
    title: str
    description: str
    #: (request, query parameters) -> (sql, params): a SELECT of ``SOURCE_COLUMNS``, scoped to
    #: what the request's user may see; it may raise ``ParameterInvalid`` for its own parameters
    source: Callable[[Any, Any], tuple[str, list]]
    #: public collections need no login; staff ones need the API's authentication and this
    #: permission (est.roles)
    public: bool = False
    permission: str = ""
    #: whether the feature ids are text (keyset paging then orders them as text)
    text_ids: bool = False
    #: whether the source has a ``part`` column to order pages by first (see SOURCE_COLUMNS)
    partitioned: bool = False
    #: the collection's own query parameters (name -> description), e.g. the incident filters
    parameters: dict[str, str] = field(default_factory=dict)
    #: "point", "polygon" or "mixed": what GIS clients are told to expect
    geometry: str = "point"
    #: whether features carry a time (``datetime`` then filters them)
    temporal: bool = True
    order: int = 100


COLLECTIONS: dict[str, Collection] = {}


def register(*collections: Collection) -> None:
    """Offer ``collections``; an id is registered once (a public and a staff collection may not
    share one either, so that a link never means two things)."""
    for collection in collections:
        if collection.id in COLLECTIONS:
            raise ValueError(f"a collection {collection.id!r} is already registered")
        COLLECTIONS[collection.id] = collection


def collections_offered(*, public: bool) -> list[Collection]:
    """Return the public collections, or the staff ones, in their order."""
    chosen = [each for each in COLLECTIONS.values() if each.public == public]
    return sorted(chosen, key=lambda each: (each.order, each.id))


class _PropertiesObject(Func):
    """A JSON object of ``fields`` whose keys keep their order (Django's JSONObject makes a
    jsonb object, which sorts them), so GIS clients list the properties as they are named."""

    function = "json_build_object"
    output_field = JSONField()

    def __init__(self, **fields):
        super().__init__(*(part for key, value in fields.items() for part in (Value(key), value)))


def queryset_source(
    queryset, *, geom, start=None, end=None, properties, part=None
) -> tuple[str, list]:
    """Return the SQL of a source over ``queryset`` (already scoped): ``geom``, ``start``,
    ``end`` and ``part`` are field names or expressions, ``properties`` a dict of name -> field
    name or expression. The queryset's ordering is dropped, so PostgreSQL can merge the source
    into the items query and use the indexes for paging and bbox."""

    def expression(value):
        return F(value) if isinstance(value, str) else value

    no_time = Cast(Value(None), DateTimeField())
    columns = {
        "fid": F("pk"),
        "geom": expression(geom),
        "start": expression(start) if start else no_time,
        "end": expression(end) if end else no_time,
        "properties": _PropertiesObject(**{k: expression(v) for k, v in properties.items()}),
    }
    names = SOURCE_COLUMNS
    if part:
        columns["part"] = expression(part)
        names = (*names, "part")
    values = queryset.order_by().values(**{f"oapif_{k}": v for k, v in columns.items()})
    sql, params = values.query.sql_with_params()
    # Named by us in SQL: the aliases Django gave them are "oapif_fid" and so on.
    outer = ", ".join(f'source."oapif_{name}" AS "{name}"' for name in names)
    return f"SELECT {outer} FROM ({sql}) AS source", list(params)  # noqa: S608 -- Django's SQL

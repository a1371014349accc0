"""The situation pictures' layers for the GIS service (est.oapif): interventions with their
target and comparison areas, and each published picture's hot-spot hexagons and repeat places,
read from the picture's snapshot (what it showed when it was published)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from est.oapif.registry import Collection, queryset_source
from reports.permissions import SITUATION_VIEW
from reports.situation.models import Intervention, SituationPicture


def interventions_source(request, params) -> tuple[str, list]:
    """Return the source of the interventions decided in the pictures ``request``'s user may
    read, placed on their target area, with the comparison area among the properties."""
    interventions = Intervention.objects.filter(
        decided_in__in=SituationPicture.objects.for_user(request.user)
    )
    return queryset_source(
        interventions,
        geom="area__boundary",
        start="starts_on",
        end="ends_on",
        properties={
            "what": "what",
            "problem": "problem",
            "status": "status",
            "starts_on": "starts_on",
            "ends_on": "ends_on",
            "times": "times",
            "organisation": "organisation__name",
            "municipality": "municipality__code",
            "situation_picture": "decided_in_id",
            "target_area_id": "area_id",
            "target_area": "area__name",
            "comparison_area_id": "comparison_area_id",
            "comparison_area": "comparison_area__name",
        },
    )


#: Each picture's rows of a list in its snapshot: ``{list}`` is the path to it, ``{geom}`` the
#: geometry made of the row (``item``, in SWEREF 99 TM metres), ``{properties}`` extra ones.
_SNAPSHOT_SQL = """
SELECT picture.id * 100000 + item.n AS fid, {geom} AS geom,
       (picture.period_start::timestamp AT TIME ZONE %s) AS start,
       (picture.period_end::timestamp AT TIME ZONE %s) AS "end",
       jsonb_build_object('situation_picture', picture.id, 'municipality', municipality.code,
                          'period_start', picture.period_start,
                          'period_end', picture.period_end - 1,
                          'count', (item.value->>'count')::int) || {properties} AS properties
FROM reports_situationpicture AS picture
JOIN est_municipality AS municipality ON municipality.id = picture.municipality_id,
     jsonb_array_elements(picture.content #> %s) WITH ORDINALITY AS item(value, n)
WHERE picture.id = ANY(%s)
"""

#: A flat-topped hexagon around the cell's centre, as ST_HexagonGrid made it.
_HEXAGON = """ST_GeomFromText(format('POLYGON((%%1$s %%2$s,%%3$s %%4$s,%%5$s %%4$s,%%6$s %%2$s,
%%5$s %%7$s,%%3$s %%7$s,%%1$s %%2$s))',
  x - s, y, x - s / 2, y + s * sqrt(3) / 2, x + s / 2, x + s, y - s * sqrt(3) / 2), {srid})
FROM (SELECT (item.value->>'x')::float AS x, (item.value->>'y')::float AS y,
             (picture.content #>> '{{where,hex_size}}')::float AS s) AS cell"""


def _published(request) -> list[int]:
    return list(
        SituationPicture.objects.for_user(request.user).published().values_list("pk", flat=True)
    )


def _snapshot_source(request, path: list[str], geom: str, properties: str) -> tuple[str, list]:
    sql = _SNAPSHOT_SQL.replace("{geom}", geom).replace("{properties}", properties)
    zone = settings.TIME_ZONE
    return sql, [zone, zone, path, _published(request)]


def hexagons_source(request, params) -> tuple[str, list]:
    """Return the source of the hexagons of the published pictures ``request``'s user may read:
    each with its incidents, Gi* z-score, and whether it is a hot or cold spot at what
    confidence."""
    geom = "(SELECT " + _HEXAGON.format(srid=settings.STORAGE_SRID) + ")"
    properties = """jsonb_build_object('z', (item.value->>'z')::float,
        'spot', nullif(rtrim(item.value->>'spot', '0123456789'), ''),
        'confidence', nullif(ltrim(item.value->>'spot', 'hotcld'), '')::int)"""
    return _snapshot_source(request, ["where", "cells"], geom, properties)


def repeat_places_source(request, params) -> tuple[str, list]:
    """Return the source of the repeat places (where incidents recur within 50 metres) of the
    published pictures ``request``'s user may read, with their label and area, and the patrol
    windows the picture advised for them."""
    geom = (
        "ST_SetSRID(ST_MakePoint((item.value->>'x')::float, (item.value->>'y')::float), "
        f"{settings.STORAGE_SRID})"
    )
    properties = """jsonb_build_object('label', item.value->>'label',
        'area', item.value->>'area',
        'patrol_windows', (SELECT coalesce(jsonb_agg(jsonb_build_object(
              'weekday', patrol->'weekday', 'start_hour', patrol->'start_hour',
              'end_hour', patrol->'end_hour', 'expected', patrol->'expected',
              'share_percent', patrol->'share')), '[]'::jsonb)
           FROM jsonb_array_elements(picture.content->'patrols') AS patrol
           WHERE patrol->>'place' = item.value->>'label'))"""
    return _snapshot_source(request, ["where", "repeat_places"], geom, properties)


INTERVENTIONS = Collection(
    id="interventions",
    title=_("Interventions"),
    description=_(
        "Interventions decided in the situation pictures, on their target area, with the "
        "comparison area they are judged against."
    ),
    source=interventions_source,
    permission=SITUATION_VIEW,
    geometry="polygon",
    order=30,
)
HEXAGONS = Collection(
    id="hot-spot-hexagons",
    title=_("Hot-spot hexagons"),
    description=_(
        "The hexagons (250 m sides) of each published situation picture: incidents, Gi* "
        "z-score, hot or cold spot and its confidence (95 or 99 %)."
    ),
    source=hexagons_source,
    permission=SITUATION_VIEW,
    geometry="polygon",
    order=40,
)
REPEAT_PLACES = Collection(
    id="repeat-places",
    title=_("Repeat places"),
    description=_(
        "Places where incidents recurred in a published situation picture's period, with the "
        "patrol windows advised for them (weekday 0 is Monday)."
    ),
    source=repeat_places_source,
    permission=SITUATION_VIEW,
    order=41,
)

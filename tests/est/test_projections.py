"""Geometries move between the maps' WGS 84 and the storage's SWEREF 99 TM to the millimetre."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.gis.geos import Point
from django.db import connection

from est.projections import transformed


def postgis_transform(point: Point, srid: int) -> tuple[float, float]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ST_X(g), ST_Y(g) FROM ST_Transform(ST_GeomFromEWKT(%s), %s) AS g",
            [point.ewkt, srid],
        )
        return cursor.fetchone()


@pytest.mark.django_db
def test_a_point_lands_where_postgis_puts_it_both_ways():
    arboga_church = Point(15.8386, 59.3939, srid=4326)

    stored = transformed(arboga_church, 3006)
    back = transformed(stored, 4326)

    assert stored.srid == 3006
    assert stored.coords == pytest.approx(postgis_transform(arboga_church, 3006), abs=0.001)
    assert back.coords == pytest.approx(arboga_church.coords, abs=1e-8)
    assert arboga_church.srid == 4326  # the original is left as it was


def test_threads_transforming_at_once_each_get_the_right_answer():
    points = [Point(15 + i / 100, 59 + i / 100, srid=4326) for i in range(200)]
    expected = [transformed(point, 3006).coords for point in points]

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda point: transformed(point, 3006).coords, points))

    assert results == expected

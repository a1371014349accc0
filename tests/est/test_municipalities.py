from django.contrib.gis.geos import Point

from est.models import Municipality
from est.municipalities import municipalities_load


def test_all_290_municipalities_load_in_sweref_and_reload_updates(db):
    assert municipalities_load() == (290, 0)
    assert municipalities_load() == (0, 290)
    assert Municipality.objects.count() == 290
    arboga = Municipality.objects.get(code="1984")
    assert arboga.name == "Arboga"
    assert arboga.boundary.srid == 3006
    # The police's centre point for Arboga lies inside Arboga and nowhere else.
    centre = Point(15.838175, 59.393688, srid=4326)
    assert list(Municipality.objects.containing(centre).values_list("code", flat=True)) == ["1984"]
    # Kungsör is about 140 km² of land and water; SWEREF 99 TM measures in metres.
    kungsor = Municipality.objects.get(code="1960")
    assert 100 < kungsor.boundary.area / 1e6 < 400

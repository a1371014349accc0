"""A published situation picture and an adopted tertial analysis as GeoPackages for GIS staff."""

import subprocess

import pytest

from est.periods import Tertial
from reports.situation.compile import situation_picture_compile, situation_picture_ensure
from reports.situation.workflow import situation_picture_publish
from reports.tertial.compile import tertial_analysis_compile, tertial_analysis_ensure
from reports.tertial.workflow import tertial_analysis_adopt, tertial_analysis_submit
from tests.factories import AreaFactory
from tests.reports.helpers import PERIOD_START, known_incidents


def layers_of(content: bytes, tmp_path) -> str:
    """Return what ogrinfo says of the GeoPackage ``content``: its layers and their counts."""
    path = tmp_path / "download.gpkg"
    path.write_bytes(content)
    done = subprocess.run(  # noqa: S603 -- a fixed program and the test's own file
        ["/usr/bin/ogrinfo", "-ro", "-al", "-so", str(path)],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    return done.stdout


@pytest.fixture
def picture(arboga, kungsor, coordinator):
    known_incidents(arboga, kungsor)
    AreaFactory(municipality=arboga, name="Centrum", boundary=arboga.boundary)
    picture, _ = situation_picture_ensure(municipality=arboga, period_start=PERIOD_START)
    situation_picture_compile(picture_id=picture.pk)
    picture.refresh_from_db()
    return picture


def test_a_published_picture_downloads_as_a_geopackage(client_for, coordinator, picture, tmp_path):
    client = client_for(coordinator)
    assert client.get(f"/situation/{picture.pk}/geopackage/").status_code == 404  # a draft
    situation_picture_publish(picture=picture, by=coordinator)

    response = client.get(f"/situation/{picture.pk}/geopackage/")

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.gpkg"')
    info = layers_of(response.content, tmp_path)
    for layer in ("municipality", "areas", "incidents", "hexagons", "repeat_places"):
        assert f"Layer name: {layer}" in info
    # The period's three counted incidents; the police event and Kungsör's are not among them.
    assert "Layer name: incidents\nGeometry: Point\nFeature Count: 3" in info
    assert "z: Real" in info
    assert "confidence: Integer" in info or "confidence: String" in info
    assert "SWEREF99 TM" in info


def test_another_municipality_gets_404(client_for, outsider, coordinator, picture):
    situation_picture_publish(picture=picture, by=coordinator)

    assert client_for(outsider).get(f"/situation/{picture.pk}/geopackage/").status_code == 404


def test_an_adopted_tertial_downloads_as_a_geopackage(
    client_for, coordinator, picture, arboga, tmp_path
):
    situation_picture_publish(picture=picture, by=coordinator)
    analysis, _ = tertial_analysis_ensure(municipality=arboga, tertial=Tertial(2025, 1))
    tertial_analysis_compile(analysis_id=analysis.pk)
    analysis.refresh_from_db()
    client = client_for(coordinator)
    assert client.get(f"/tertial/{analysis.pk}/geopackage/").status_code == 404  # a draft
    tertial_analysis_submit(analysis=analysis, by=coordinator)
    tertial_analysis_adopt(analysis=analysis, by=coordinator, adopted_on=PERIOD_START,
                           decision="Antogs.")  # fmt: skip

    response = client.get(f"/tertial/{analysis.pk}/geopackage/")

    assert response.status_code == 200
    info = layers_of(response.content, tmp_path)
    for layer in ("areas", "incidents", "hexagons", "repeat_places"):
        assert f"Layer name: {layer}" in info
    assert "incidents: Integer" in info

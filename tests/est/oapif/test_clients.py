"""The GIS service opened with the real clients: GDAL's OAPIF driver (ogrinfo, as QGIS reads
it) and OWSLib, against the live server."""

import re
import subprocess

from owslib.ogcapi.features import Features

from tests.est.oapif.conftest import spread_incidents

SWEREF = "http://www.opengis.net/def/crs/EPSG/0/3006"


def ogrinfo(url: str, *args: str, token: str | None = None) -> str:
    """Return what ``ogrinfo`` prints of the OGC API – Features service at ``url``."""
    headers = ["--config", "GDAL_HTTP_HEADERS", f"Authorization: Token {token}"] if token else []
    done = subprocess.run(  # noqa: S603 -- fixed program, the test's own arguments
        ["/usr/bin/ogrinfo", *headers, "-ro", f"OAPIF:{url}", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_gdal_lists_the_collections_and_pages_through_25000_incidents_once_each(
    live_server, coordinator, arboga, kungsor, token_of
):
    spread_incidents(kungsor, 10)  # so that Arboga's ids do not start at 1
    made = {incident.pk for incident in spread_incidents(arboga, 25_000)}
    url, token = f"{live_server.url}/api/features/", token_of(coordinator)

    listing = ogrinfo(url, "-so", token=token)
    assert "incidents" in listing
    assert "hot-spot-hexagons" in listing

    features = ogrinfo(
        url, "incidents", "-al", "-q", "-geom=NO", "-oo", "PAGE_SIZE=1000",
        "-where", "municipality = '1984'", token=token,
    )  # fmt: skip
    ids = [int(fid) for fid in re.findall(r"^OGRFeature\(incidents\):(\d+)$", features, re.M)]
    assert len(ids) == 25_000
    assert set(ids) == made


def test_gdal_reads_the_open_data_without_a_token(live_server, arboga):
    listing = ogrinfo(f"{live_server.url}/oppna-data/", "-so")

    assert "kamerabevakning" in listing
    assert "trygghetsvandringar" in listing


def test_owslib_filters_by_bbox_and_datetime_and_reads_sweref(
    live_server, coordinator, arboga, kungsor, token_of
):
    spread_incidents(arboga, 48)  # one an hour on 1 and 2 January 2025
    spread_incidents(kungsor, 5)
    service = Features(
        f"{live_server.url}/api/features/",
        headers={"Authorization": f"Token {token_of(coordinator)}"},
    )

    assert "incidents" in [c["id"] for c in service.collections()["collections"]]
    second_day = service.collection_items("incidents", datetime_="2025-01-02/..", limit=100)
    assert second_day["numberReturned"] == 24
    x0, y0, x1, y1 = arboga.boundary.transform(4326, clone=True).extent
    in_arboga = service.collection_items("incidents", bbox=[x0, y0, x1, y1], limit=100)
    assert {f["properties"]["municipality"] for f in in_arboga["features"]} == {"1984"}

    sweref = service.collection_items("incidents", limit=5, crs=SWEREF, municipality="1984")
    east0, north0, east1, north1 = arboga.boundary.extent
    for feature in sweref["features"]:
        northing, easting = feature["geometry"]["coordinates"]
        assert east0 <= easting <= east1
        assert north0 <= northing <= north1

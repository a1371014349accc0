"""Incidents for the reports tests: a point in each test municipality, and a way to file one."""

import datetime
import io
import uuid

import pytest
from django.contrib.gis.geos import Point
from django.utils import timezone
from PIL import Image

from reports.incidents.filing import incident_create
from reports.incidents.models import Category
from tests.factories import MunicipalityFactory


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Photos go to a temporary folder, never into the working tree."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _municipalities_in_sweden():
    """Every test's municipalities start at the same place, in Sweden: the map asks for views
    in degrees, and a factory sequence counting on through the suite would walk them off it."""
    MunicipalityFactory.reset_sequence(0)


def centre_of(municipality) -> Point:
    """Return the centre of ``municipality`` (a test square) in SWEREF 99 TM."""
    return municipality.boundary.centroid


def lat_lon_of(point: Point) -> tuple[float, float]:
    wgs84 = point.transform(4326, clone=True)
    return wgs84.y, wgs84.x


def type_position(scope, point: Point) -> None:
    """Type ``point``'s latitude and longitude into the fields in ``scope`` (the page or a part
    of it), as a keyboard user does instead of tapping the map."""
    lat, lon = lat_lon_of(point)
    scope.get_by_role("spinbutton", name="Latitud").fill(f"{lat:.6f}")
    scope.get_by_role("spinbutton", name="Longitud").fill(f"{lon:.6f}")


def category_of(municipality, code="graffiti") -> Category:
    return Category.objects.get(municipality=municipality, code=code)


@pytest.fixture
def file_incident():
    """Return a function that files an incident through incident_create with sane defaults."""

    def file(reporter, municipality, **overrides):
        an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
        arguments = {
            "reporter": reporter,
            "municipality": municipality,
            "category": category_of(municipality),
            "occurred_from": an_hour_ago,
            "occurred_to": an_hour_ago,
            "position": centre_of(municipality),
            "description": "Klotter på gaveln",
            "idempotency_key": uuid.uuid4(),
        }
        arguments.update(overrides)
        return incident_create(**arguments)

    return file


def jpeg_with_gps(size=(640, 480)) -> bytes:
    """Return a JPEG whose EXIF holds a camera model and a GPS position (Arboga)."""
    image = Image.new("RGB", size, (200, 40, 40))
    exif = Image.Exif()
    exif[0x0110] = "Test Camera X100"  # Model
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (59.0, 23.0, 37.0)
    gps[3] = "E"
    gps[4] = (15.0, 50.0, 17.0)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """The browser asks for Swedish, as the reporters' phones do."""
    return {**browser_context_args, "locale": "sv-SE"}

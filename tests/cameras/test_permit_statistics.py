"""The incident compilation for an IMY permit application: page, PDF and spreadsheet."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.contrib.gis.geos import Point
from openpyxl import load_workbook
from pypdf import PdfReader

from reports.incidents.models import Category, Incident
from tests.cameras.factories import CameraFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def incident(municipality, point, start, end=None, code="vandalism", precise=True):
    return Incident.objects.create(
        municipality=municipality,
        category=Category.objects.get(municipality=municipality, code=code),
        occurred_from=start,
        occurred_to=end or start,
        position=point,
        position_precise=precise,
    )


@pytest.fixture
def camera(arboga):
    camera = CameraFactory(municipality=arboga, name="Skolgården")
    x, y = camera.position.x, camera.position.y
    friday_night = datetime.datetime(2026, 5, 8, 22, tzinfo=STOCKHOLM)
    # Two inside the filmed area, one 80 m away, one 500 m away, one imprecise police event.
    incident(
        arboga,
        Point(x + 10, y + 10, srid=3006),
        friday_night,
        friday_night + datetime.timedelta(hours=8),
    )
    incident(arboga, Point(x + 20, y + 5, srid=3006), friday_night, code="fire")
    incident(arboga, Point(x + 110, y + 10, srid=3006), friday_night)
    incident(arboga, Point(x + 530, y, srid=3006), friday_night)
    incident(arboga, Point(x + 5, y + 5, srid=3006), friday_night, precise=False)
    return camera


def url(camera, buffer=100, **extra):
    query = "&".join(
        f"{k}={v}"
        for k, v in {"start": "2026-01-01", "end": "2026-06-30", "buffer": buffer, **extra}.items()
    )
    return f"/cameras/{camera.pk}/permit-statistics/?{query}"


def test_the_compilation_counts_the_area_and_its_surroundings(client_for, coordinator, camera):
    page = client_for(coordinator).get(url(camera)).content.decode()
    assert "3 händelser rapporterades" in page
    assert "1 polishändelse med bara ungefärlig position räknas inte." in page
    narrow = client_for(coordinator).get(url(camera, buffer=0)).content.decode()
    assert "2 händelser rapporterades" in narrow


def test_the_spreadsheet_spreads_a_night_over_its_hours(client_for, coordinator, camera):
    response = client_for(coordinator).get(url(camera, buffer=0, format="xlsx"))
    assert response["Content-Disposition"].endswith('.xlsx"')
    workbook = load_workbook(io.BytesIO(response.content))
    categories = workbook["Kategorier"]
    rows = {row[0]: row[1] for row in categories.iter_rows(values_only=True) if row and row[0]}
    assert rows["Skadegörelse"] == 1
    assert rows["Brand/anlagd brand"] == 1
    hours = list(workbook["Veckodag och timme"].iter_rows(values_only=True))
    friday = next(row for row in hours if row[0] == "fredag")
    saturday = next(row for row in hours if row[0] == "lördag")
    # The fire at 22:00 counts whole; the vandalism 22–06 spreads an eighth on each hour.
    assert friday[1 + 22] == pytest.approx(1.125, abs=0.01)
    assert saturday[1 + 5] == pytest.approx(0.125, abs=0.01)


def test_the_pdf_is_tagged_swedish_and_holds_the_figures(client_for, coordinator, camera):
    response = client_for(coordinator).get(url(camera, format="pdf"))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.trailer["/Root"]["/Lang"] == "sv"
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Händelser runt Skolgården" in text
    assert "Skadegörelse" in text


def test_bad_dates_are_a_message_and_others_get_404(client_for, coordinator, outsider, camera):
    page = (
        client_for(coordinator)
        .get(url(camera, start="2026-06-30", end="2026-01-01"))
        .content.decode()
    )
    assert "Perioden slutar innan den börjar." in page
    assert client_for(coordinator).get(url(camera, start="nonsense")).status_code == 200
    assert client_for(outsider).get(url(camera)).status_code == 404


def test_no_name_in_the_spreadsheet_runs_as_a_formula(client_for, coordinator, camera):
    camera.name = '=HYPERLINK("http://example.com/", "Klicka")'
    camera.save()
    Category.objects.filter(municipality=camera.municipality, code="fire").update(name="@SUM(1+1)")
    response = client_for(coordinator).get(url(camera, buffer=0, format="xlsx"))
    categories = load_workbook(io.BytesIO(response.content))["Kategorier"]
    cells = [cell for row in categories.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = [cell.value for cell in cells if isinstance(cell.value, str)]
    assert "'" + camera.name + f", {camera.premises}" in texts
    assert "'@SUM(1+1)" in texts

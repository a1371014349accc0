"""A focus area's indicator from incident data: aggregated per tertial, never finer."""

import datetime
from zoneinfo import ZoneInfo

from django.contrib.gis.geos import Point

from dialogues.pledges.indicators import focus_area_indicator
from dialogues.pledges.services import focus_area_create, focus_area_update, pledge_publish
from reports.incidents.models import Category, Incident
from tests.dialogues.pledges.conftest import pledge_draft
from tests.factories import AreaFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def report(municipality, x, y, when, name="Misstänkt narkotikaförsäljning", **extra):
    return Incident.objects.create(
        municipality=municipality,
        category=Category.objects.get(municipality=municipality, name=name),
        occurred_from=when,
        occurred_to=when,
        position=Point(x, y, srid=3006),
        **extra,
    )


def test_indicator_counts_per_tertial_inside_the_areas(client, arboga, coordinator):
    centre = AreaFactory(municipality=arboga, name="Centrum")
    x, y = centre.boundary.centroid.x, centre.boundary.centroid.y
    pledge = pledge_draft(arboga, coordinator)
    focus_area = pledge.focus_areas.get()
    focus_area_update(
        focus_area=focus_area,
        title="Narkotika i centrum",
        reason="Lägesbilden",
        categories=Category.objects.filter(municipality=arboga, code="drug_dealing"),
        areas=[centre],
    )
    may = datetime.datetime(2026, 5, 10, 21, tzinfo=STOCKHOLM)
    report(arboga, x, y, may)
    report(arboga, x + 10, y, may)
    report(arboga, x, y, datetime.datetime(2026, 2, 3, 12, tzinfo=STOCKHOLM))
    report(arboga, x, y, may, name="Klotter")  # another category
    report(arboga, x + 5000, y + 5000, may)  # outside the area
    report(arboga, x, y, may, source=Incident.Source.POLICE_EVENT)  # counted by the police

    indicator = focus_area_indicator(focus_area, today=datetime.date(2026, 11, 21))
    counts = {str(tertial): count for tertial, count in indicator.counts}
    assert len(counts) == 9
    assert counts["2026-T2"] == 2
    assert counts["2026-T1"] == 1
    assert counts["2026-T3"] == 0
    assert indicator.area_names == ["Centrum"]

    pledge_publish(pledge=pledge, by=coordinator)
    page = client.get("/medborgarloften/1984/2026/").content.decode()
    assert "Vad händelserapporterna visar" in page
    assert '<th scope="row">2026-T2</th><td>2</td>' in page
    # Aggregates only: no incident's place or description reaches the public page.
    assert "Klotter" not in page


def test_a_focus_area_without_categories_has_no_indicator(arboga, coordinator):
    pledge = pledge_draft(arboga, coordinator)
    focus_area = focus_area_create(pledge=pledge, title="Trygghet", reason="Dialoger")
    assert focus_area_indicator(focus_area) is None

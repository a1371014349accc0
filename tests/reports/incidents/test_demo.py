"""Demo incidents: two years with the patterns the coordinators are meant to spot."""

import pytest
from django.db.models import Count
from django.db.models.functions import ExtractHour, ExtractIsoWeekDay, ExtractMonth

from est.demo import demo_seed
from reports.incidents.demo import incidents_seed
from reports.incidents.models import Incident


@pytest.fixture
def seeded(db):
    municipalities = demo_seed()
    incidents_seed(municipalities)
    return municipalities


def test_demo_incidents_are_safe_to_seed_twice(seeded):
    municipalities = seeded
    count = Incident.objects.count()

    incidents_seed(municipalities)

    assert 1500 < count == Incident.objects.count()
    for municipality in municipalities:
        inside = Incident.objects.for_municipality(municipality).within(municipality.boundary)
        assert inside.count() == Incident.objects.for_municipality(municipality).count()


def test_demo_incidents_show_weekend_nights_and_summer(seeded):
    by_weekday = dict(
        Incident.objects.annotate(day=ExtractIsoWeekDay("occurred_from", tzinfo=None))
        .values_list("day")
        .annotate(n=Count("id"))
    )
    by_month = dict(
        Incident.objects.annotate(month=ExtractMonth("occurred_from"))
        .values_list("month")
        .annotate(n=Count("id"))
    )
    late = Incident.objects.annotate(hour=ExtractHour("occurred_from")).filter(
        hour__in=[21, 22, 23, 0, 1, 2]
    )

    # Friday and Saturday (the nights) against Tuesday and Wednesday.
    assert by_weekday[5] + by_weekday[6] > 1.5 * (by_weekday[2] + by_weekday[3])
    assert by_month[7] > by_month[1]
    assert late.count() > Incident.objects.count() / 4

"""The counts per day the analyses read: the same answer as counting the incidents, kept right
by every write, and recounted alike."""

import datetime
import io
from collections import Counter
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.db.models.functions import TruncDate

from reports.incidents.counts import monthly_trend
from reports.incidents.duplicates import incident_merge
from reports.incidents.filing import incident_update
from reports.incidents.models import Incident, IncidentDayCount
from reports.incidents.police_events import police_events_import
from tests.reports.conftest import category_of, centre_of

from .test_imports import confirm, csv_file, row, upload
from .test_map_cells import ARBOGA_POLICE_EVENT, varied_incidents


def kept() -> Counter:
    """Return the kept counts per (municipality, day, category, precise)."""
    return Counter(
        {
            tuple(key): count
            for *key, count in IncidentDayCount.objects.values_list(
                "municipality", "day", "category", "precise", "count"
            )
        }
    )


def counted() -> Counter:
    """Return the same, counted from the incidents the analyses count."""
    return Counter(
        tuple(values)
        for values in Incident.objects.exclude(source=Incident.Source.POLICE_EVENT)
        .filter(merged_into__isnull=True)
        .annotate(day=TruncDate("occurred_from"))
        .values_list("municipality", "day", "category", "position_precise")
    )


def test_every_write_keeps_the_day_counts_as_counting_would(
    client_for, coordinator, reporter, arboga, kungsor, file_incident, settings
):
    settings.LANGUAGE_CODE = "sv"
    varied_incidents(arboga, 300, seed=3)
    varied_incidents(kungsor, 100, seed=4)
    some = Incident.objects.filter(municipality=kungsor).values_list("pk", flat=True)[:10]
    Incident.objects.filter(pk__in=list(some)).update(position_precise=False)
    assert kept() == counted()
    assert sum(kept().values()) == 400

    filed = file_incident(reporter, arboga)
    incident_update(incident=filed, by=coordinator, category=category_of(arboga, "fire"))
    earlier = filed.occurred_from - datetime.timedelta(days=40)
    incident_update(incident=filed, by=coordinator, occurred_from=earlier, occurred_to=earlier)
    duplicate = file_incident(reporter, arboga)
    incident_merge(keep=filed, duplicate=duplicate, by=coordinator)
    assert kept() == counted()
    assert sum(kept().values()) == 401

    upload(
        client_for(coordinator),
        arboga,
        csv_file(row(arboga), row(arboga, start="2026-03-29 01:30")),
    )
    incident_import = arboga.incident_imports.get()
    confirm(client_for(coordinator), incident_import)
    Incident.objects.filter(municipality=kungsor).first().delete()
    police_events_import(events=[ARBOGA_POLICE_EVENT])
    assert kept() == counted()
    assert sum(kept().values()) == 402

    # What the writes left is what a rebuild counts from scratch.
    before = kept()
    call_command("rebuild_incident_counts", stdout=io.StringIO())
    assert kept() == before


def test_an_incident_just_after_local_midnight_counts_in_its_swedish_month(
    arboga, kungsor, file_incident, reporter
):
    # 00:30 on 1 April in Sweden (summer time) is still 31 March in UTC.
    early = datetime.datetime(2026, 4, 1, 0, 30, tzinfo=ZoneInfo("Europe/Stockholm"))
    file_incident(reporter, arboga, occurred_from=early, occurred_to=early)
    Incident.objects.create(
        municipality=kungsor,
        category=category_of(kungsor),
        occurred_from=early,
        occurred_to=early,
        position=centre_of(kungsor),
    )

    trend = monthly_trend(arboga, datetime.date(2026, 5, 1), length=2)

    assert trend["months"] == ["2026-03", "2026-04"]
    assert list(trend["series"].values()) == [[0, 1]]

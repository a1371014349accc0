"""Known incidents for the situation-picture tests, in the period 17–31 March 2025.

Daylight saving starts in that period (Sunday 30 March, 02:00 becomes 03:00), and the periods
are counted from Monday 6 January 2025 (the default anchor).
"""

import datetime
from zoneinfo import ZoneInfo

from django.contrib.gis.geos import Point

from reports.incidents.models import Category, Incident

STOCKHOLM = ZoneInfo("Europe/Stockholm")
PERIOD_START = datetime.date(2025, 3, 17)


def local(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=STOCKHOLM)


def incident(municipality, code, start, end=None, *, dx=0, dy=0, **extra) -> Incident:
    """Create an incident directly (past dates, no filing rules) near the municipality's centre."""
    centre = municipality.boundary.centroid
    return Incident.objects.create(
        municipality=municipality,
        category=Category.objects.get(municipality=municipality, code=code),
        occurred_from=start,
        occurred_to=end or start,
        position=Point(centre.x + dx, centre.y + dy, srid=3006),
        **extra,
    )


def known_incidents(arboga, kungsor, reporter=None):
    """The incidents whose counts the tests know by heart."""
    org = reporter.organisation if reporter else None
    made = [
        # Tuesday 18 March 12:30, a moment: weekday 1, hour 12.
        incident(
            arboga, "graffiti", local(2025, 3, 18, 12, 30), reporter=reporter, organisation=org
        ),
        # Friday 21 March 23:00 to Saturday 01:00: half on Friday 23, half on Saturday 0.
        incident(arboga, "vandalism", local(2025, 3, 21, 23), local(2025, 3, 22, 1), dx=10),
        # Sunday 30 March 01:00 to 04:00 is two real hours (02–03 does not exist that night):
        # half in hour 1, half in hour 3, nothing in hour 2.
        incident(arboga, "vandalism", local(2025, 3, 30, 1), local(2025, 3, 30, 4), dx=20),
        # The previous period: one graffiti.
        incident(arboga, "graffiti", local(2025, 3, 5, 10)),
        # 52 weeks earlier (18 March 2024 onwards): two graffiti.
        incident(arboga, "graffiti", local(2024, 3, 19, 10)),
        incident(arboga, "graffiti", local(2024, 3, 20, 10)),
        # The next period: not in this picture.
        incident(arboga, "graffiti", local(2025, 3, 31, 0, 30)),
        # A police event: its own table, never counted with the reports.
        incident(
            arboga,
            "burglary",
            local(2025, 3, 25, 3),
            source=Incident.Source.POLICE_EVENT,
            position_precise=False,
            place_name="Arboga",
            description="Inbrott i villa",
        ),
        # Kungsör's incident in the same period is Kungsör's.
        incident(kungsor, "graffiti", local(2025, 3, 18, 12)),
    ]
    return made

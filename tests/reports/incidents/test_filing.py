"""Filing an incident through ``incident_create``: every rule a reporter meets."""

import datetime
import uuid

import pytest
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from reports.incidents.categories import category_retire
from reports.incidents.models import Incident
from tests.reports.conftest import category_of, centre_of


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


def test_a_trained_reporter_files_an_incident(reporter, arboga, file_incident):
    incident = file_incident(reporter, arboga)

    assert incident.pk
    assert incident.municipality == arboga
    assert incident.status == Incident.Status.NEW
    assert incident.source == Incident.Source.REPORTER
    assert incident.organisation == reporter.organisation
    assert incident.position.srid == 3006
    assert incident.history.count() == 1
    assert incident.history.first().history_user == reporter


def test_a_position_in_wgs84_is_stored_in_sweref(reporter, arboga, file_incident):
    centre = centre_of(arboga).transform(4326, clone=True)

    incident = file_incident(reporter, arboga, position=centre)

    incident.refresh_from_db()
    assert incident.position.srid == 3006
    assert incident.position.distance(centre_of(arboga)) < 1


def test_a_position_in_another_municipality_names_it(reporter, arboga, kungsor, file_incident):
    with pytest.raises(ValidationError) as excinfo:
        file_incident(reporter, arboga, position=centre_of(kungsor))

    assert errors_of(excinfo)["position"] == [
        "The position is in Kungsör, not in Arboga. Check the place."
    ]


def test_a_position_in_no_municipality_says_so(reporter, arboga, file_incident):
    far_away = Point(100_000, 7_500_000, srid=3006)

    with pytest.raises(ValidationError) as excinfo:
        file_incident(reporter, arboga, position=far_away)

    assert "outside Arboga" in errors_of(excinfo)["position"][0]


def test_the_end_may_not_be_before_the_start(reporter, arboga, file_incident):
    start = timezone.now() - datetime.timedelta(hours=2)

    with pytest.raises(ValidationError) as excinfo:
        file_incident(
            reporter, arboga, occurred_from=start, occurred_to=start - datetime.timedelta(minutes=1)
        )

    assert errors_of(excinfo)["occurred_to"] == ["The end is before the start."]


def test_start_and_end_may_be_the_same_moment(reporter, arboga, file_incident):
    moment = timezone.now() - datetime.timedelta(minutes=10)

    incident = file_incident(reporter, arboga, occurred_from=moment, occurred_to=None)

    assert incident.occurred_to == incident.occurred_from
    assert incident.is_instant


def test_a_time_in_the_future_is_refused(reporter, arboga, file_incident):
    tomorrow = timezone.now() + datetime.timedelta(days=1)

    with pytest.raises(ValidationError) as excinfo:
        file_incident(reporter, arboga, occurred_from=tomorrow, occurred_to=tomorrow)

    assert errors_of(excinfo)["occurred_from"] == [
        "The start is in the future. Give a time that has passed."
    ]


def test_a_year_before_2000_is_a_typing_error(reporter, arboga, file_incident):
    long_ago = datetime.datetime(400, 8, 4, 8, 55, tzinfo=datetime.UTC)

    with pytest.raises(ValidationError) as excinfo:
        file_incident(reporter, arboga, occurred_from=long_ago, occurred_to=long_ago)

    assert errors_of(excinfo)["occurred_from"] == ["The start is before 2000. Check the year."]


def test_a_phone_clock_a_minute_ahead_is_still_now(reporter, arboga, file_incident):
    ahead = timezone.now() + datetime.timedelta(minutes=2)

    incident = file_incident(reporter, arboga, occurred_from=ahead, occurred_to=ahead)

    assert incident.pk


def test_the_database_refuses_an_end_before_the_start(reporter, arboga, file_incident):
    incident = file_incident(reporter, arboga)
    incident.occurred_to = incident.occurred_from - datetime.timedelta(hours=1)

    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        incident.save()


def test_a_category_is_required(reporter, arboga, file_incident):
    with pytest.raises(ValidationError) as excinfo:
        file_incident(reporter, arboga, category=None)

    assert errors_of(excinfo)["category"] == ["Choose what happened."]


def test_a_retired_category_is_refused_but_its_incidents_keep_it(reporter, arboga, file_incident):
    graffiti = category_of(arboga, "graffiti")
    earlier = file_incident(reporter, arboga, category=graffiti)
    category_retire(category=graffiti)

    with pytest.raises(ValidationError) as excinfo:
        file_incident(reporter, arboga, category=graffiti)

    assert errors_of(excinfo)["category"] == ["The category Klotter is retired. Choose another."]
    earlier.refresh_from_db()
    assert earlier.category == graffiti


def test_a_category_of_another_municipality_is_refused(reporter, arboga, kungsor, file_incident):
    with pytest.raises(ValidationError) as excinfo:
        file_incident(reporter, arboga, category=category_of(kungsor))

    assert errors_of(excinfo)["category"] == ["Klotter is not a category in Arboga."]


def test_an_untrained_reporter_may_not_file(untrained_reporter, arboga, file_incident):
    with pytest.raises(ValidationError) as excinfo:
        file_incident(untrained_reporter, arboga)

    assert "training" in errors_of(excinfo)["__all__"][0]
    assert not Incident.objects.exists()


def test_a_reporter_whose_certification_ran_out_is_told_why_and_whom_to_ask(
    reporter, coordinator, arboga, file_incident, client_for
):
    reporter.certifications.update(
        certified_on=datetime.date(2023, 1, 10), expires_on=datetime.date(2025, 1, 9)
    )
    with pytest.raises(ValidationError) as excinfo:
        file_incident(reporter, arboga)
    assert "2025-01-09" in errors_of(excinfo)["__all__"][0]
    assert not Incident.objects.exists()
    page = client_for(reporter).get("/reports/new/").content.decode()
    assert "Din rapportörsbehörighet gick ut 2025-01-09" in page
    assert coordinator.email in page


def test_a_coordinator_files_without_the_training(coordinator, arboga, file_incident):
    assert coordinator.role == "coordinator"

    assert file_incident(coordinator, arboga).pk


def test_a_reporter_files_only_for_their_municipalities(reporter, kungsor, file_incident):
    with pytest.raises(ValidationError) as excinfo:
        file_incident(reporter, kungsor)

    assert errors_of(excinfo)["__all__"] == ["You don't report for Kungsör."]


def test_police_may_not_file(police, arboga, file_incident):
    with pytest.raises(ValidationError):
        file_incident(police, arboga)


def test_all_errors_come_at_once(reporter, arboga, kungsor, file_incident):
    tomorrow = timezone.now() + datetime.timedelta(days=1)

    with pytest.raises(ValidationError) as excinfo:
        file_incident(
            reporter,
            arboga,
            category=None,
            occurred_from=tomorrow,
            occurred_to=tomorrow,
            position=centre_of(kungsor),
        )

    assert set(errors_of(excinfo)) == {"category", "occurred_from", "position"}


def test_resending_with_the_same_key_returns_the_same_incident(reporter, arboga, file_incident):
    key = uuid.uuid4()

    first = file_incident(reporter, arboga, idempotency_key=key)
    again = file_incident(reporter, arboga, idempotency_key=key, description="Skickat igen")

    assert again.pk == first.pk
    assert again.description == "Klotter på gaveln"
    assert Incident.objects.count() == 1


def test_another_reporter_may_use_the_same_key(reporter, coordinator, arboga, file_incident):
    key = uuid.uuid4()

    first = file_incident(reporter, arboga, idempotency_key=key)
    second = file_incident(coordinator, arboga, idempotency_key=key)

    assert first.pk != second.pk


def test_a_police_reference_means_the_police_were_informed(reporter, arboga, file_incident):
    incident = file_incident(reporter, arboga, police_reference="5000-K123456-26")

    assert incident.police_informed


def test_a_new_municipality_gets_the_standard_categories(db):
    from tests.factories import MunicipalityFactory

    municipality = MunicipalityFactory()

    names = set(municipality.incident_categories.values_list("name", flat=True))
    assert len(names) == 13
    assert {"Klotter", "Brand/anlagd brand", "Övrigt"} <= names

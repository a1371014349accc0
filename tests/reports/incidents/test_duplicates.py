"""Likely duplicates (same category, within 100 m, overlapping times) and merging them."""

import datetime

import pytest
from django.contrib.gis.geos import Point
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from est.roles import Role
from reports.incidents.duplicates import incident_merge
from reports.incidents.filing import incident_photo_add
from reports.incidents.models import Incident
from tests.factories import UserFactory
from tests.reports.conftest import category_of, centre_of, jpeg_with_gps


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


def east_of(municipality, metres):
    centre = centre_of(municipality)
    return Point(centre.x + metres, centre.y, srid=3006)


@pytest.fixture
def seen(reporter, arboga, file_incident):
    """Graffiti at the centre, seen between three and one hours ago."""
    return file_incident(
        reporter, arboga, occurred_from=hours_ago(3), occurred_to=hours_ago(1), description="Tags"
    )


def test_duplicates_are_same_category_within_100_m_at_overlapping_times(
    seen, reporter, coordinator, arboga, file_incident
):
    def also(**overrides):
        arguments = {"occurred_from": hours_ago(2), "occurred_to": hours_ago(2)}
        return file_incident(coordinator, arboga, **{**arguments, **overrides})

    near = also(position=east_of(arboga, 90))
    also(position=east_of(arboga, 110))  # too far
    also(position=east_of(arboga, 10), category=category_of(arboga, "fire"))
    also(position=east_of(arboga, 10), occurred_from=hours_ago(6), occurred_to=hours_ago(4))
    touching = also(occurred_from=hours_ago(5), occurred_to=hours_ago(3))

    suggested = Incident.objects.for_user(coordinator).likely_duplicates_of(seen)

    assert set(suggested) == {near, touching}


def test_the_detail_page_suggests_duplicates_to_the_coordinator(
    seen, coordinator, arboga, file_incident, client_for
):
    near = file_incident(
        coordinator, arboga, position=east_of(arboga, 50), occurred_from=hours_ago(2)
    )

    html = client_for(coordinator).get(reverse("incident_detail", args=[seen.pk])).content.decode()

    assert "Troliga dubbletter" in html
    assert reverse("incident_merge", args=[seen.pk, near.pk]) in html


def test_merge_keeps_the_data_of_both(
    seen, reporter, coordinator, arboga, file_incident, client_for
):
    duplicate = file_incident(
        coordinator,
        arboga,
        position=east_of(arboga, 30),
        occurred_from=hours_ago(2),
        description="Klotter på skolans gavel",
        police_reference="5000-K123-26",
    )
    incident_photo_add(
        incident=duplicate, by=coordinator, upload=SimpleUploadedFile("a.jpg", jpeg_with_gps())
    )
    client = client_for(coordinator)

    response = client.post(reverse("incident_merge", args=[seen.pk, duplicate.pk]), follow=True)

    seen.refresh_from_db()
    duplicate.refresh_from_db()
    assert duplicate.merged_into == seen
    assert duplicate.description == "Klotter på skolans gavel"
    assert seen.photos.count() == 1
    assert f"nr {duplicate.pk} " in seen.triage_note
    assert "Klotter på skolans gavel" in seen.triage_note
    assert coordinator.get_full_name() not in seen.triage_note
    assert seen.police_reference == "5000-K123-26"
    assert seen.history.first().history_change_reason == "merge"
    assert seen.history.first().history_user == coordinator
    assert "Sammanslagen" in response.content.decode()
    # The merged one leaves the lists and the counts.
    listed = client.get(reverse("incident_list")).context["object_list"]
    assert [incident.pk for incident in listed] == [seen.pk]
    assert not Incident.objects.for_user(coordinator).likely_duplicates_of(seen).exists()


def test_a_merged_incident_cannot_be_merged_again(seen, coordinator, arboga, file_incident):
    duplicate = file_incident(coordinator, arboga, occurred_from=hours_ago(2))
    incident_merge(keep=seen, duplicate=duplicate, by=coordinator)

    with pytest.raises(Exception, match="redan sammanslagen|already been merged"):
        incident_merge(keep=duplicate, duplicate=seen, by=coordinator)


def test_only_coordinators_of_the_municipality_merge(
    seen, reporter, outsider, coordinator, arboga, file_incident, client_for
):
    duplicate = file_incident(coordinator, arboga, occurred_from=hours_ago(2))
    url = reverse("incident_merge", args=[seen.pk, duplicate.pk])

    assert client_for(outsider).post(url).status_code == 404
    assert client_for(reporter).post(url).status_code == 403
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None


def test_a_merged_duplicate_counts_nowhere(db, arboga, coordinator, file_incident):
    from reports.incidents.duplicates import incident_merge
    from reports.incidents.models import Incident

    keep = file_incident(coordinator, arboga)
    duplicate = file_incident(coordinator, arboga)
    incident_merge(keep=keep, duplicate=duplicate, by=coordinator)
    assert list(Incident.objects.for_municipality(arboga)) == [keep]


def test_the_kept_reporter_reads_what_was_merged_but_not_who_filed_it(
    seen, reporter, coordinator, arboga, file_incident, client_for
):
    colleague = UserFactory(
        username="okollega",
        first_name="Olle",
        last_name="Kollega",
        role=Role.REPORTER,
        organisation=reporter.organisation,
        municipalities=[arboga],
    )
    duplicate = file_incident(
        colleague, arboga, occurred_from=hours_ago(2), description="Klotter på skolans gavel"
    )
    incident_merge(keep=seen, duplicate=duplicate, by=coordinator)

    seen.refresh_from_db()
    assert "Klotter på skolans gavel" in seen.triage_note
    page = client_for(reporter).get(reverse("incident_detail", args=[seen.pk])).content.decode()
    assert "Klotter på skolans gavel" in page
    assert "Olle" not in page
    assert "Kollega" not in page
    assert "okollega" not in page

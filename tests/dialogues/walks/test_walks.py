"""Safety walks: planned by the coordinator, announced on the public site and in a calendar feed
that calendar programs subscribe to, moved and cancelled with the public page saying so."""

import datetime

import pytest
from django.contrib.gis.geos import LineString, Point
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from dialogues.walks.models import SafetyWalk
from tests.factories import OrganisationFactory

LOCAL = "%Y-%m-%dT%H:%M"


def geojson(geometry) -> str:
    """Return ``geometry`` as the map widget posts it: GeoJSON in WGS 84."""
    return geometry.transform(4326, clone=True).geojson


def inside(municipality, dx=0, dy=0) -> Point:
    centre = municipality.boundary.centroid
    return Point(centre.x + dx, centre.y + dy, srid=centre.srid)


def plan(client, municipality, *, starts=None, **changes):
    """Post the planning form for ``municipality`` and return the response."""
    starts = starts or timezone.localtime() + datetime.timedelta(days=10)
    data = {
        "title": "Trygghetsvandring i centrum",
        "starts_at": starts.strftime(LOCAL),
        "ends_at": (starts + datetime.timedelta(hours=2)).strftime(LOCAL),
        "meeting_place": "Vid fontänen",
        "meeting_point": geojson(inside(municipality)),
        "route": geojson(
            LineString(inside(municipality), inside(municipality, 300, 200), srid=3006)
        ),
        "announcement": "Vi går runt i centrum och noterar vad som känns otryggt.",
        "accessibility": "1,5 km på asfalt, inga trappor.",
        "how_to_take_part": "Alla är välkomna.",
        **changes,
    }
    return client.post(reverse("walk_create", args=[municipality.code]), data)


def calendar_of(client, municipality) -> Calendar:
    response = client.get(reverse("public_walk_calendar", args=[municipality.code]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


@pytest.fixture
def planned(client_for, coordinator, arboga):
    client = client_for(coordinator)
    partner = OrganisationFactory(name="Arboga Bostäder AB")
    partner.municipalities.add(arboga)
    response = plan(client, arboga, partners=[partner.pk])
    walk = SafetyWalk.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("walk_detail", args=[walk.pk])
    return walk


def test_a_planned_walk_is_announced_on_the_public_site_and_in_the_calendar(
    client_for, coordinator, arboga, planned, client
):
    staff = client_for(coordinator)
    public_page = reverse("public_walk", args=[arboga.code, planned.pk])
    staff.logout()
    assert client.get(public_page).status_code == 404  # a draft is not public

    staff = client_for(coordinator)
    staff.post(reverse("walk_publish", args=[planned.pk]))
    staff.logout()

    listing = client.get(reverse("public_walks", args=[arboga.code])).content.decode()
    assert "Trygghetsvandring i centrum" in listing
    page = client.get(public_page).content.decode()
    assert "Vid fontänen" in page
    assert "1,5 km på asfalt" in page
    assert "walk-map-data" in page
    (event,) = calendar_of(client, arboga).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Trygghetsvandring i centrum"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["LOCATION"]) == "Vid fontänen"
    assert event.decoded("DTSTART") == SafetyWalk.objects.get().starts_at
    assert int(event["SEQUENCE"]) == 0
    assert public_page in str(event["URL"])


def test_a_moved_walk_says_so_and_calendars_take_the_new_time(
    client_for, coordinator, arboga, planned, client
):
    staff = client_for(coordinator)
    staff.post(reverse("walk_publish", args=[planned.pk]))
    first_start = SafetyWalk.objects.get().starts_at
    later = timezone.localtime(first_start) + datetime.timedelta(days=7)
    form = staff.get(reverse("walk_update", args=[planned.pk])).context["form"]
    data = {
        **{name: form[name].value() for name in form.fields if form[name].value() is not None},
        "starts_at": later.strftime(LOCAL),
        "ends_at": (later + datetime.timedelta(hours=2)).strftime(LOCAL),
        "meeting_point": geojson(planned.meeting_point),
        "route": geojson(planned.route),
        "partners": [p.pk for p in planned.partners.all()],
        "area": "",
    }
    response = staff.post(reverse("walk_update", args=[planned.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    staff.logout()

    page = client.get(reverse("public_walk", args=[arboga.code, planned.pk])).content.decode()
    assert "moved from" in page or "flyttad från" in page
    (event,) = calendar_of(client, arboga).walk("VEVENT")
    assert event.decoded("DTSTART") == first_start + datetime.timedelta(days=7)
    assert int(event["SEQUENCE"]) == 1
    assert str(event["UID"]) == f"safety-walk-{planned.pk}@est"


def test_a_cancelled_walk_stays_on_the_public_page_with_the_reason(
    client_for, coordinator, arboga, planned, client
):
    staff = client_for(coordinator)
    staff.post(reverse("walk_publish", args=[planned.pk]))
    refused = staff.post(reverse("walk_cancel", args=[planned.pk]), {"reason": "  "})
    assert refused.status_code == 200
    assert refused.context["form"].errors["reason"]
    staff.post(reverse("walk_cancel", args=[planned.pk]), {"reason": "Stormvarning."})
    staff.logout()

    page = client.get(reverse("public_walk", args=[arboga.code, planned.pk])).content.decode()
    assert "Stormvarning." in page
    (event,) = calendar_of(client, arboga).walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 1


def test_a_meeting_point_outside_the_municipality_is_refused_and_nothing_typed_is_lost(
    client_for, coordinator, arboga, kungsor
):
    response = plan(
        client_for(coordinator),
        arboga,
        meeting_point=geojson(inside(kungsor)),
        title="Min vandring",
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert kungsor.name in errors["meeting_point"][0]
    assert response.context["form"]["title"].value() == "Min vandring"
    assert not SafetyWalk.objects.exists()


def test_a_walk_that_ends_before_it_starts_is_refused(client_for, coordinator, arboga):
    starts = timezone.localtime() + datetime.timedelta(days=3)
    response = plan(
        client_for(coordinator),
        arboga,
        starts=starts,
        ends_at=(starts - datetime.timedelta(hours=1)).strftime(LOCAL),
    )
    assert response.context["form"].errors["ends_at"]
    assert not SafetyWalk.objects.exists()


def test_another_municipality_sees_none_of_arbogas_walks(client_for, outsider, arboga, planned):
    client = client_for(outsider)
    for name in ("walk_detail", "walk_update", "walk_cancel"):
        assert client.get(reverse(name, args=[planned.pk])).status_code == 404
    assert client.post(reverse("walk_publish", args=[planned.pk])).status_code == 404
    assert plan(client, arboga).status_code == 404
    assert "Trygghetsvandring i centrum" not in client.get(reverse("walk_list")).content.decode()
    assert SafetyWalk.objects.get().status == SafetyWalk.Status.DRAFT


def test_reporters_do_not_plan_walks(client_for, reporter, arboga):
    client = client_for(reporter)
    # They see the walks to record findings on them, but not the planning.
    walks = client.get(reverse("walk_list")).content.decode()
    assert reverse("walk_create", args=[arboga.code]) not in walks
    assert client.get(reverse("walk_create", args=[arboga.code])).status_code == 403

"""The events calendar: a municipality's safety walks and dialogue occasions together, on a page
with a map and in one iCalendar feed; moved and cancelled occasions say so."""

import datetime

from django.urls import reverse
from icalendar import Calendar

from dialogues.dialogue.services import (
    dialogue_occasion_cancel,
    dialogue_occasion_create,
    dialogue_occasion_update,
)
from tests.dialogues.dialogue.helpers import announced_occasion
from tests.dialogues.walks.helpers import announced_walk


def feed(client, municipality) -> dict:
    """Return the events of ``municipality``'s feed by UID."""
    response = client.get(reverse("public_event_calendar", args=[municipality.code]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    return {str(event["UID"]): event for event in events}


def test_walks_and_occasions_share_one_calendar_page_and_feed(client, arboga, coordinator):
    walk = announced_walk(arboga, coordinator)
    occasion = announced_occasion(arboga, coordinator)
    online = announced_occasion(
        arboga, coordinator, title="Dialog på nätet", format="online", point=None
    )

    page = client.get(reverse("public_events", args=[arboga.code]))
    content = page.content.decode()
    assert page.status_code == 200
    # Soonest first: the walk (5 days ahead) before the occasions (8 days ahead).
    assert content.index("Trygghetsvandring i centrum") < content.index("Dialog på torget")
    assert "Dialog på nätet" in content
    # On the map: the two with a place; the online occasion has none.
    assert [point["place"] for point in page.context["map_points"]] == [
        "Trygghetsvandring i centrum",
        "Dialog på torget",
    ]

    events = feed(client, arboga)
    assert set(events) == {
        f"safety-walk-{walk.pk}@est",
        f"dialogue-occasion-{occasion.pk}@est",
        f"dialogue-occasion-{online.pk}@est",
    }
    stand = events[f"dialogue-occasion-{occasion.pk}@est"]
    assert str(stand["SUMMARY"]) == "Dialog på torget"
    assert str(stand["LOCATION"]) == "Stora torget"
    assert stand["STATUS"] == "CONFIRMED"
    assert "GEO" in stand
    assert "GEO" not in events[f"dialogue-occasion-{online.pk}@est"]
    assert str(stand["URL"]).endswith(reverse("public_occasion", args=[arboga.code, occasion.pk]))


def test_a_moved_and_a_cancelled_occasion_say_so_in_the_calendar(client, arboga, coordinator):
    occasion = announced_occasion(arboga, coordinator)
    first_start = occasion.starts_at
    moved = dialogue_occasion_update(
        occasion=occasion,
        by=coordinator,
        title=occasion.title,
        format=occasion.format,
        starts_at=first_start + datetime.timedelta(days=2),
        ends_at=occasion.ends_at + datetime.timedelta(days=2),
        place=occasion.place,
        point=occasion.point,
        announcement=occasion.announcement,
    )
    (event,) = feed(client, arboga).values()
    assert event["SEQUENCE"] == 1
    assert event.decoded("DTSTART") == moved.starts_at.replace(microsecond=0)
    assert moved.moved_from == first_start

    dialogue_occasion_cancel(occasion=moved, by=coordinator, reason="Torgdagen är inställd.")
    (event,) = feed(client, arboga).values()
    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 2
    assert "Torgdagen är inställd." in str(event["DESCRIPTION"])
    page = client.get(reverse("public_occasion", args=[arboga.code, occasion.pk]))
    assert "Torgdagen är inställd." in page.content.decode()


def test_drafts_and_other_municipalities_stay_out_of_the_calendar(
    client, arboga, kungsor, coordinator
):
    announced_occasion(kungsor, coordinator, title="Dialog i Kungsör")
    draft = dialogue_occasion_create(
        municipality=arboga,
        by=coordinator,
        title="Utkast",
        format="online",
        starts_at=datetime.datetime(2030, 1, 1, 10, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2030, 1, 1, 11, tzinfo=datetime.UTC),
        place="Teams",
        announcement="Ej klart.",
    )
    assert client.get(reverse("public_event_calendar", args=[arboga.code])).status_code == 404
    assert client.get(reverse("public_occasion", args=[arboga.code, draft.pk])).status_code == 404
    kungsor_occasion = announced_occasion(kungsor, coordinator, title="Ännu en i Kungsör")
    assert (
        client.get(reverse("public_occasion", args=[arboga.code, kungsor_occasion.pk])).status_code
        == 404
    )
    assert (
        "Dialog i Kungsör"
        not in client.get(reverse("public_events", args=[arboga.code])).content.decode()
    )

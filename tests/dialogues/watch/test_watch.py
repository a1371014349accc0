"""Neighbourhood watch: the public sign-up (consent recorded, honeypot, rate limit, an area
elsewhere refused with everything typed kept), the staff's keeping of a group, the public map of
active areas, letters with the area's figures, withdrawal and the automatic deletion, and
another municipality's staff and residents kept out."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from dialogues.watch.letters import watch_area_figures
from dialogues.watch.models import WatchContact, WatchGroup, WatchLetter
from dialogues.watch.personal_data import watch_contacts_delete
from dialogues.watch.services import watch_group_update
from tests.dialogues.watch.helpers import block_geojson, block_in, group_in
from tests.reports.helpers import incident, local

pytestmark = pytest.mark.django_db

SIGNUP = "/grannsamverkan/1984/anmal/"


def _signup(**changes):
    return {
        "place": "Ekbacksvägen 1–29",
        "households": "24",
        "name": "Karin Lund",
        "email": "karin@example.se",
        "phone": "070-123 45 67",
        "consent": "on",
        "website": "",
        **changes,
    }


def test_a_resident_signs_up_with_consent_recorded_and_dated(client, arboga):
    data = _signup(area=block_geojson(arboga))
    response = client.post(SIGNUP, data)
    assert response.status_code == 302
    group = WatchGroup.objects.get()
    assert (group.municipality, group.place, group.households) == (arboga, "Ekbacksvägen 1–29", 24)
    assert group.status == WatchGroup.Status.INTEREST
    assert group.area.contains(block_in(arboga).centroid)
    contact = group.contacts.get()
    assert (contact.name, contact.email) == ("Karin Lund", "karin@example.se")
    assert "samtycker" in contact.consent_text or "agree" in contact.consent_text
    assert abs(contact.consented_at - timezone.now()) < datetime.timedelta(minutes=1)


def test_a_sign_up_without_consent_or_with_an_area_elsewhere_keeps_what_was_typed(
    client, arboga, kungsor
):
    response = client.post(SIGNUP, _signup(consent="", area=block_geojson(kungsor)))
    assert response.status_code == 400
    assert "consent" in response.context["form"].errors
    assert "Ekbacksvägen 1–29" in response.content.decode()

    response = client.post(SIGNUP, _signup(area=block_geojson(kungsor)))
    assert response.status_code == 400
    assert "area" in response.context["form"].errors
    page = response.content.decode()
    assert "Ekbacksvägen 1–29" in page
    assert "karin@example.se" in page
    assert not WatchGroup.objects.exists()


def test_a_robot_filling_the_honeypot_stores_nothing(client, arboga):
    response = client.post(SIGNUP, _signup(website="http://spam.example"))
    assert response.status_code == 302
    assert not WatchGroup.objects.exists()


def test_many_sign_ups_from_one_address_are_refused_with_429(client, arboga):
    for number in range(5):
        assert client.post(SIGNUP, _signup(place=f"Gata {number}")).status_code == 302
    response = client.post(SIGNUP, _signup(place="Gata 6"))
    assert response.status_code == 429
    assert "Gata 6" in response.content.decode()
    assert WatchGroup.objects.count() == 5


def test_the_public_map_shows_active_areas_only_without_names_or_contacts(client, arboga):
    active = group_in(arboga, place="Ekbacksvägen")
    group_in(arboga, place="Nybyparken", email="ali@example.se")
    watch_group_update(group=active, status=WatchGroup.Status.ACTIVE)
    response = client.get("/grannsamverkan/1984/")
    assert response.status_code == 200
    assert len(response.context["map_data"]["areas"]["features"]) == 1
    page = response.content.decode()
    for private in ("Ekbacksvägen", "Nybyparken", "Karin", "karin@example.se", "households"):
        assert private not in page


def test_staff_keep_a_group_and_its_contacts(client_for, police, arboga):
    group = group_in(arboga)
    client = client_for(police)
    assert "Ekbacksvägen" in client.get("/watch/").content.decode()
    response = client.post(
        f"/watch/{group.pk}/",
        {
            "status": WatchGroup.Status.ACTIVE,
            "place": "Ekbacksvägen",
            "households": "22",
            "start_meeting_on": "2026-03-02",
            "material_given_on": "2026-03-02",
            "signs_count": "3",
            "signs_put_up_on": "2026-03-20",
        },
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert (group.status, group.signs_count) == (WatchGroup.Status.ACTIVE, 3)
    assert group.signs_put_up_on == datetime.date(2026, 3, 20)

    response = client.post(
        f"/watch/{group.pk}/contacts/",
        {"name": "Ali Haddad", "email": "ali@example.se", "phone": "", "consent": "on"},
    )
    assert response.status_code == 302
    assert group.contacts.count() == 2
    karin = group.contacts.get(name="Karin Lund")
    assert client.post(f"/watch/{group.pk}/contacts/{karin.pk}/delete/").status_code == 302
    assert list(group.contacts.values_list("name", flat=True)) == ["Ali Haddad"]


def test_a_bad_date_comes_back_with_everything_typed(client_for, coordinator, arboga):
    group = group_in(arboga)
    response = client_for(coordinator).post(
        f"/watch/{group.pk}/",
        {"status": "active", "place": "Nytt namn", "households": "x", "signs_count": "2"},
    )
    assert response.status_code == 200
    assert "households" in response.context["form"].errors
    assert "Nytt namn" in response.content.decode()


def test_another_municipalitys_coordinator_gets_404_everywhere(client_for, outsider, arboga):
    group = group_in(arboga)
    contact = group.contacts.get()
    client = client_for(outsider)
    assert "Ekbacksvägen" not in client.get("/watch/").content.decode()
    for url in (f"/watch/{group.pk}/", f"/watch/{group.pk}/letter/"):
        assert client.get(url).status_code == 404
        assert client.post(url, {"subject": "x", "body": "y"}).status_code == 404
    assert client.post(f"/watch/{group.pk}/contacts/", {"name": "x"}).status_code == 404
    assert client.post(f"/watch/{group.pk}/contacts/{contact.pk}/delete/").status_code == 404
    assert WatchContact.objects.filter(pk=contact.pk).exists()


def test_a_resident_never_reaches_the_staff_pages(client, client_for, reporter, arboga):
    group = group_in(arboga)
    for url in ("/watch/", f"/watch/{group.pk}/", f"/watch/{group.pk}/letter/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    reporters = client_for(reporter)
    assert reporters.get(f"/watch/{group.pk}/").status_code in (403, 404)


def test_a_letter_goes_to_current_contacts_with_the_areas_figures_and_a_withdraw_link(
    client_for, coordinator, arboga, django_capture_on_commit_callbacks
):
    group = group_in(arboga)
    gone = WatchContact.objects.create(
        group=group,
        name="Gone",
        email="gone@example.se",
        consent_text="x",
        consented_at=timezone.now(),
        withdrawn_at=timezone.now(),
    )
    client = client_for(coordinator)
    draft = client.get(f"/watch/{group.pk}/letter/").context["form"].initial["body"]
    assert "Ekbacksvägen" in draft
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/watch/{group.pk}/letter/", {"subject": "Vårens läge", "body": draft}
        )
    assert response.status_code == 302
    letter = WatchLetter.objects.get()
    assert letter.sent_at is not None
    assert [message.to for message in mail.outbox] == [["karin@example.se"]]
    contact = group.contacts.get(email="karin@example.se")
    assert f"/grannsamverkan/avsluta/{contact.token}/" in mail.outbox[0].body
    assert gone.token not in mail.outbox[0].body


def test_the_letters_figures_count_by_category_and_hide_small_counts(arboga, settings):
    settings.OPEN_DATA_MIN_COUNT = 3
    group = group_in(arboga)
    start = watch_area_figures(group)["start"]
    moment = local(start.year, start.month, start.day, 12)
    for _n in range(3):
        incident(arboga, "graffiti", moment)
    incident(arboga, "vandalism", moment)
    incident(arboga, "vandalism", moment, dx=5_000)  # outside the area
    incident(arboga, "graffiti", moment - datetime.timedelta(days=30))  # before the period
    figures = watch_area_figures(group)
    assert [count for _name, count in figures["rows"]] == [3, None]
    assert figures["least"] == 3


def test_a_withdrawn_contact_and_the_contacts_of_an_ended_group_are_deleted_after_six_months(
    client, arboga
):
    group = group_in(arboga)
    contact = group.contacts.get()
    page = client.get(f"/grannsamverkan/avsluta/{contact.token}/")
    assert page.status_code == 200
    assert client.post(f"/grannsamverkan/avsluta/{contact.token}/").status_code == 302
    contact.refresh_from_db()
    assert contact.withdrawn_at is not None

    ended = group_in(arboga, place="Kyrkbacken", email="eva@example.se")
    watch_group_update(group=ended, status=WatchGroup.Status.ENDED)
    kept = group_in(arboga, place="Nybyparken", email="ali@example.se")

    now = timezone.now()
    assert watch_contacts_delete(now=now + datetime.timedelta(days=150)) == 0
    assert watch_contacts_delete(now=now + datetime.timedelta(days=190)) == 2
    assert list(WatchContact.objects.values_list("email", flat=True)) == ["ali@example.se"]
    assert kept.contacts.exists()
    assert client.get(f"/grannsamverkan/avsluta/{contact.token}/").status_code == 404


def test_the_situation_picture_and_tertial_analysis_count_active_groups(arboga):
    from dialogues.watch.reports import (
        watch_situation_gather,
        watch_tertial_gather,
        watch_tertial_present,
    )

    active = group_in(arboga, place="Ekbacksvägen", households=24)
    watch_group_update(group=active, status=WatchGroup.Status.ACTIVE)
    group_in(arboga, place="Nybyparken", email="ali@example.se")
    today = timezone.localdate()
    start, end = today - datetime.timedelta(days=14), today + datetime.timedelta(days=1)
    situation = watch_situation_gather(arboga, start, end)
    assert situation["count"] == 1
    assert len(situation["points"]) == 1
    tertial = watch_tertial_present(watch_tertial_gather(arboga, start, end))
    assert (tertial["registered"], tertial["active"], tertial["households"]) == (2, 1, 24)
    assert sorted(count for _name, count in tertial["statuses"]) == [1, 1]
    before = watch_tertial_gather(arboga, start - datetime.timedelta(days=30), start)
    assert (before["registered"], before["active"]) == (0, 0)

"""The staff pages: who may draft, publish and moderate, and only in their own municipalities."""

import datetime

import pytest

from dialogues.pledges.comments import comment_submit
from dialogues.pledges.models import Activity, Comment, FocusArea, Pledge
from dialogues.pledges.services import pledge_correct
from reports.incidents.models import Category

STAFF_PATHS = [
    "/pledges/{pledge}/",
    "/pledges/{pledge}/edit/",
    "/pledges/{pledge}/publish/",
    "/pledges/{pledge}/follow-up/",
    "/pledges/{pledge}/correct/",
    "/pledges/{pledge}/discard/",
    "/pledges/{pledge}/focus-areas/new/",
    "/focus-areas/{focus_area}/edit/",
    "/focus-areas/{focus_area}/delete/",
    "/focus-areas/{focus_area}/activities/new/",
    "/activities/{activity}/edit/",
    "/activities/{activity}/delete/",
    "/activities/{activity}/progress/new/",
    "/pledges/1984/new/",
]


def _ids(pledge):
    focus_area = pledge.focus_areas.get()
    return {
        "pledge": pledge.pk,
        "focus_area": focus_area.pk,
        "activity": focus_area.activities.get().pk,
    }


@pytest.mark.parametrize("path", STAFF_PATHS)
def test_kungsor_user_guessing_arboga_pledge_ids_gets_404(client_for, outsider, arboga_draft, path):
    client = client_for(outsider)
    url = path.format(**_ids(arboga_draft))
    assert client.get(url).status_code == 404
    assert client.post(url, {"introduction": "x", "title": "x", "reason": "x"}).status_code == 404
    arboga_draft.refresh_from_db()
    assert arboga_draft.introduction == "Medborgarlöfte för Arboga 2026."


def test_kungsor_user_never_sees_arboga_in_the_lists(client_for, outsider, arboga_pledge):
    comment_submit(pledge=arboga_pledge, display_name="Anna", body="Hemlig", sender_key="k")
    client = client_for(outsider)
    assert "Arboga" not in client.get("/pledges/").content.decode()
    assert "Hemlig" not in client.get("/pledges/comments/").content.decode()


@pytest.mark.parametrize("path", STAFF_PATHS + ["/pledges/", "/pledges/comments/"])
def test_a_resident_never_reaches_staff_pages(client, arboga_draft, path):
    response = client.get(path.format(**_ids(arboga_draft)))
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_roles_decide_who_drafts_publishes_and_moderates(
    client_for, reporter, council_member, police, arboga_draft
):
    assert client_for(reporter).get("/pledges/").status_code == 403
    council = client_for(council_member)
    assert council.get(f"/pledges/{arboga_draft.pk}/").status_code == 200
    assert council.get(f"/pledges/{arboga_draft.pk}/edit/").status_code == 403
    police_client = client_for(police)
    assert police_client.get(f"/pledges/{arboga_draft.pk}/edit/").status_code == 200
    assert police_client.get(f"/pledges/{arboga_draft.pk}/publish/").status_code == 403
    assert police_client.get("/pledges/comments/").status_code == 403


def test_coordinator_and_police_draft_and_publish_together(client_for, coordinator, police, arboga):
    client = client_for(coordinator)
    response = client.post("/pledges/1984/new/", {"year": 2027, "introduction": "Inledning"})
    pledge = Pledge.objects.get(year=2027)
    assert response.url == f"/pledges/{pledge.pk}/"
    client = client_for(police)
    traffic = Category.objects.get(municipality=arboga, code="traffic")
    client.post(
        f"/pledges/{pledge.pk}/focus-areas/new/",
        {
            "title": "Trafiksäkerhet",
            "reason": "Fortkörning på Ringvägen.",
            "categories": [traffic.pk],
        },
    )
    focus_area = FocusArea.objects.get()
    assert list(focus_area.categories.all()) == [traffic]
    client.post(
        f"/focus-areas/{focus_area.pk}/activities/new/",
        {
            "description": "Hastighetskontroller",
            "responsible": "police",
            "starts_on": "2027-04-01",
            "ends_on": "2027-03-01",
        },
    )
    assert not Activity.objects.exists()  # ends before it starts: shown again with an error
    client.post(
        f"/focus-areas/{focus_area.pk}/activities/new/",
        {"description": "Hastighetskontroller", "responsible": "police", "target": "Tio"},
    )
    assert Activity.objects.get().target == "Tio"
    client = client_for(coordinator)
    response = client.post(f"/pledges/{pledge.pk}/publish/")
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.PUBLISHED
    assert client.get(response.url).status_code == 200


def test_a_focus_area_refuses_another_municipalitys_category(
    client_for, coordinator, arboga_draft, kungsor
):
    kungsor_traffic = Category.objects.get(municipality=kungsor, code="traffic")
    focus_area = arboga_draft.focus_areas.get()
    response = client_for(coordinator).post(
        f"/focus-areas/{focus_area.pk}/edit/",
        {"title": "Trafik", "reason": "Fortkörning.", "categories": [kungsor_traffic.pk]},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Fortkörning." in page  # nothing typed is lost
    assert 'class="errorlist' in page
    assert [category.code for category in focus_area.categories.all()] == ["drug_dealing"]


def test_a_published_pledge_cannot_be_edited_through_the_pages(
    client_for, coordinator, arboga_pledge
):
    client = client_for(coordinator)
    ids = _ids(arboga_pledge)
    for path, data in [
        ("/pledges/{pledge}/edit/", {"introduction": "Ändrad"}),
        ("/focus-areas/{focus_area}/edit/", {"title": "Ändrad", "reason": "Ändrad"}),
        ("/activities/{activity}/edit/", {"description": "Ändrad", "responsible": "police"}),
        ("/activities/{activity}/delete/", {}),
        ("/focus-areas/{focus_area}/delete/", {}),
    ]:
        response = client.post(path.format(**ids), data, follow=True)
        assert "kan inte ändras" in response.content.decode()
    arboga_pledge.refresh_from_db()
    assert arboga_pledge.introduction == "Medborgarlöfte för Arboga 2026."
    assert FocusArea.objects.get().title == "Narkotika i centrummiljön"
    assert Activity.objects.get().description.startswith("Medborgardialog")


def test_progress_follow_up_and_correction_through_the_pages(
    client_for, coordinator, police, arboga_pledge
):
    activity = Activity.objects.get()
    client_for(police).post(
        f"/activities/{activity.pk}/progress/new/",
        {"on": "2026-04-02", "text": "Dialog i Nyby hölls.", "status": "done"},
    )
    activity.refresh_from_db()
    assert (activity.status, activity.status_changed_on) == ("done", datetime.date(2026, 4, 2))

    client = client_for(coordinator)
    client.post(f"/pledges/{arboga_pledge.pk}/follow-up/", {"follow_up": "Allt genomfört."})
    arboga_pledge.refresh_from_db()
    assert arboga_pledge.status == Pledge.Status.FOLLOWED_UP

    response = client.post(f"/pledges/{arboga_pledge.pk}/correct/", {"note": "Rättat namn."})
    correction = Pledge.objects.get(version=2)
    assert response.url == f"/pledges/{correction.pk}/"
    assert correction.supersedes == arboga_pledge
    assert "En rättelse av version 1" in client.get(response.url).content.decode()


def test_coordinator_moderates_comments(client_for, coordinator, arboga_pledge, client):
    comment = comment_submit(
        pledge=arboga_pledge, display_name="Anna", body="Bra initiativ!", sender_key="a"
    )
    spam = comment_submit(pledge=arboga_pledge, display_name="X", body="Reklam", sender_key="b")
    staff = client_for(coordinator)
    assert "Bra initiativ!" in staff.get("/pledges/comments/").content.decode()
    staff.post(
        f"/pledges/comments/{comment.pk}/",
        {"decision": "approve", f"c{comment.pk}-reply": "Tack, Anna!"},
    )
    staff.post(f"/pledges/comments/{spam.pk}/", {"decision": "reject"})
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.APPROVED
    assert Comment.objects.get(pk=spam.pk).status == Comment.Status.REJECTED
    staff.logout()
    page = client.get("/medborgarloften/1984/").content.decode()
    assert "Bra initiativ!" in page
    assert "Tack, Anna!" in page
    assert "Reklam" not in page


def test_outsider_cannot_moderate_arboga_comments(client_for, outsider, arboga_pledge):
    comment = comment_submit(pledge=arboga_pledge, display_name="A", body="B", sender_key="a")
    response = client_for(outsider).post(
        f"/pledges/comments/{comment.pk}/", {"decision": "approve"}
    )
    assert response.status_code == 404
    assert Comment.objects.get().status == Comment.Status.PENDING


def test_a_correction_draft_is_not_public_until_published(client, arboga_pledge, coordinator):
    pledge_correct(pledge=arboga_pledge, note="Rättelse", by=coordinator)
    assert client.get("/medborgarloften/1984/2026/version/2/").status_code == 404


def test_administrator_keeps_agreements_and_reads_pledges_in_the_admin(
    client_for, administrator, arboga_pledge
):
    client = client_for(administrator)
    assert client.get("/admin/dialogues/cooperationagreement/add/").status_code == 200
    assert client.get("/admin/dialogues/pledge/").status_code == 200
    page = client.get(f"/admin/dialogues/pledge/{arboga_pledge.pk}/change/")
    assert page.status_code == 200
    assert b'name="introduction"' not in page.content  # read only

"""Drafting, publishing, progress, follow-up and corrections of pledges, through the services."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.utils import timezone, translation

from dialogues.pledges.models import Activity, Pledge
from dialogues.pledges.progress import Progress
from dialogues.pledges.services import (
    activity_create,
    activity_progress_add,
    activity_update,
    focus_area_create,
    focus_area_update,
    pledge_correct,
    pledge_create,
    pledge_follow_up,
    pledge_publish,
    pledge_update,
)
from tests.dialogues.pledges.conftest import pledge_draft
from tests.factories import AreaFactory

DAY = datetime.date(2026, 3, 10)


def test_a_year_has_one_pledge_corrections_are_versions(arboga_draft, arboga, coordinator):
    with pytest.raises(ValidationError) as error:
        pledge_create(municipality=arboga, year=2026, by=coordinator)
    assert "year" in error.value.message_dict


def test_publishing_needs_focus_areas_with_activities(arboga, coordinator):
    pledge = pledge_create(municipality=arboga, year=2027, by=coordinator)
    with pytest.raises(ValidationError, match="fokusområde"):
        pledge_publish(pledge=pledge, by=coordinator)
    focus_area_create(pledge=pledge, title="Trafik", reason="Fortkörning på Ringvägen.")
    with pytest.raises(ValidationError, match="Trafik"):
        pledge_publish(pledge=pledge, by=coordinator)


def test_a_published_pledge_cannot_be_edited_in_place(arboga_pledge, coordinator):
    focus_area = arboga_pledge.focus_areas.get()
    activity = focus_area.activities.get()
    attempts = [
        lambda: pledge_update(pledge=arboga_pledge, introduction="Ny text"),
        lambda: focus_area_update(focus_area=focus_area, title="Ändrad", reason="Ändrad"),
        lambda: focus_area_create(pledge=arboga_pledge, title="Ny", reason="Ny"),
        lambda: activity_update(activity=activity, description="Ändrad"),
        lambda: activity_create(
            focus_area=focus_area, description="Ny", responsible=Activity.Responsible.POLICE
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError, match="kan inte ändras"):
            attempt()
    arboga_pledge.refresh_from_db()
    assert arboga_pledge.introduction == "Medborgarlöfte för Arboga 2026."
    assert focus_area.activities.get().description.startswith("Medborgardialog")


def test_areas_must_belong_to_the_pledges_municipality(arboga_draft, kungsor):
    with pytest.raises(ValidationError) as error:
        focus_area_create(
            pledge=arboga_draft,
            title="Centrum",
            reason="Otrygghet",
            areas=[AreaFactory(municipality=kungsor)],
        )
    assert "areas" in error.value.message_dict


def test_a_partner_must_be_named(arboga_draft):
    with pytest.raises(ValidationError) as error:
        activity_create(
            focus_area=arboga_draft.focus_areas.get(),
            description="Nattvandring",
            responsible=Activity.Responsible.PARTNER,
        )
    assert "partner" in error.value.message_dict


def test_progress_updates_set_the_status_and_roll_up(arboga, coordinator, police):
    pledge = pledge_draft(arboga, coordinator, focus_areas=["Narkotika", "Trafik"])
    narcotics, traffic = pledge.focus_areas.all()
    activity_create(
        focus_area=narcotics, description="Handlingsplan", responsible=Activity.Responsible.POLICE
    )
    pledge_publish(pledge=pledge, by=coordinator)
    first, second = narcotics.activities.all()
    activity_progress_add(
        activity=first, on=DAY, text="Första dialogen hölls.", status="under_way", by=police
    )
    activity_progress_add(
        activity=first, on=DAY, text="Andra dialogen hölls.", status="done", by=police
    )
    activity_progress_add(
        activity=second, on=DAY, text="Arbetet har börjat.", status="under_way", by=coordinator
    )
    first.refresh_from_db()
    assert (first.status, first.status_changed_on) == ("done", DAY)
    assert narcotics.progress() == Progress(under_way=1, done=1)
    assert traffic.progress() == Progress(not_started=1)
    assert pledge.progress() == Progress(not_started=1, under_way=1, done=1)
    assert pledge.progress().percent_done == 33


def test_no_progress_on_a_draft_or_ahead_of_time(arboga_draft, arboga_pledge, coordinator):
    draft = pledge_draft(arboga_draft.municipality, coordinator, year=2027)
    with pytest.raises(ValidationError, match="gällande publicerade"):
        activity_progress_add(
            activity=draft.focus_areas.get().activities.get(),
            on=DAY,
            text="x",
            status="done",
            by=coordinator,
        )
    with pytest.raises(ValidationError) as error:
        activity_progress_add(
            activity=arboga_pledge.focus_areas.get().activities.get(),
            on=timezone.localdate() + datetime.timedelta(days=2),
            text="x",
            status="done",
            by=coordinator,
        )
    assert "on" in error.value.message_dict


@pytest.mark.parametrize("name", ["virus.exe", "minnesanteckningar.pdf"])
def test_attachments_are_documents_or_images(arboga_pledge, coordinator, settings, tmp_path, name):
    settings.MEDIA_ROOT = tmp_path
    activity = arboga_pledge.focus_areas.get().activities.get()
    # A program, whatever its name says.
    with translation.override("en"), pytest.raises(ValidationError) as error:
        activity_progress_add(
            activity=activity,
            on=DAY,
            text="x",
            status="done",
            attachment=SimpleUploadedFile(name, b"MZ\x90\x00 a program"),
            by=coordinator,
        )
    assert error.value.message_dict["attachment"] == [
        "Attach a PDF, an image (JPEG, PNG) or a document (DOCX, ODT)."
    ]
    assert not list(tmp_path.rglob("*.*"))
    update = activity_progress_add(
        activity=activity,
        on=DAY,
        text="Minnesanteckningar från dialogen.",
        status="done",
        attachment=SimpleUploadedFile("minnesanteckningar.pdf", b"%PDF-1.4"),
        by=coordinator,
    )
    assert update.attachment.name.startswith("pledges/2026/minnesanteckningar")


def test_follow_up_closes_the_year(arboga_pledge, coordinator):
    with pytest.raises(ValidationError):
        pledge_follow_up(pledge=arboga_pledge, text="  ", by=coordinator)
    pledge = pledge_follow_up(pledge=arboga_pledge, text="Två dialoger hölls.", by=coordinator)
    assert pledge.status == Pledge.Status.FOLLOWED_UP
    assert pledge.followed_up_on is not None
    with pytest.raises(ValidationError):
        activity_progress_add(
            activity=pledge.focus_areas.get().activities.get(),
            on=DAY,
            text="x",
            status="done",
            by=coordinator,
        )


def test_a_correction_is_a_new_version_that_takes_over_when_published(
    arboga_pledge, coordinator, police
):
    with pytest.raises(ValidationError):
        pledge_correct(pledge=arboga_pledge, note="", by=coordinator)
    correction = pledge_correct(pledge=arboga_pledge, note="Rättat datum.", by=coordinator)
    assert (correction.version, correction.supersedes, correction.status) == (
        2,
        arboga_pledge,
        Pledge.Status.DRAFT,
    )
    with pytest.raises(ValidationError, match="håller redan på"):
        pledge_correct(pledge=arboga_pledge, note="Igen", by=coordinator)
    # Until the correction is published, residents see version 1, and progress goes there.
    assert list(Pledge.objects.current()) == [arboga_pledge]
    original = arboga_pledge.focus_areas.get().activities.get()
    activity_progress_add(
        activity=original, on=DAY, text="Dialog i Nyby.", status="under_way", by=police
    )
    pledge_update(pledge=correction, introduction="Rättad inledning.")
    pledge_publish(pledge=correction, by=coordinator)

    assert list(Pledge.objects.current()) == [correction]
    copy = correction.focus_areas.get().activities.get()
    assert copy.status == "under_way"
    assert [update.text for update in copy.updates.all()] == ["Dialog i Nyby."]
    arboga_pledge.refresh_from_db()
    assert arboga_pledge.introduction == "Medborgarlöfte för Arboga 2026."
    with pytest.raises(ValidationError, match="gällande"):
        pledge_correct(pledge=arboga_pledge, note="Från gammal version", by=coordinator)


def test_correcting_a_followed_up_year_keeps_it_followed_up(arboga_pledge, coordinator):
    pledge_follow_up(pledge=arboga_pledge, text="Allt genomfört.", by=coordinator)
    correction = pledge_correct(pledge=arboga_pledge, note="Stavfel.", by=coordinator)
    assert correction.follow_up == "Allt genomfört."
    correction = pledge_publish(pledge=correction, by=coordinator)
    assert correction.status == Pledge.Status.FOLLOWED_UP


def test_the_database_refuses_two_drafts_of_a_year(arboga_pledge, coordinator):
    Pledge.objects.create(municipality=arboga_pledge.municipality, year=2026, version=2)
    with pytest.raises(IntegrityError):
        Pledge.objects.create(municipality=arboga_pledge.municipality, year=2026, version=3)

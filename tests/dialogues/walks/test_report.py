"""The walk report: the coordinator's page and PDF with the map, findings and photos, the audit
and the measures; the choice of public photos; the residents' follow-up page with only those
photos and nothing typed on the walk; 404 across municipalities."""

import datetime

import pytest
from django.urls import reverse

from dialogues.measures.services import measure_create, measure_status_set
from dialogues.walks.models import FindingPhoto
from dialogues.walks.report_views import walk_report_pdf
from tests.dialogues.findings import (
    audit_of,
    finding_on,
    held_walk,
    participants,
    photo_of,
    street_department,
)
from tests.dialogues.walks.helpers import announced_walk
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def walk(arboga, coordinator):
    walk = held_walk(arboga, coordinator)
    lamp = finding_on(walk, description="Trasig lampa vid Kalle Anderssons port")
    bush = finding_on(walk, category="Vegetation", description="Tätt buskage")
    photo_of(lamp, public=True)
    photo_of(bush, public=False)
    audit_of(walk, 1, lighting=2, openness=4, stretch_name="Torget")
    audit_of(walk, 1, lighting=3, feeling=3)
    audit_of(walk, 2, lighting=5, people=4)
    participants(walk, residents=12, police=2)
    streets = street_department(arboga)
    done = measure_create(
        municipality=arboga,
        by=coordinator,
        findings=[lamp],
        title="Byt lamporna",
        responsible=streets,
        due_on=datetime.date(2026, 1, 10),
    )
    measure_status_set(measure=done, by=coordinator, status="done", done_note="Sex lampor bytta.")
    measure_create(
        municipality=arboga,
        by=coordinator,
        findings=[bush],
        title="Klipp buskaget",
        responsible=streets,
    )
    return walk


def test_the_report_page_shows_findings_audit_measures_and_participants(
    client_for, coordinator, walk
):
    page = client_for(coordinator).get(reverse("walk_report", args=[walk.pk])).content.decode()
    for text in ("Trasig lampa", "Tätt buskage", "Byt lamporna", "Klipp buskaget", "Torget"):
        assert text in page
    assert "2,5" in page  # lighting on the first stretch: (2 + 3) / 2
    assert "14 deltog totalt" in page
    assert page.count('name="public"') == 2


def test_the_coordinator_chooses_the_public_photos(client_for, coordinator, walk):
    hidden = FindingPhoto.objects.get(public=False)
    shown = FindingPhoto.objects.get(public=True)
    client_for(coordinator).post(
        reverse("walk_photos_public", args=[walk.pk]), {"public": [hidden.pk]}
    )
    hidden.refresh_from_db()
    shown.refresh_from_db()
    assert (hidden.public, shown.public) == (True, False)


def test_the_pdf_says_what_the_page_says(walk):
    text = pdf_text(walk_report_pdf(walk))
    assert "Rapport från trygghetsvandring: Trygghetsvandring i centrum" in text
    for words in (
        "Tätt buskage",
        "Byt lamporna",
        "Sex lampor bytta.",
        "Klipp buskaget",
        "Invånare: 12",
    ):
        assert words in text


def test_the_pdf_is_served_to_the_coordinator(client_for, coordinator, walk):
    response = client_for(coordinator).get(reverse("walk_report_pdf", args=[walk.pk]))
    assert response["Content-Type"] == "application/pdf"


def test_the_follow_up_shows_only_public_photos_and_nothing_typed_on_the_walk(client, walk):
    url = reverse("public_walk_follow_up", args=[walk.municipality.code, walk.pk])
    page = client.get(url).content.decode()
    assert "Byt lamporna" in page
    assert "Sex lampor bytta." in page
    assert "Klipp buskaget" in page  # what remains
    assert "Belysning: 1" in page
    assert "Vegetation: 1" in page
    assert "Kalle Andersson" not in page
    assert "Tätt buskage" not in page
    shown = FindingPhoto.objects.get(public=True)
    hidden = FindingPhoto.objects.get(public=False)
    code = walk.municipality.code
    assert reverse("public_finding_photo", args=[code, walk.pk, shown.pk]) in page
    assert reverse("public_finding_photo", args=[code, walk.pk, hidden.pk]) not in page
    assert (
        client.get(reverse("public_finding_photo", args=[code, walk.pk, shown.pk])).status_code
        == 200
    )
    assert (
        client.get(reverse("public_finding_photo", args=[code, walk.pk, hidden.pk])).status_code
        == 404
    )


def test_the_announcement_links_the_follow_up_once_held(client, walk):
    page = client.get(reverse("public_walk", args=[walk.municipality.code, walk.pk]))
    assert reverse("public_walk_follow_up", args=[walk.municipality.code, walk.pk]) in (
        page.content.decode()
    )


def test_a_coming_walk_has_no_follow_up_yet(client, arboga, coordinator):
    coming = announced_walk(arboga, coordinator)
    url = reverse("public_walk_follow_up", args=[arboga.code, coming.pk])
    assert client.get(url).status_code == 404


def test_another_municipality_gets_404_for_the_report_pdf_and_photos(
    client_for, outsider, walk, kungsor
):
    client = client_for(outsider)
    photo = FindingPhoto.objects.first()
    for name in ("walk_report", "walk_report_pdf", "walk_photos_public"):
        assert client.get(reverse(name, args=[walk.pk])).status_code == 404, name
    photo_url = reverse("walk_finding_photo", args=[walk.pk, photo.pk, "image"])
    assert client.get(photo_url).status_code == 404
    # Under another municipality's code the walk does not exist either.
    assert (
        client.get(reverse("public_walk_follow_up", args=[kungsor.code, walk.pk])).status_code
        == 404
    )

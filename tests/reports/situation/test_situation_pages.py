"""The situation picture's page, PDF, permissions and workflow."""

import io

import pytest
from django.core import mail
from pypdf import PdfReader

from est.access_log import AccessEntry, AccessKind
from est.roles import Role
from reports.situation.compile import situation_picture_compile, situation_picture_ensure
from reports.situation.models import SituationPicture
from reports.situation.workflow import situation_picture_publish
from tests.factories import OrganisationFactory, UserFactory
from tests.reports.helpers import PERIOD_START, incident, known_incidents, local


@pytest.fixture
def picture(arboga, kungsor):
    known_incidents(arboga, kungsor)
    picture, _ = situation_picture_ensure(municipality=arboga, period_start=PERIOD_START)
    situation_picture_compile(picture_id=picture.pk)
    picture.refresh_from_db()
    return picture


def published(picture, by):
    return situation_picture_publish(picture=picture, by=by)


def test_the_coordinator_reads_the_key_figures_on_the_page(client_for, coordinator, picture):
    response = client_for(coordinator).get(f"/situation/{picture.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Lägesbild Arboga" in page or "Situation picture Arboga" in page
    assert "<svg" in page
    figures = {f["name"]: f for f in response.context["categories"]}
    assert figures["Skadegörelse"]["current"] == 2
    assert "Inbrott i villa" in page  # the police event's table


def test_police_read_a_published_picture_of_their_municipality(
    client_for, police, coordinator, picture
):
    assert client_for(police).get(f"/situation/{picture.pk}/").status_code == 404  # a draft
    published(picture, coordinator)
    assert client_for(police).get(f"/situation/{picture.pk}/").status_code == 200


def test_a_kungsor_user_guessing_an_arboga_picture_gets_404(
    client_for, outsider, coordinator, picture
):
    published(picture, coordinator)
    client = client_for(outsider)
    for path in ("", "pdf/", "edit/"):
        assert client.get(f"/situation/{picture.pk}/{path}").status_code == 404
    assert client.post(f"/situation/{picture.pk}/recompile/").status_code == 404


def test_reporters_see_only_what_is_shared_with_their_organisation(
    client_for, reporter, coordinator, picture
):
    published(picture, coordinator)
    assert client_for(reporter).get(f"/situation/{picture.pk}/").status_code == 404
    picture.shared_with.add(reporter.organisation)
    assert client_for(reporter).get(f"/situation/{picture.pk}/").status_code == 200


def test_police_may_not_change_a_picture(client_for, police, coordinator, picture):
    published(picture, coordinator)
    assert client_for(police).post(f"/situation/{picture.pk}/revise/").status_code == 403


def test_the_pdf_holds_the_key_figures_and_is_tagged_for_screen_readers(
    client_for, coordinator, picture
):
    response = client_for(coordinator).get(f"/situation/{picture.pk}/pdf/")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.trailer["/Root"]["/Lang"] == "sv"
    assert reader.metadata.title == f"Lägesbild Arboga {picture.period_start.isoformat()}"
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Arboga" in text
    assert "Skadegörelse" in text
    assert "Klotter" in text
    assert "Inbrott i villa" in text


def test_publishing_freezes_notifies_and_a_change_makes_a_new_version(
    client_for, coordinator, police, picture
):
    guards = OrganisationFactory(name="Vakt AB")
    guards.municipalities.add(picture.municipality)
    guard = UserFactory(
        username="vakt",
        role=Role.REPORTER,
        organisation=guards,
        municipalities=[picture.municipality],
    )
    client = client_for(coordinator)
    response = client.post(
        f"/situation/{picture.pk}/edit/",
        {
            "analysis": "<p>Fler <strong>skadegörelser</strong></p><script>alert(1)</script>",
            "problems": "Helgnätter i centrum",
            "shared_with": [guards.pk],
        },
    )
    assert response.status_code == 302
    picture.refresh_from_db()
    assert picture.analysis == "<p>Fler <strong>skadegörelser</strong></p>"
    assert client.post(f"/situation/{picture.pk}/submit/").status_code == 302
    with pytest.MonkeyPatch.context():
        from django.test import TestCase

        with TestCase.captureOnCommitCallbacks(execute=True):
            client.post(f"/situation/{picture.pk}/publish/")
    picture.refresh_from_db()
    assert picture.status == SituationPicture.Status.PUBLISHED
    assert sorted(m.to[0] for m in mail.outbox) == sorted([police.email, guard.email])
    # Frozen: neither the text nor the figures change any more.
    client.post(f"/situation/{picture.pk}/edit/", {"analysis": "Ändrad", "problems": ""})
    client.post(f"/situation/{picture.pk}/recompile/")
    picture.refresh_from_db()
    assert picture.analysis.startswith("<p>Fler")
    response = client.post(f"/situation/{picture.pk}/revise/")
    revision = SituationPicture.objects.get(version=2)
    assert response.url == f"/situation/{revision.pk}/"
    assert revision.status == SituationPicture.Status.DRAFT
    assert revision.analysis == picture.analysis
    picture.refresh_from_db()
    assert picture.status == SituationPicture.Status.PUBLISHED
    assert picture.superseded_by == revision
    # The police still read the published version while the new one is a draft.
    assert client_for(police).get(f"/situation/{picture.pk}/").status_code == 200


def test_incidents_after_compiling_are_flagged(client_for, coordinator, picture):
    incident(picture.municipality, "graffiti", local(2025, 3, 20, 8))
    incident(picture.municipality, "graffiti", local(2025, 3, 21, 8))
    response = client_for(coordinator).get(f"/situation/{picture.pk}/")
    assert response.context["changed"] == 2
    client_for(coordinator).post(f"/situation/{picture.pk}/recompile/")
    response = client_for(coordinator).get(f"/situation/{picture.pk}/")
    assert response.context["changed"] == 0
    assert response.context["total"]["current"] == 5


def test_the_list_shows_the_pictures_one_may_read(client_for, coordinator, outsider, picture):
    assert (
        picture.period_start.isoformat()
        in client_for(coordinator).get("/situation/").content.decode()
    )
    assert client_for(outsider).get("/situation/").context["pictures"].count() == 0


def test_the_tables_list_the_fifteen_busiest_repeat_places_and_the_map_all(
    client_for, coordinator, arboga
):
    # 17 repeat places, 300 m apart: the first has five incidents, the others three each.
    for place in range(17):
        for n in range(5 if place == 0 else 3):
            incident(arboga, "graffiti", local(2025, 3, 18 + n, 12), dx=place * 300, dy=n * 5)
    picture, _ = situation_picture_ensure(municipality=arboga, period_start=PERIOD_START)
    situation_picture_compile(picture_id=picture.pk)
    picture.refresh_from_db()
    assert len(picture.content["where"]["repeat_places"]) == 17
    response = client_for(coordinator).get(f"/situation/{picture.pk}/")
    listed = response.context["repeat_places"]["listed"]
    assert [place["label"] for place in listed] == [f"R{n}" for n in range(1, 16)]
    assert listed[0]["count"] == 5
    page = response.content.decode()
    assert "2 upprepade platser till, med färre händelser, är markerade på kartan." in page
    # The map numbers the listed fifteen and marks the other two unnumbered.
    the_map = str(response.context["map_chart"])
    assert ">R15</text>" in the_map
    assert ">R16</text>" not in the_map
    assert the_map.count("<circle") == 17
    pdf = client_for(coordinator).get(f"/situation/{picture.pk}/pdf/").content
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "2 upprepade platser till" in " ".join(text.split())


def test_only_editors_read_who_reported_nothing(client_for, coordinator, police, reporter, picture):
    silent = reporter.get_full_name() or reporter.username
    assert [s["name"] for s in picture.content["who"]["silent_reporters"]] == [silent]
    guards = OrganisationFactory(name="Vakt AB")
    guard = UserFactory(
        username="vakt",
        role=Role.REPORTER,
        organisation=guards,
        municipalities=[picture.municipality],
    )
    published(picture, coordinator)
    picture.shared_with.add(guards)

    def page_and_pdf(user):
        client = client_for(user)
        page = client.get(f"/situation/{picture.pk}/").content.decode()
        pdf = client.get(f"/situation/{picture.pk}/pdf/").content
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        return page, " ".join(text.split())

    for reader in (police, guard):
        page, pdf = page_and_pdf(reader)
        assert silent not in page
        assert silent not in pdf
        assert "En utbildad rapportör rapporterade inget" in page
    page, pdf = page_and_pdf(coordinator)
    assert silent in page
    assert silent in pdf


def test_the_pdf_of_a_draft_is_a_logged_read_and_of_a_published_picture_not(
    client_for, coordinator, picture
):
    client = client_for(coordinator)
    assert client.get(f"/situation/{picture.pk}/pdf/").status_code == 200
    (entry,) = AccessEntry.objects.filter(kind=AccessKind.DOCUMENT)
    assert (entry.username, entry.municipality) == ("sara", picture.municipality)
    assert entry.target == f"lägesbild {picture.pk}"
    published(picture, coordinator)
    assert client.get(f"/situation/{picture.pk}/pdf/").status_code == 200
    assert AccessEntry.objects.count() == 1

"""The tertial analysis: compiling (task, beat, command), the workflow, permissions, the PDF."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from pypdf import PdfReader

from est.access_log import AccessEntry, AccessKind
from est.periods import Tertial, last_ended_tertial, parse_tertial
from reports.incidents.models import Incident
from reports.tertial.compile import (
    analysis_content,
    tertial_analyses_due,
    tertial_analysis_compile,
    tertial_analysis_ensure,
)
from reports.tertial.models import TertialAnalysis
from reports.tertial.rendering import (
    analysis_pdf_bytes,
    tertial_analysis_render,
    tertial_analysis_render_request,
)
from reports.tertial.workflow import (
    tertial_analysis_adopt,
    tertial_analysis_revise,
    tertial_analysis_submit,
    tertial_analysis_update,
)
from tests.factories import AreaFactory, square
from tests.pdf_text import pdf_text
from tests.reports.helpers import incident, local

T1_2025 = Tertial(2025, 1)


@pytest.fixture
def incidents(arboga, kungsor):
    """2025-T1: 7 graffiti (2 of them in the area Norr) and 3 vandalism; 2024-T3: 4 graffiti;
    2024-T1: 2 graffiti (1 in Norr); a police event; and Kungsör's incidents, never counted for
    Arboga."""
    centre = arboga.boundary.centroid
    AreaFactory(
        municipality=arboga, name="Norr", boundary=square(centre.x + 50, centre.y - 250, 500)
    )
    for day in range(7):
        incident(arboga, "graffiti", local(2025, 2, 1 + day, 14), dx=100 if day < 2 else -900)
    for month in (1, 3, 4):
        incident(arboga, "vandalism", local(2025, month, 10, 23), local(2025, month, 11, 1))
    for day in range(4):
        incident(arboga, "graffiti", local(2024, 10, 1 + day, 12))
    for day in range(2):
        incident(arboga, "graffiti", local(2024, 2, 1 + day, 12), dx=100 if day < 1 else 0)
    incident(
        arboga, "burglary", local(2025, 3, 3, 3), source=Incident.Source.POLICE_EVENT,
        place_name="Arboga centrum",
    )  # fmt: skip
    incident(arboga, "graffiti", local(2025, 5, 1, 0, 30))  # next tertial
    for day in range(5):
        incident(kungsor, "graffiti", local(2025, 2, 1 + day, 14))


@pytest.fixture
def analysis(arboga, incidents):
    analysis, _created = tertial_analysis_ensure(municipality=arboga, tertial=T1_2025)
    tertial_analysis_compile(analysis_id=analysis.pk)
    analysis.refresh_from_db()
    return analysis


def test_tertials_are_named_and_found():
    assert parse_tertial("2025-T2") == Tertial(2025, 2)
    with pytest.raises(ValueError, match="not a tertial"):
        parse_tertial("2025-T4")
    now = datetime.datetime(2025, 5, 1, 8, tzinfo=datetime.UTC)
    assert last_ended_tertial(now) == Tertial(2025, 1)
    assert last_ended_tertial(datetime.datetime(2025, 1, 2, tzinfo=datetime.UTC)) == Tertial(
        2024, 3
    )


def test_key_figures_compare_with_the_previous_tertial_and_last_year(arboga, incidents):
    content = analysis_content(arboga, T1_2025)
    total = content["key_figures"]["total"]
    assert (total["current"], total["previous"], total["last_year"]) == (10, 4, 2)
    graffiti = next(f for f in content["key_figures"]["categories"] if f["name"] == "Klotter")
    assert graffiti["current"] == 7
    assert len(content["trend"]["months"]) == 36
    assert content["trend"]["months"][-1] == "2025-04"
    assert [(a["current"], a["last_year"]) for a in content["areas"]["areas"]] == [(2, 1)]
    assert round(content["when"]["total"]) == 10
    assert [e["place"] for e in content["police_events"]] == ["Arboga centrum"]


def test_the_beat_drafts_each_analysis_once(arboga, kungsor, incidents):
    now = datetime.datetime(2025, 5, 1, 8, tzinfo=datetime.UTC)
    due = tertial_analyses_due(now=now)
    assert len(due) == 2
    assert tertial_analyses_due(now=now) == due  # nothing made twice
    assert tertial_analysis_compile(analysis_id=due[0]) is True
    assert tertial_analysis_compile(analysis_id=due[0]) is False  # safe to run twice
    assert TertialAnalysis.objects.of(T1_2025).count() == 2


def test_the_command_compiles_a_chosen_tertial(arboga, kungsor, incidents, capsys):
    call_command("compile_tertial_analyses", municipality="1984", tertial="2025-T1")
    analysis = TertialAnalysis.objects.get(municipality=arboga)
    assert analysis.is_compiled
    assert analysis.content["key_figures"]["total"]["current"] == 10
    assert not TertialAnalysis.objects.filter(municipality=kungsor).exists()


def test_adopted_versions_are_frozen_and_kept(analysis, coordinator):
    tertial_analysis_update(
        analysis=analysis, by=coordinator, key_messages="Mer klotter", direction=""
    )
    tertial_analysis_submit(analysis=analysis, by=coordinator)
    adopted = tertial_analysis_adopt(
        analysis=analysis, by=coordinator, adopted_on=datetime.date(2025, 5, 20),
        decision="Fokus på klotter i centrum.",
    )  # fmt: skip
    assert adopted.status == TertialAnalysis.Status.ADOPTED
    with pytest.raises(ValidationError):
        tertial_analysis_update(analysis=adopted, by=coordinator, key_messages="x", direction="")
    assert tertial_analysis_compile(analysis_id=adopted.pk, force=True) is False
    revision = tertial_analysis_revise(analysis=adopted, by=coordinator)
    assert revision.version == 2
    assert revision.status == TertialAnalysis.Status.DRAFT
    adopted.refresh_from_db()
    assert adopted.decision == "Fokus på klotter i centrum."
    assert adopted.superseded_by == revision


def test_council_members_read_their_municipalitys_analyses(
    client_for, council_member, outsider, analysis, kungsor
):
    page = client_for(council_member).get("/tertial/")
    assert page.status_code == 200
    assert "2025-T1" in page.content.decode()
    assert client_for(council_member).get(f"/tertial/{analysis.pk}/").status_code == 200
    # A Kungsör user guessing Arboga's id finds nothing.
    assert client_for(outsider).get(f"/tertial/{analysis.pk}/").status_code == 404
    assert client_for(outsider).get(f"/tertial/{analysis.pk}/pdf/").status_code == 404
    assert "2025-T1" not in client_for(outsider).get("/tertial/").content.decode()
    # Council members read but do not edit.
    assert client_for(council_member).post(f"/tertial/{analysis.pk}/submit/").status_code == 403


def test_reporters_may_not_read_analyses(client_for, reporter, analysis):
    assert client_for(reporter).get("/tertial/").status_code == 403


def test_the_pdf_is_tagged_swedish_and_holds_the_figures(
    client_for, council_member, analysis, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert tertial_analysis_render_request(analysis=analysis) is True
    analysis.refresh_from_db()
    assert analysis.render_state == TertialAnalysis.RenderState.DONE
    response = client_for(council_member).get(f"/tertial/{analysis.pk}/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert "tertialanalys-arboga-2025-T1-v1.pdf" in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.getvalue()))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "sv"
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Tertialanalys Arboga" in text
    assert "Innehåll" in text  # the table of contents
    assert "Norr" in text
    assert "Klotter" in text
    key_row = next(line for line in text.splitlines() if line.startswith("Alla kategorier"))
    assert key_row.split()[2:5] == ["10", "4", "+6"]
    assert len(reader.pages) >= 8
    # Every chart and the map is a tagged figure with its alternative text.
    figures = []

    def walk(node):
        node = node.get_object()
        if node.get("/S") == "/Figure":
            figures.append(str(node.get("/Alt", "")))
        children = node.get("/K")
        for child in children if isinstance(children, list) else [children]:
            if hasattr(child, "get_object") and hasattr(child.get_object(), "get"):
                walk(child)

    walk(root["/StructTreeRoot"])
    assert len(figures) == 3
    assert all(figures)
    assert any(alt.startswith("Karta över Arboga") for alt in figures)


def test_an_unchanged_analysis_is_not_rendered_twice(
    analysis, media_storage, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tertial_analysis_render_request(analysis=analysis)
    assert tertial_analysis_render_request(analysis=analysis) is False
    # The worker, asked again, finds nothing to do.
    TertialAnalysis.objects.filter(pk=analysis.pk).update(render_state="queued")
    assert tertial_analysis_render(analysis_id=analysis.pk) is False
    first = TertialAnalysis.objects.get(pk=analysis.pk).pdf.name
    assert media_storage.holds(first)
    tertial_analysis_update(analysis=analysis, by=None, key_messages="Nytt", direction="")
    with django_capture_on_commit_callbacks(execute=True):
        assert tertial_analysis_render_request(analysis=analysis) is True
    # The new PDF replaces the old one in the storage (local files or the bucket).
    second = TertialAnalysis.objects.get(pk=analysis.pk).pdf.name
    assert media_storage.holds(second)
    assert not media_storage.holds(first)


def test_the_page_shows_the_pdf_progress(client_for, coordinator, analysis):
    response = client_for(coordinator).get(f"/tertial/{analysis.pk}/pdf/status/")
    assert response.json()["state"] == "none"


def test_the_coordinator_writes_the_direction_for_the_next_tertial(
    client_for, coordinator, outsider, analysis
):
    direction = "Fler väktarronder i centrum fredag och lördag kväll."
    # A Kungsör coordinator guessing Arboga's id can neither open nor save the form.
    assert client_for(outsider).get(f"/tertial/{analysis.pk}/edit/").status_code == 404
    assert (
        client_for(outsider)
        .post(f"/tertial/{analysis.pk}/edit/", {"key_messages": "", "direction": "x"})
        .status_code
        == 404
    )
    client = client_for(coordinator)
    form = client.get(f"/tertial/{analysis.pk}/edit/").content.decode()
    assert "Förslag till inriktning för nästa tertial" in form
    response = client.post(
        f"/tertial/{analysis.pk}/edit/", {"key_messages": "Mer klotter", "direction": direction}
    )
    assert response.status_code == 302
    page = client.get(f"/tertial/{analysis.pk}/").content.decode()
    assert direction in page[page.index('id="direction"') :]
    analysis.refresh_from_db()
    text = pdf_text(analysis_pdf_bytes(analysis))
    assert f"Förslag till inriktning för nästa tertial {direction}" in text


def test_merged_duplicates_count_nowhere_in_the_analysis(arboga, incidents):
    """A duplicate merged into another report is one incident: not in the areas, the weekday
    and hour figures or the monthly trend."""
    kept = Incident.objects.filter(municipality=arboga, occurred_from__month=2).first()
    twin = incident(arboga, "graffiti", kept.occurred_from, dx=100)
    Incident.objects.filter(pk=twin.pk).update(merged_into=kept)
    content = analysis_content(arboga, T1_2025)
    assert content["key_figures"]["total"]["current"] == 10
    assert [(a["current"], a["last_year"]) for a in content["areas"]["areas"]] == [(2, 1)]
    assert round(content["when"]["total"]) == 10
    assert content["incident_count"] == 10


def test_the_pdf_of_a_draft_analysis_is_a_logged_read(
    client_for, coordinator, analysis, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tertial_analysis_render_request(analysis=analysis)
    assert client_for(coordinator).get(f"/tertial/{analysis.pk}/pdf/").status_code == 200
    (entry,) = AccessEntry.objects.filter(kind=AccessKind.DOCUMENT)
    assert (entry.username, entry.municipality) == ("sara", analysis.municipality)

"""The pledges' status in the tertial analysis: gathered by dialogues into the analysis's
snapshot, shown on the page and in the PDF, and kept by an adopted version."""

import datetime
import re
from pathlib import Path

from django.conf import settings

from dialogues.pledges.models import Activity, Pledge
from est.periods import Tertial
from reports.tertial.compile import tertial_analysis_compile, tertial_analysis_ensure
from reports.tertial.rendering import analysis_pdf_bytes
from reports.tertial.workflow import tertial_analysis_adopt, tertial_analysis_submit
from tests.dialogues.pledges.conftest import report
from tests.pdf_text import pdf_text
from tests.reports.helpers import local

T1_2026 = Tertial(2026, 1)


def compiled(municipality):
    analysis, _created = tertial_analysis_ensure(municipality=municipality, tertial=T1_2026)
    tertial_analysis_compile(analysis_id=analysis.pk, force=True)
    analysis.refresh_from_db()
    return analysis


def analysis_text(analysis) -> str:
    return pdf_text(analysis_pdf_bytes(analysis))


def test_the_analysis_shows_where_each_activity_stood_at_the_tertials_end(
    client_for, council_member, outsider, arboga, pledge_with_progress
):
    analysis = compiled(arboga)
    page = client_for(council_member).get(f"/tertial/{analysis.pk}/").content.decode()
    section = page[page.index('id="pledges"') : page.index('id="direction"')]
    assert "Medborgarlöften 2026, version 1" in section
    # On 30 April the dialogue was under way; May's "done" is not part of the tertial.
    assert "Pågår sedan 15 mars 2026" in section
    assert "Första dialogen hölls på torget med 40 besökare." in section
    assert "Andra dialogen" not in section
    assert "Inte påbörjad" in section
    assert "0 av 2 aktiviteter klara (0 %)" in section
    assert f'href="/pledges/{pledge_with_progress.pk}/"' in section
    # Another municipality's user guessing the analysis's id finds nothing.
    assert client_for(outsider).get(f"/tertial/{analysis.pk}/").status_code == 404

    text = analysis_text(analysis)
    contents = text[text.index("Innehåll") : text.index("Förslag till inriktning")]
    assert "Medborgarlöften" in contents  # in the table of contents
    assert "Pågår sedan 15 mars 2026" in text
    assert "Första dialogen hölls på torget" in text


def test_without_pledges_the_section_says_there_are_none(client_for, council_member, arboga):
    analysis = compiled(arboga)
    page = client_for(council_member).get(f"/tertial/{analysis.pk}/").content.decode()
    section = page[page.index('id="pledges"') : page.index('id="direction"')]
    assert "Inga medborgarlöften för 2026 var publicerade när perioden slutade." in section
    assert "Inga medborgarlöften för 2026 var publicerade" in analysis_text(analysis)


def test_pledges_published_after_the_tertial_are_not_in_its_analysis(arboga, arboga_pledge):
    Pledge.objects.filter(pk=arboga_pledge.pk).update(published_at=local(2026, 5, 4, 10))
    assert compiled(arboga).content["sections"]["pledges"]["pledges"] == []


def test_an_adopted_analysis_keeps_the_status_it_was_adopted_with(
    client_for, council_member, coordinator, police, arboga, pledge_with_progress
):
    analysis = compiled(arboga)
    tertial_analysis_submit(analysis=analysis, by=coordinator)
    tertial_analysis_adopt(
        analysis=analysis, by=coordinator, adopted_on=datetime.date(2026, 5, 25), decision="Ja."
    )
    # Later someone reports progress dated inside the tertial.
    never_started = Activity.objects.get(description="Medborgardialog om trafik")
    text = "Dialog om fortkörning på Ringvägen."
    report(never_started, datetime.date(2026, 4, 1), text, Activity.Status.DONE, police)
    assert compiled(arboga).pk == analysis.pk  # the adopted version is not compiled again
    page = client_for(council_member).get(f"/tertial/{analysis.pk}/").content.decode()
    assert "Dialog om fortkörning" not in page
    assert "Inte påbörjad" in page
    assert "Dialog om fortkörning" not in analysis_text(analysis)


def test_reports_imports_nothing_from_dialogues():
    """The apps are independent: dialogues fills est's registry; reports reads the snapshot."""
    imports = re.compile(r"^\s*(from|import)\s+dialogues\b", re.MULTILINE)
    sources = Path(settings.BASE_DIR, "reports").rglob("*.py")
    assert [str(path) for path in sources if imports.search(path.read_text())] == []

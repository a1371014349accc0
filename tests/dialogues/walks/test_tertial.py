"""The safety walks in the tertial analysis: walks held, findings by category, measures done
in the tertial and overdue at its end, through the report sections' registry."""

import datetime

import pytest

from dialogues.measures.services import measure_create, measure_status_set
from dialogues.walks.models import SafetyWalk
from est.periods import Tertial
from reports.tertial.compile import tertial_analysis_compile, tertial_analysis_ensure
from reports.tertial.rendering import analysis_pdf_bytes
from tests.dialogues.findings import finding_on, held_walk, street_department
from tests.pdf_text import pdf_text
from tests.reports.helpers import local

pytestmark = pytest.mark.django_db


def test_the_analysis_reports_walks_findings_and_measures(
    client_for, council_member, arboga, coordinator
):
    walk = held_walk(arboga, coordinator)
    june = local(2026, 6, 10, 18)
    SafetyWalk.objects.filter(pk=walk.pk).update(
        starts_at=june, ends_at=june + datetime.timedelta(hours=2)
    )
    lamp = finding_on(walk)
    finding_on(walk, description="Mörk trappa")
    finding_on(walk, category="Vegetation", description="Buskage")
    streets = street_department(arboga)
    done = measure_create(
        municipality=arboga,
        by=coordinator,
        findings=[lamp],
        title="Byt lamporna",
        responsible=streets,
    )
    measure_status_set(measure=done, by=coordinator, status="done", done_note="Bytta.", now=june)
    measure_create(
        municipality=arboga,
        by=coordinator,
        title="Belys tunneln",
        responsible=streets,
        due_on=datetime.date(2026, 8, 1),
    )
    analysis, _created = tertial_analysis_ensure(municipality=arboga, tertial=Tertial(2026, 2))
    tertial_analysis_compile(analysis_id=analysis.pk, force=True)
    analysis.refresh_from_db()
    page = client_for(council_member).get(f"/tertial/{analysis.pk}/").content.decode()
    section = " ".join(page[page.index('id="safety_walks"') :].split())
    assert "1 trygghetsvandring genomfördes: Trygghetsvandring i centrum" in section
    assert '<th scope="row">Belysning</th><td>2</td>' in section
    assert "1 åtgärd blev klar under perioden. Byt lamporna." in section
    assert "Belys tunneln" in section
    assert "Byt lamporna" in pdf_text(analysis_pdf_bytes(analysis))

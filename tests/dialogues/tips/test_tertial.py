"""The residents' tips in the tertial analysis: how many came in, of which kinds and what was
decided on them, through the report sections' registry; counts only, never a tip's text."""

import pytest

from dialogues.tips.models import Tip
from dialogues.tips.services import tip_close
from est.periods import Tertial
from reports.tertial.compile import tertial_analysis_compile, tertial_analysis_ensure
from reports.tertial.rendering import analysis_pdf_bytes
from tests.dialogues.tips.helpers import tip_in
from tests.pdf_text import pdf_text
from tests.reports.helpers import local

pytestmark = pytest.mark.django_db


def test_the_analysis_counts_the_tips_of_its_tertial(
    client_for, council_member, arboga, kungsor, coordinator
):
    dark = [tip_in(arboga, east=east) for east in (0, 40, 80)]
    bushes = tip_in(arboga, category="bushes", description="Buskage vid lekplatsen")
    tip_close(tip=dark[0], by=coordinator, reason="Lampan är redan lagad.")
    earlier = tip_in(arboga, category="traffic")
    elsewhere = tip_in(kungsor)
    in_june = local(2026, 6, 10, 18)
    Tip.objects.filter(pk__in=[*(tip.pk for tip in dark), bushes.pk, elsewhere.pk]).update(
        created_at=in_june
    )
    Tip.objects.filter(pk=earlier.pk).update(created_at=local(2026, 3, 1, 12))

    analysis, _created = tertial_analysis_ensure(municipality=arboga, tertial=Tertial(2026, 2))
    tertial_analysis_compile(analysis_id=analysis.pk, force=True)
    analysis.refresh_from_db()
    page = client_for(council_member).get(f"/tertial/{analysis.pk}/").content.decode()

    section = " ".join(page[page.index('id="residents_tips"') :].split())
    assert "De boende skickade 4 tips om otrygga platser." in section
    assert '<th scope="row">Mörk gångväg</th><td>3</td>' in section
    assert '<th scope="row">Igenväxta buskar</th><td>1</td>' in section
    assert '<th scope="row">Avslutad</th><td>1</td>' in section
    assert "Buskage vid lekplatsen" not in page
    assert "Invånarnas tips" in pdf_text(analysis_pdf_bytes(analysis))

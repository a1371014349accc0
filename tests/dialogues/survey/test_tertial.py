"""The safety survey in the tertial analysis: each wave that closed in the tertial, its shares
for everyone with their intervals and the change from the wave before, through the report
sections' registry; under the minimum of responses, nothing but that it was too few."""

import datetime

import pytest

from est.periods import Tertial
from reports.tertial.compile import tertial_analysis_compile, tertial_analysis_ensure
from reports.tertial.rendering import analysis_pdf_bytes
from tests.dialogues.survey.helpers import open_wave, responses_add
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db

SAFE, UNSAFE = {"unsafe_evening": ["very_safe"]}, {"unsafe_evening": ["very_unsafe"]}


def _analysis_page(client, arboga):
    analysis, _created = tertial_analysis_ensure(municipality=arboga, tertial=Tertial(2026, 2))
    tertial_analysis_compile(analysis_id=analysis.pk, force=True)
    analysis.refresh_from_db()
    page = client.get(f"/tertial/{analysis.pk}/").content.decode()
    return analysis, " ".join(page[page.index('id="safety_survey"') :].split())


def test_a_wave_that_closed_in_the_tertial_is_reported_against_the_one_before(
    client_for, council_member, arboga
):
    before = open_wave(
        arboga,
        title="Trygghetsundersökning 2025",
        opens_on=datetime.date(2025, 5, 1),
        closes_on=datetime.date(2025, 5, 31),
    )
    responses_add(before, 20, SAFE)
    responses_add(before, 20, UNSAFE)
    wave = open_wave(
        arboga,
        title="Trygghetsundersökning 2026",
        opens_on=datetime.date(2026, 5, 1),
        closes_on=datetime.date(2026, 5, 31),
    )
    responses_add(wave, 30, SAFE)
    responses_add(wave, 10, UNSAFE)

    analysis, section = _analysis_page(client_for(council_member), arboga)

    assert "<h3>Trygghetsundersökning 2026</h3>" in section
    assert "40 invånare svarade" in section
    assert "Trygghetsundersökning 2025" in section
    assert '<th scope="row">Mycket trygg</th> <td>75 %' in section
    assert "+25" in section
    assert "Trygghetsundersökning 2026" in pdf_text(analysis_pdf_bytes(analysis))


def test_a_wave_with_too_few_answers_shows_no_share(client_for, council_member, arboga):
    wave = open_wave(
        arboga, opens_on=datetime.date(2026, 5, 1), closes_on=datetime.date(2026, 5, 31)
    )
    responses_add(wave, 9, SAFE)

    _analysis, section = _analysis_page(client_for(council_member), arboga)

    assert "Färre än 10 invånare svarade" in section
    assert "Mycket trygg" not in section

"""Nothing resting on fewer than SURVEY_MIN_RESPONSES responses is shown, in any output: the
public and staff pages, the density map, CSV, Excel, PDF and the API."""

import csv
import io
import json
import re

import pytest
from django.contrib.gis.geos import Point
from openpyxl import load_workbook

from tests.dialogues.survey.helpers import open_wave, responses_add
from tests.factories import AreaFactory
from tests.pdf_text import pdf_text

HIDDEN = "Färre än 10 svar"


@pytest.fixture
def wave(arboga):
    """Nine responses from Norr, all very unsafe and avoiding one corner; thirty from people
    who did not say where they live, ten of them avoiding another corner."""
    wave = open_wave(arboga)
    norr = AreaFactory(municipality=arboga, name="Norr")
    west, south = arboga.boundary.extent[:2]
    responses_add(
        wave,
        9,
        {"unsafe_evening": ["very_unsafe"]},
        area=norr,
        place=Point(west + 100, south + 100, srid=3006),
    )
    responses_add(
        wave,
        10,
        {"unsafe_evening": ["very_safe"]},
        place=Point(west + 5100, south + 5100, srid=3006),
    )
    responses_add(wave, 20, {"unsafe_evening": ["fairly_safe"]})
    return wave


def _counts_shown(rows):
    """Return every respondents and count figure of the export rows (header left out)."""
    return [cell for row in rows[1:] for cell in row[4:6] if cell not in ("", None)]


def _assert_no_small_count(figures):
    assert figures, "the output shows no figures at all"
    assert all(int(figure) == 0 or int(figure) >= 10 for figure in figures), figures


def test_every_output_hides_what_rests_on_fewer_than_ten(client_for, api_for, coordinator, wave):
    client = client_for(coordinator)
    public = client.get(f"/trygghetsundersokning/1984/{wave.pk}/resultat/").content.decode()
    staff = client.get(f"/survey/{wave.pk}/").content.decode()
    for page in (public, staff):
        norr = re.search(r"<th scope=\"row\">Norr</th>\s*<td[^>]*>([^<]*)</td>", page)
        assert norr.group(1) == HIDDEN
        assert "Färre än 10 gav det här svaret" in page  # the nine "very unsafe" of everyone
        # The density map: the corner ten avoided, not the one nine avoided.
        cells = json.loads(re.search(r'id="avoided-cells"[^>]*>(.*?)</script>', page).group(1))
        assert [cell["properties"]["responses"] for cell in cells["features"]] == [10]

    rows = list(
        csv.reader(io.StringIO(client.get(f"/survey/{wave.pk}/results.csv").content.decode()))
    )
    assert [row[-1] for row in rows if row[2] == "Norr"][:1] == ["dold: färre än 10 svar"]
    _assert_no_small_count(_counts_shown(rows))

    workbook = load_workbook(io.BytesIO(client.get(f"/survey/{wave.pk}/results.xlsx").content))
    _assert_no_small_count(_counts_shown(list(workbook.active.iter_rows(values_only=True))))

    text = pdf_text(client.get(f"/survey/{wave.pk}/results.pdf").content)
    assert f"Norr {HIDDEN}" in text
    assert "39 svar." in text
    assert not re.search(r"(?<![0-9])9 svar", text)

    results = api_for(coordinator).get(f"/api/v1/survey-waves/{wave.pk}/results/").json()
    figures = [results["respondents"]]
    for question in results["questions"]:
        for group in question["groups"]:
            if group["label"] == "Norr":
                assert group["respondents"] is None
                assert group["shares"] is None
            figures.append(group["respondents"])
            figures += [share["count"] for share in group["shares"] or []]
    _assert_no_small_count([figure for figure in figures if figure is not None])


def test_the_minimum_is_a_setting(client, wave, settings):
    settings.SURVEY_MIN_RESPONSES = 5
    page = client.get(f"/trygghetsundersokning/1984/{wave.pk}/resultat/").content.decode()
    norr = re.search(r"<th scope=\"row\">Norr</th>\s*<td[^>]*>([^<]*)</td>", page)
    assert norr.group(1) == "9"


def test_an_answer_counts_at_once_although_the_counts_are_kept(client, wave):
    """The counts are kept in the cache between pages; the tenth resident of Norr makes Norr
    shown on the next page, not an hour later."""
    url = f"/trygghetsundersokning/1984/{wave.pk}/resultat/"
    before = client.get(url).content.decode()
    assert not re.search(r"<th scope=\"row\">Norr</th>\s*<td[^>]*>10</td>", before)

    responses_add(
        wave, 1, {"unsafe_evening": ["very_unsafe"]}, area=wave.municipality.areas.get(name="Norr")
    )

    after = client.get(url).content.decode()
    assert re.search(r"<th scope=\"row\">Norr</th>\s*<td[^>]*>10</td>", after)

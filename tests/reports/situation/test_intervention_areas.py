"""Where an intervention acts, drawn on the map or picked, and what its effect is compared with."""

import pytest

from est.models import Area
from est.periods import Tertial
from reports.analysis.effect import Verdict
from reports.situation.compile import situation_picture_compile, situation_picture_ensure
from reports.situation.models import Intervention
from reports.tertial.compile import tertial_analysis_compile, tertial_analysis_ensure
from tests.factories import AreaFactory, OrganisationFactory, drawn, drawn_outline, square
from tests.reports.helpers import PERIOD_START, incident, local


@pytest.fixture
def picture(arboga):
    picture, _ = situation_picture_ensure(municipality=arboga, period_start=PERIOD_START)
    situation_picture_compile(picture_id=picture.pk)
    return picture


@pytest.fixture
def guards(arboga):
    organisation = OrganisationFactory(name="Vakt AB")
    organisation.municipalities.add(arboga)
    return organisation


@pytest.fixture
def centre(arboga):
    return arboga.boundary.centroid


def decide(client, picture, guards, **places):
    """Post the intervention form with ``places`` (area, drawn_area, comparison_area…)."""
    return client.post(
        f"/situation/{picture.pk}/interventions/new/",
        {
            "what": "Väktarrond vid stationen",
            "starts_on": "2025-04-01",
            "ends_on": "2025-04-30",
            "organisation": guards.pk,
            "status": Intervention.Status.PLANNED,
            **places,
        },
    )


def test_a_drawn_area_becomes_an_intervention_area_on_the_picture_map(
    client_for, coordinator, picture, guards, centre
):
    client = client_for(coordinator)
    x, y = centre.x, centre.y
    response = decide(client, picture, guards, drawn_area=drawn(x, y, x + 400, y + 300))
    assert response.status_code == 302, response.context["form"].errors
    intervention = Intervention.objects.get()
    assert intervention.area.kind == Area.Kind.INTERVENTION
    assert intervention.area.name == "Väktarrond vid stationen (insats)"
    assert round(intervention.area.size_km2, 2) == 0.12
    assert intervention.comparison_area is None
    # A second one with the same name gets its own area, not a clash.
    decide(client, picture, guards, drawn_area=drawn(x, y, x + 100, y + 100))
    assert Area.objects.filter(name="Väktarrond vid stationen (insats) (2)").exists()
    client.post(f"/situation/{picture.pk}/recompile/")
    picture.refresh_from_db()
    assert "Väktarrond vid stationen (insats)" in [
        a["name"] for a in picture.content["where"]["areas"]
    ]


def test_a_drawing_outside_the_municipality_is_refused_and_nothing_is_lost(
    client_for, coordinator, picture, guards, kungsor
):
    x, y = kungsor.boundary.point_on_surface.coords
    response = decide(
        client_for(coordinator), picture, guards, drawn_area=drawn(x, y, x + 300, y + 300)
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "100 % av området ligger utanför Arboga" in page
    assert 'value="Väktarrond vid stationen"' in page
    assert not Intervention.objects.exists()
    assert not Area.objects.exists()


def test_a_crossed_outline_or_two_places_at_once_are_messages(
    client_for, coordinator, picture, guards, arboga, centre
):
    client = client_for(coordinator)
    x, y = centre.x, centre.y
    bow_tie = drawn_outline((x, y), (x + 300, y + 300), (x + 300, y), (x, y + 300))
    page = decide(client, picture, guards, drawn_area=bow_tie).content.decode()
    assert "Konturen korsar sig själv." in page
    park = AreaFactory(municipality=arboga, name="Parken")
    both = {"area": park.pk, "drawn_area": drawn(x, y, x + 300, y + 300)}
    assert (
        "Välj ett område eller rita ett, inte båda."
        in decide(client, picture, guards, **both).content.decode()
    )
    assert (
        "Välj ett område eller rita det på kartan."
        in decide(client, picture, guards).content.decode()
    )
    same = {"area": park.pk, "comparison_area": park.pk}
    assert (
        "Jämför med ett annat område än insatsens eget."
        in decide(client, picture, guards, **same).content.decode()
    )
    assert not Intervention.objects.exists()
    assert list(Area.objects.all()) == [park]


def test_another_municipalitys_picture_and_areas_stay_out_of_reach(
    client_for, coordinator, outsider, picture, guards, kungsor, centre
):
    x, y = centre.x, centre.y
    response = decide(client_for(outsider), picture, guards, drawn_area=drawn(x, y, x + 99, y + 99))
    assert response.status_code == 404
    theirs = AreaFactory(municipality=kungsor, name="Kungsörs torg")
    page = decide(
        client_for(coordinator), picture, guards, area=theirs.pk, comparison_area=theirs.pk
    ).content.decode()
    assert "Välj ett giltigt alternativ." in page
    assert not Intervention.objects.exists()


def test_the_tertial_analysis_compares_with_the_chosen_comparison_area(
    client_for, coordinator, council_member, picture, guards, arboga, centre
):
    target = AreaFactory(
        municipality=arboga,
        name="Stationen",
        boundary=square(centre.x - 3000, centre.y - 3000, 1000),
    )
    school = AreaFactory(
        municipality=arboga, name="Skolan", boundary=square(centre.x + 2000, centre.y + 2000, 1000)
    )
    response = decide(
        client_for(coordinator), picture, guards, area=target.pk, comparison_area=school.pk
    )
    assert response.status_code == 302, response.context["form"].errors
    # Before (2–31 March) and during (1–30 April): the target drops, the school stays level,
    # and the rest of the municipality rises steeply, which would hide the effect.
    for n in range(30):
        incident(arboga, "vandalism", local(2025, 3, 2 + n % 28, 22), dx=-2500, dy=-2500)
        incident(arboga, "vandalism", local(2025, 3, 2 + n % 28, 22), dx=2500, dy=2500)
        incident(arboga, "vandalism", local(2025, 4, 2 + n % 28, 22), dx=2500, dy=2500)
    for n in range(5):
        incident(arboga, "vandalism", local(2025, 4, 2 + n, 22), dx=-2500, dy=-2500)
    for n in range(200):
        incident(arboga, "vandalism", local(2025, 4, 2 + n % 28, 22), dx=-6000, dy=6000)
    analysis, _ = tertial_analysis_ensure(municipality=arboga, tertial=Tertial(2025, 1))
    tertial_analysis_compile(analysis_id=analysis.pk)
    analysis.refresh_from_db()
    [judged] = analysis.content["interventions"]
    assert judged["comparison_area"] == "Skolan"
    assert judged["counts"]["comparison"] == {"before": 30, "after": 30}
    assert judged["verdict"] == Verdict.EFFECT
    page = client_for(council_member).get(f"/tertial/{analysis.pk}/").content.decode()
    assert "Jämfört med jämförelseområdet Skolan" in page


def test_without_a_comparison_area_the_analysis_says_the_rest_of_the_municipality(
    client_for, coordinator, council_member, picture, guards, arboga
):
    target = AreaFactory(municipality=arboga, name="Stationen")
    decide(client_for(coordinator), picture, guards, area=target.pk)
    analysis, _ = tertial_analysis_ensure(municipality=arboga, tertial=Tertial(2025, 1))
    tertial_analysis_compile(analysis_id=analysis.pk)
    page = client_for(council_member).get(f"/tertial/{analysis.pk}/").content.decode()
    assert "inget jämförelseområde valdes" in page

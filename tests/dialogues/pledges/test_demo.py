from django.core.management import call_command

from dialogues.pledges.indicators import focus_area_indicator
from dialogues.pledges.models import Comment, FocusArea, Pledge
from est.demo import ARBOGA
from est.models import User
from reports.tertial.models import TertialAnalysis


def test_seed_demo_gives_two_years_of_pledges_and_is_safe_to_rerun(db, client):
    call_command("seed_demo")
    call_command("seed_demo")
    assert Pledge.objects.count() == 4
    statuses = dict(Pledge.objects.values_list("year", "status").distinct())
    assert statuses == {2025: "followed_up", 2026: "published"}
    assert Comment.objects.approved().count() == 2
    kungsor = client.get("/medborgarloften/1960/").content.decode()
    assert "Trygghet i centrum" in kungsor
    assert "Trafik i Valskog" in kungsor
    arboga_2025 = client.get("/medborgarloften/1984/2025/").content.decode()
    assert "Uppföljning av 2025" in arboga_2025
    assert "Grannsamverkan" in arboga_2025


def test_every_demo_focus_area_with_a_chart_counts_real_incidents(db):
    """A focus area linked to categories its incidents use shows a chart that is not all zeros;
    one about something reporters do not file (fraud by telephone) shows none."""
    call_command("seed_demo")
    for focus_area in FocusArea.objects.filter(pledge__year=2026):
        indicator = focus_area_indicator(focus_area)
        if focus_area.title == "Bedrägeribrott mot äldre":
            assert indicator is None
        else:
            assert sum(count for _tertial, count in indicator.counts) > 0, focus_area.title


def test_the_demo_tertial_analysis_shows_the_pledges_status(db, client_for):
    call_command("seed_demo")
    council_member = User.objects.get(username="politiker")
    analysis = TertialAnalysis.objects.get(municipality__code=ARBOGA)
    page = client_for(council_member).get(f"/tertial/{analysis.pk}/").content.decode()
    section = page[page.index('id="pledges"') : page.index('id="direction"')]
    assert "Medborgarlöften 2026, version 1" in section
    assert "Vandring i Ekbacken, 14 iakttagelser." in section

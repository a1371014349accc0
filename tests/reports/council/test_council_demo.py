"""seed_demo's steering in Arboga: the council with four meetings and decisions in every
status, the priorities of the last adopted tertial, the police's observation on the draft, and
this year's action plan adopted with next year's in draft."""

from django.core.management import call_command
from django.utils import timezone

from est.models import Municipality
from reports.council.demo import council_seed
from reports.council.meetings import CouncilDecision, CouncilMeeting
from reports.council.models import Priority
from reports.council.plan_models import YearPlan
from reports.situation.models import Observation


def test_seed_demo_seeds_arbogas_council_priorities_and_observations(db):
    call_command("seed_demo")
    counts = (
        CouncilMeeting.objects.count(),
        CouncilDecision.objects.count(),
        Priority.objects.count(),
        Observation.objects.count(),
    )
    assert counts[0] == 4
    assert set(CouncilDecision.objects.values_list("status", flat=True)) == set(
        CouncilDecision.Status
    )
    assert counts[2] == 3
    assert Priority.objects.first().analysis.status == "adopted"
    assert Observation.objects.filter(organisation__kind="police").exists()
    year = timezone.localdate().year
    year_plans = YearPlan.objects.filter(plan__municipality__code="1984")
    assert year_plans.get(year=year).status == "adopted"
    assert year_plans.get(year=year + 1).status == "draft"
    assert (
        year_plans.get(year=year + 1).activities.count()
        == year_plans.get(year=year).activities.count()
    )
    council_seed(list(Municipality.objects.filter(code__in=["1984", "1960"])))
    assert (
        CouncilMeeting.objects.count(),
        CouncilDecision.objects.count(),
        Priority.objects.count(),
        Observation.objects.count(),
    ) == counts

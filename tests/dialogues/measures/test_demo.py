from django.core.management import call_command

from dialogues.measures.models import Measure
from est.models import User


def test_seed_demo_makes_measures_in_every_status_that_the_demo_owner_sees(db, client):
    call_command("seed_demo")
    call_command("seed_demo")
    assert set(Measure.objects.values_list("status", flat=True)) == set(Measure.Status.values)
    assert Measure.objects.overdue(Measure.objects.first().created_at.date()).exists()
    owner = User.objects.get(username="gatuchef")
    assert owner.check_password("gatuchef-demo-2026")
    client.force_login(owner)
    page = client.get("/measures/").content.decode()
    assert "Klipp ner buskaget vid busshållplatsen" in page
    assert "Sanera klottret på miljöhuset" not in page  # the housing company's
    assert Measure.objects.for_user(owner).count() == 4

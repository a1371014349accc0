from django.core.management import call_command

from dialogues.tips.models import Tip


def test_seed_demo_makes_tips_in_every_status_in_arboga_and_kungsor(db, client):
    call_command("seed_demo")
    call_command("seed_demo")
    assert set(Tip.objects.values_list("status", flat=True)) == set(Tip.Status.values)
    assert set(Tip.objects.values_list("municipality__code", flat=True)) == {"1984", "1960"}
    assert Tip.objects.count() == 7
    recorded = Tip.objects.filter(status="recorded")
    assert all(tip.incident.source == "tip" for tip in recorded)
    page = client.get("/otrygga-platser/1984/").content.decode()
    assert "Busskuren vid Nygatan" in page
    assert "Nyby, cykelvägen mot centrum" not in page  # not approved for the public map

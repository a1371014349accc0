from django.core.management import call_command

from dialogues.walks.models import SafetyWalk


def test_seed_demo_announces_walks_in_both_municipalities_and_is_safe_to_rerun(db, client):
    call_command("seed_demo")
    call_command("seed_demo")
    assert SafetyWalk.objects.count() == 3
    assert set(SafetyWalk.objects.values_list("status", flat=True)) == {"published"}
    arboga = client.get("/trygghetsvandringar/1984/").content.decode()
    assert "Trygghetsvandring i centrum" in arboga
    assert "Trygghetsvandring i Ekbacken" in arboga
    moved = SafetyWalk.objects.get(title="Trygghetsvandring i Ekbacken")
    assert moved.moved_from is not None
    kungsor = client.get("/trygghetsvandringar/1960/kalender.ics").content.decode()
    assert "Trygghetsvandring vid stationen" in kungsor

from django.core.management import call_command

from est.models import Area, Municipality, Organisation, User
from est.roles import Role


def test_seed_demo_twice_gives_the_same_demo(db, capsys):
    call_command("seed_demo")
    counts = (Area.objects.count(), Organisation.objects.count(), User.objects.count())
    call_command("seed_demo")
    assert (Area.objects.count(), Organisation.objects.count(), User.objects.count()) == counts
    assert Municipality.objects.count() == 290
    assert set(User.objects.values_list("role", flat=True)) == set(Role)
    samordnare = User.objects.get(username="samordnare")
    assert set(samordnare.municipalities.values_list("name", flat=True)) == {"Arboga", "Kungsör"}
    assert samordnare.check_password("samordnare-demo-2026")
    assert "samordnare-demo-2026" in capsys.readouterr().out
    # Every demo area lies inside its municipality.
    for area in Area.objects.select_related("municipality"):
        assert area.municipality.boundary.contains(area.boundary), area.name

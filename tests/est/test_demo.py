import os
import subprocess
import sys

from django.conf import settings
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


def test_seed_demo_refuses_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "seed_demo"],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "est.settings.prod",
            "SECRET_KEY": "a-production-secret-key-for-this-test-only",
            "ALLOWED_HOSTS": "est.example.se",
            # Nothing to seed into: the refusal comes before the database is asked.
            "DATABASE_URL": "postgis://est:est@127.0.0.1:1/est",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "CommandError: seed_demo körs inte med produktionsinställningar: "
        "dess användare har lösenord som alla kan läsa."
    )

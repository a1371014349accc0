import datetime

from django.core.management import call_command
from django.utils import timezone

from dialogues.walks.demo import done_demo_walk
from dialogues.walks.models import Finding, FindingPhoto, SafetyWalk


def test_seed_demo_announces_walks_in_both_municipalities_and_is_safe_to_rerun(db, client):
    call_command("seed_demo")
    call_command("seed_demo")
    assert SafetyWalk.objects.count() == 3
    assert set(SafetyWalk.objects.values_list("status", flat=True)) == {"published"}
    arboga = client.get("/trygghetsvandringar/1984/").content.decode()
    assert "Trygghetsvandring i Ekbacken" in arboga
    moved = SafetyWalk.objects.get(title="Trygghetsvandring i Ekbacken")
    assert moved.moved_from is not None
    kungsor = client.get("/trygghetsvandringar/1960/kalender.ics").content.decode()
    assert "Trygghetsvandring vid stationen" in kungsor


def test_the_demo_walk_that_took_place_has_findings_photos_audits_and_participants(db):
    call_command("seed_demo")
    call_command("seed_demo")
    done = done_demo_walk()
    assert done.ends_at < timezone.now()
    assert done.municipality.code == "1984"
    assert Finding.objects.filter(walk=done).count() == 12
    assert Finding.objects.filter(walk=done).values("category").distinct().count() == 10
    assert FindingPhoto.objects.filter(finding__walk=done).count() == 6
    assert done.audits.values("stretch").distinct().count() == 4
    assert sum(done.participants.values_list("count", flat=True)) == 22


def test_seed_demo_runs_over_an_earlier_demo_whose_walk_is_still_ahead(db):
    """`make run` seeds again on every start: a demo made by an earlier version, where the
    walk in the centre was still to come, gets no findings on it rather than an error."""
    call_command("seed_demo")
    done = done_demo_walk()
    Finding.objects.filter(walk=done).delete()
    later = timezone.now() + datetime.timedelta(days=12)
    SafetyWalk.objects.filter(pk=done.pk).update(
        starts_at=later, ends_at=later + datetime.timedelta(hours=2)
    )
    call_command("seed_demo")
    assert not Finding.objects.filter(walk=done).exists()

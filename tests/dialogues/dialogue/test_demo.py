from django.core.management import call_command

from dialogues.dialogue.models import DialogueOccasion, DialogueView, ThemeResponse


def test_seed_demo_holds_two_dialogues_in_arboga_with_answered_themes(db, client):
    call_command("seed_demo")
    call_command("seed_demo")  # safe to run again
    held = DialogueOccasion.objects.filter(municipality__code="1984", views__isnull=False)
    assert held.distinct().count() == 2
    assert DialogueView.objects.count() == 7
    kinds = dict(ThemeResponse.objects.values_list("theme__code", "kind"))
    assert kinds == {"drugs": "focus_area", "lighting": "measure", "youth": "addressed"}
    drugs = ThemeResponse.objects.get(theme__code="drugs")
    assert drugs.focus_area.title == "Narkotika i centrummiljön"
    lighting = ThemeResponse.objects.get(theme__code="lighting")
    assert lighting.measure.responsible.name == "Arboga Bostäder AB"

    events = client.get("/evenemang/1984/kalender.ics").content.decode()
    assert "Digital medborgardialog" in events
    assert "Trygghetsvandring i Ekbacken" in events
    year = drugs.year
    page = client.get(f"/medborgardialoger/1984/{year}/").content.decode()
    assert "Narkotika i centrummiljön" in page

"""The themes of a year and their responses: the coordinator answers each, residents read
"What you told us and what we did" with counts (small ones as "fewer than"), never a view's
text or the notes, and a focus area of the pledges shows the themes that led to it."""

from django.urls import reverse
from django.utils import timezone

from dialogues.dialogue.models import DialogueView, ThemeResponse
from dialogues.dialogue.services import dialogue_view_record
from dialogues.dialogue.themes import dialogue_themes
from dialogues.measures.models import Measure
from dialogues.pledges.services import pledge_publish
from tests.dialogues.dialogue.helpers import held_occasion
from tests.dialogues.pledges.conftest import pledge_draft
from tests.factories import OrganisationFactory


def views_heard(occasion, by, *raised):
    """Record views at ``occasion``: ``raised`` holds (theme code, text, how many)."""
    themes = {theme.code: theme for theme in dialogue_themes(occasion.municipality)}
    for code, text, count in raised:
        dialogue_view_record(
            occasion=occasion, by=by, theme=themes[code], text=text, raised_by=count
        )
    return themes


def answer(client, municipality, year, theme, **data):
    """Post the response form of ``theme`` and return the response."""
    prefix = f"theme-{theme.pk}"
    return client.post(
        reverse("theme_responses", args=[municipality.code, year]),
        {"theme": theme.pk, **{f"{prefix}-{name}": value for name, value in data.items()}},
    )


def test_residents_read_what_was_said_and_done(client_for, client, coordinator, arboga):
    occasion = held_occasion(arboga, coordinator)
    second = held_occasion(arboga, coordinator, title="Möte i Ekbacken")
    themes = views_heard(occasion, coordinator, ("lighting", "Mörkt vid gångtunneln", 9))
    views_heard(second, coordinator, ("lighting", "Trasig lampa", 4), ("traffic", "Fortkörning", 2))
    year = timezone.localtime(occasion.starts_at).year
    partner = OrganisationFactory(name="Tekniska förvaltningen")
    partner.municipalities.add(arboga)
    staff = client_for(coordinator)
    answer(
        staff,
        arboga,
        year,
        themes["lighting"],
        kind="measure",
        reason="Belysningen ses över.",
        measure_title="Byt lamporna i gångtunneln",
        measure_responsible=partner.pk,
    )
    measure = Measure.objects.get()
    assert (measure.title, measure.responsible, measure.municipality) == (
        "Byt lamporna i gångtunneln",
        partner,
        arboga,
    )
    answer(staff, arboga, year, themes["traffic"], kind="not_taken_up", reason="Redan kontroller.")

    page = client.get(reverse("public_dialogue_year", args=[arboga.code, year]))
    content = page.content.decode()
    # Lighting: 9 + 4 across the two occasions; traffic: 2, under the minimum of 5.
    assert [row.theme.code for row in page.context["themes"]] == ["lighting", "traffic"]
    assert "13" in content
    assert "Belysningen ses över." in content
    assert "Byt lamporna i gångtunneln" in content
    assert "färre än 5" in content
    for private in ("Mörkt vid gångtunneln", "Trasig lampa", "Fortkörning"):
        assert private not in content


def test_a_theme_taken_up_shows_on_the_focus_area_of_the_pledge(
    client_for, client, coordinator, arboga
):
    pledge = pledge_publish(pledge=pledge_draft(arboga, coordinator), by=coordinator)
    focus_area = pledge.focus_areas.get()
    occasion = held_occasion(arboga, coordinator)
    themes = views_heard(occasion, coordinator, ("drugs", "Langning vid busstationen", 7))
    year = timezone.localtime(occasion.starts_at).year
    answer(
        client_for(coordinator),
        arboga,
        year,
        themes["drugs"],
        kind="focus_area",
        reason="Nu ett fokusområde.",
        focus_area=focus_area.pk,
    )
    assert ThemeResponse.objects.get().focus_area == focus_area

    page = client.get(reverse("public_pledge_year", args=[arboga.code, pledge.year])).content
    content = page.decode()
    section = content[content.index("Narkotika i centrummiljön") :]
    assert "Invånarna tog upp det i medborgardialogerna" in section
    assert "Nu ett fokusområde." in section
    assert reverse("public_dialogue_year", args=[arboga.code, year]) in content
    assert "Langning vid busstationen" not in content


def test_a_refused_response_keeps_what_was_typed(client_for, coordinator, arboga):
    occasion = held_occasion(arboga, coordinator)
    themes = views_heard(occasion, coordinator, ("youth", "Ingen fritidsgård", 3))
    year = timezone.localtime(occasion.starts_at).year
    response = answer(
        client_for(coordinator),
        arboga,
        year,
        themes["youth"],
        kind="focus_area",
        reason="Vi tar upp det.",
    )
    assert response.status_code == 400
    (form,) = [form for row, form in response.context["rows"] if row.theme == themes["youth"]]
    assert form.errors["focus_area"]
    assert form["reason"].value() == "Vi tar upp det."
    assert not ThemeResponse.objects.exists()
    assert DialogueView.objects.count() == 1

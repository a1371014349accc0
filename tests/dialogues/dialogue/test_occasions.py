"""Dialogue occasions on the coordinator's pages: planned, announced, and afterwards the
attendance, notes and views; a refused form keeps what was typed; another municipality's
coordinator finds none of it (404 everywhere)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from dialogues.dialogue.models import Attendance, DialogueOccasion, DialogueView
from dialogues.dialogue.themes import dialogue_themes
from tests.dialogues.dialogue.helpers import held_occasion
from tests.dialogues.walks.helpers import inside
from tests.factories import OrganisationFactory

LOCAL = "%Y-%m-%dT%H:%M"


def geojson(point) -> str:
    """Return ``point`` as the map widget posts it: GeoJSON in WGS 84."""
    return point.transform(4326, clone=True).geojson


def plan(client, municipality, **changes):
    """Post the planning form for ``municipality`` and return the response."""
    starts = timezone.localtime() + datetime.timedelta(days=10)
    data = {
        "title": "Dialog på torget",
        "format": "stand",
        "starts_at": starts.strftime(LOCAL),
        "ends_at": (starts + datetime.timedelta(hours=2)).strftime(LOCAL),
        "place": "Stora torget",
        "point": geojson(inside(municipality)),
        "announcement": "Kom och prata trygghet med kommunen och polisen.",
        **changes,
    }
    return client.post(reverse("occasion_create", args=[municipality.code]), data)


def test_the_coordinator_plans_and_announces_an_occasion(client_for, coordinator, arboga, client):
    partner = OrganisationFactory(name="Arboga Bostäder AB")
    partner.municipalities.add(arboga)
    staff = client_for(coordinator)
    response = plan(staff, arboga, partners=[partner.pk])
    occasion = DialogueOccasion.objects.get()
    assert response["Location"] == reverse("occasion_detail", args=[occasion.pk])
    assert list(occasion.partners.all()) == [partner]
    public = reverse("public_occasion", args=[arboga.code, occasion.pk])
    assert client.get(public).status_code == 404  # a draft is not public

    staff.post(reverse("occasion_publish", args=[occasion.pk]))
    page = staff.get(public)
    assert page.status_code == 200
    assert "Arboga Bostäder AB" in page.content.decode()


def test_an_online_occasion_needs_no_place_on_the_map(client_for, coordinator, arboga):
    plan(client_for(coordinator), arboga, format="online", point="", place="Teams")
    assert DialogueOccasion.objects.get().point is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"point": ""}, "point"), ({"format": "meeting", "point": "outside"}, "point")],
)
def test_a_refused_plan_keeps_what_was_typed(
    client_for, coordinator, arboga, kungsor, changes, field
):
    if changes["point"] == "outside":
        changes = {**changes, "point": geojson(inside(kungsor))}
    response = plan(client_for(coordinator), arboga, title="Mitt möte", **changes)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors[field]
    assert form["title"].value() == "Mitt möte"
    assert form["announcement"].value() == "Kom och prata trygghet med kommunen och polisen."
    assert not DialogueOccasion.objects.exists()


def test_afterwards_the_coordinator_records_attendance_notes_and_views(
    client_for, coordinator, arboga, client
):
    occasion = held_occasion(arboga, coordinator)
    staff = client_for(coordinator)
    detail = reverse("occasion_detail", args=[occasion.pk])
    staff.post(
        detail,
        {"attendance": "1", "group_adults": "30", "group_older": "12", "notes": "Stina tackade."},
    )
    assert dict(Attendance.objects.values_list("group", "count")) == {"adults": 30, "older": 12}
    lighting = dialogue_themes(arboga).get(code="lighting")
    staff.post(
        detail,
        {"text": "Mörkt vid gångtunneln.", "theme": lighting.pk, "raised_by": "6", "point": ""},
    )
    view = DialogueView.objects.get()
    assert (view.theme, view.raised_by, view.point) == (lighting, 6, None)

    public = client.get(reverse("public_occasion", args=[arboga.code, occasion.pk]))
    assert "Stina" not in public.content.decode()  # residents never see the notes


def test_a_refused_view_keeps_what_was_typed(client_for, coordinator, arboga, kungsor):
    occasion = held_occasion(arboga, coordinator)
    lighting = dialogue_themes(arboga).get(code="lighting")
    response = client_for(coordinator).post(
        reverse("occasion_detail", args=[occasion.pk]),
        {
            "text": "Mörkt vid stationen.",
            "theme": lighting.pk,
            "raised_by": "2",
            "point": geojson(inside(kungsor)),
        },
    )
    assert response.status_code == 400
    form = response.context["view_form"]
    assert kungsor.name in form.errors["point"][0]
    assert form["text"].value() == "Mörkt vid stationen."
    assert not DialogueView.objects.exists()


def test_malformed_input_is_refused_without_an_error_page(client_for, coordinator, arboga):
    occasion = held_occasion(arboga, coordinator)
    staff = client_for(coordinator)
    detail = reverse("occasion_detail", args=[occasion.pk])
    for data in (
        {"text": "x", "theme": "not a number", "raised_by": "-3", "point": "{nonsense"},
        {"attendance": "1", "group_adults": "many"},
    ):
        assert staff.post(detail, data).status_code == 400
    assert plan(staff, arboga, starts_at="yesterday", point='{"type": "Nope"}').status_code == 200
    responses = reverse("theme_responses", args=[arboga.code, 2026])
    assert staff.post(responses, {"theme": "x"}).status_code == 302


def test_another_municipalitys_coordinator_finds_nothing(client_for, coordinator, outsider, arboga):
    occasion = held_occasion(arboga, coordinator)
    view = DialogueView.objects.create(
        occasion=occasion, theme=dialogue_themes(arboga).first(), text="Mörkt", raised_by=1
    )
    client = client_for(outsider)
    for name in ("occasion_detail", "occasion_update", "occasion_cancel"):
        assert client.get(reverse(name, args=[occasion.pk])).status_code == 404
    assert client.post(reverse("occasion_publish", args=[occasion.pk])).status_code == 404
    delete = reverse("dialogue_view_delete", args=[occasion.pk, view.pk])
    assert client.post(delete).status_code == 404
    assert client.get(reverse("theme_responses", args=[arboga.code, 2026])).status_code == 404
    assert client.get(reverse("dialogue_themes", args=[arboga.code])).status_code == 404
    assert plan(client, arboga).status_code == 404
    assert "Dialog på torget" not in client.get(reverse("occasion_list")).content.decode()
    assert DialogueView.objects.exists()


def test_residents_and_reporters_do_not_reach_the_staff_pages(client_for, reporter, arboga):
    assert client_for(reporter).get(reverse("occasion_list")).status_code == 403

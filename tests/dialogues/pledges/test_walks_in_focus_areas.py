"""A focus area links to safety walks (chosen in its form); the pledge's public page shows what
they found and how far the measures have come."""

import pytest
from django.urls import reverse

from dialogues.measures.services import measure_create, measure_status_set
from dialogues.pledges.models import FocusArea
from dialogues.pledges.services import pledge_publish
from tests.dialogues.findings import finding_on, held_walk, street_department
from tests.dialogues.pledges.conftest import pledge_draft

pytestmark = pytest.mark.django_db


def test_the_public_pledge_shows_its_walks_progress(client_for, client, arboga, coordinator):
    walk = held_walk(arboga, coordinator)
    lamp, bush = finding_on(walk), finding_on(walk, category="Vegetation")
    streets = street_department(arboga)
    done = measure_create(
        municipality=arboga, by=coordinator, findings=[lamp], title="Byt", responsible=streets
    )
    measure_status_set(measure=done, by=coordinator, status="done", done_note="Bytt.")
    measure_create(
        municipality=arboga, by=coordinator, findings=[bush], title="Klipp", responsible=streets
    )
    pledge = pledge_draft(arboga, coordinator)
    focus_area = FocusArea.objects.get(pledge=pledge)
    response = client_for(coordinator).post(
        reverse("focus_area_update", args=[focus_area.pk]),
        {"title": focus_area.title, "reason": focus_area.reason, "walks": [walk.pk]},
    )
    assert response.status_code == 302
    pledge_publish(pledge=pledge, by=coordinator)
    client.logout()
    page = " ".join(
        client.get(reverse("public_pledge_year", args=[arboga.code, pledge.year]))
        .content.decode()
        .split()
    )
    assert "2 iakttagelser, åtgärder klara: 1, återstår: 1" in page
    assert reverse("public_walk_follow_up", args=[arboga.code, walk.pk]) in page

"""Coordinators keep each municipality's list of categories: add, retire, restore."""

import pytest
from django.urls import reverse

from reports.incidents.models import Category
from tests.reports.conftest import category_of


def test_a_coordinator_retires_and_restores_a_category(client_for, coordinator, arboga):
    graffiti = category_of(arboga)
    client = client_for(coordinator)

    client.post(reverse("category_retire", args=[graffiti.pk]))
    graffiti.refresh_from_db()
    assert graffiti.retired

    client.post(reverse("category_restore", args=[graffiti.pk]))
    graffiti.refresh_from_db()
    assert not graffiti.retired


def test_a_retired_category_is_not_offered_to_the_reporter(
    client_for, coordinator, reporter, arboga
):
    client_for(coordinator).post(reverse("category_retire", args=[category_of(arboga).pk]))

    form = client_for(reporter).get(reverse("incident_file")).context["form"]

    names = [name for name, _label in form.fields["category"].choices]
    assert "Klotter" not in names
    assert "Skadegörelse" in names


def test_a_coordinator_adds_a_category(client_for, coordinator, arboga):
    response = client_for(coordinator).post(
        reverse("category_create", args=["1984"]), {"1984-name": "Eldning i park"}
    )

    assert response.status_code == 302
    added = Category.objects.get(municipality=arboga, name="Eldning i park")
    assert added.order > category_of(arboga, "other").order


def test_a_duplicate_category_is_refused_next_to_the_field(client_for, coordinator, arboga):
    response = client_for(coordinator).post(
        reverse("category_create", args=["1984"]), {"1984-name": "klotter"}
    )

    assert response.status_code == 200
    assert "Arboga har redan den här kategorin." in response.content.decode()


def test_the_outsider_cannot_touch_arbogas_categories(client_for, outsider, arboga):
    graffiti = category_of(arboga)
    client = client_for(outsider)

    assert client.post(reverse("category_retire", args=[graffiti.pk])).status_code == 404
    assert (
        client.post(reverse("category_create", args=["1984"]), {"1984-name": "X"}).status_code
        == 404
    )
    graffiti.refresh_from_db()
    assert not graffiti.retired
    assert "Arboga" not in client.get(reverse("category_list")).content.decode()


@pytest.mark.parametrize("user", ["reporter", "police"])
def test_only_coordinators_manage_categories(client_for, user, request):
    assert (
        client_for(request.getfixturevalue(user)).get(reverse("category_list")).status_code == 403
    )

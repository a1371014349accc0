"""What the GIS service's tests share: incidents in Arboga and Kungsör, and a token client."""

import datetime
import random

import pytest
from django.contrib.gis.geos import Point
from rest_framework.test import APIClient

from est.api_tokens import api_token_create
from reports.incidents.models import Category, Incident
from tests.reports.helpers import local


def spread_incidents(municipality, count, *, start=None, hours=1, code="graffiti", **fields):
    """Insert ``count`` incidents over ``municipality``'s square, one every ``hours`` from
    ``start`` (1 January 2025 by default); return them in the order inserted."""
    rng = random.Random(count)  # noqa: S311 (test positions, not secrets)
    x0, y0, x1, y1 = municipality.boundary.extent
    start = start or local(2025, 1, 1)
    category = Category.objects.get(municipality=municipality, code=code)
    return Incident.objects.bulk_create(
        Incident(
            municipality=municipality,
            category=category,
            occurred_from=start + datetime.timedelta(hours=hours * n),
            occurred_to=start + datetime.timedelta(hours=hours * n),
            position=Point(rng.uniform(x0, x1), rng.uniform(y0, y1), srid=3006),
            **fields,
        )
        for n in range(count)
    )


@pytest.fixture
def token_of(db):
    """Return a function that gives ``user``'s API token key."""

    keys = {}

    def key(user) -> str:
        if user.pk not in keys:
            keys[user.pk] = api_token_create(user=user, name="QGIS")[1]
        return keys[user.pk]

    return key


@pytest.fixture
def gis(token_of):
    """Return a function that gives an API client with ``user``'s token, as QGIS sends it."""

    def client(user=None):
        api = APIClient()
        if user is not None:
            api.credentials(HTTP_AUTHORIZATION=f"Token {token_of(user)}")
        return api

    return client

"""The API is what its schema says: Schemathesis, every check, against the app in process.

The schema is the one /api/v1/schema/ serves; each operation gets a bounded, derandomized run
of generated requests, valid and invalid, sent with a coordinator's token to real PostGIS.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token

from est.wsgi import application
from tests.factories import AreaFactory

# The schema as /api/v1/schema/ serves it, generated here because collection may not touch the
# database; the requests then go to the WSGI application in process.
schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
schema.app = application


@pytest.fixture(autouse=True)
def _connection_kept_open():
    """The WSGI handler closes the database connection after each request, and with it the test's
    transaction; Django's own test client keeps it open the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def coordinator_token(coordinator, arboga, kungsor, file_incident):
    """A coordinator's token, with something to find: incidents and an area in each
    municipality."""
    for municipality in (arboga, kungsor):
        AreaFactory(municipality=municipality)
        for _ in range(2):
            file_incident(coordinator, municipality)
    return Token.objects.create(user=coordinator).key


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_as_its_schema_says(case, coordinator_token):
    case.call_and_validate(headers={"Authorization": f"Token {coordinator_token}"})

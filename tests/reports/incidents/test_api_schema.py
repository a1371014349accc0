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
from hypothesis import strategies as st
from schemathesis.config import SchemathesisConfig

from dialogues.measures.services import measure_create
from est.api_tokens import api_token_create
from est.wsgi import application
from reports.incidents.models import Category
from tests.dialogues.walks.helpers import walk_under_way
from tests.dialogues.walks.test_recording import record
from tests.factories import AreaFactory, OrganisationFactory

#: The coordinator's token key, made for each test (only its hash is stored).
TOKEN: dict[str, str] = {}

# Writes and the incident filters name categories, areas and places that must exist and be the
# caller's; no schema can say which, so a schema-valid request the data refuses is answered
# 400 with the reasons, field by field. Everywhere else 400 means the request broke the schema.
DATA_DEPENDENT = [
    "GET /api/v1/incidents/",
    "POST /api/v1/incidents/",
    "PUT /api/v1/incidents/{id}/",
    "PATCH /api/v1/incidents/{id}/",
    "POST /api/v1/incidents/{id}/photos/",
    "POST /api/v1/incidents/{id}/triage/",
    "POST /api/v1/incidents/round/",
    # Rejected needs a reason and done a note: a schema-valid status the rules refuse.
    "POST /api/v1/measures/{id}/status/",
    "GET /api/v1/walk-findings/",
    "POST /api/v1/walk-findings/",
    "POST /api/v1/walk-findings/{id}/photos/",
    "GET /api/v1/walk-audits/",
    "POST /api/v1/walk-audits/",
    "GET /api/v1/walks/",
    "GET /api/v1/finding-categories/",
]
CONFIG = SchemathesisConfig.from_dict(
    {
        "operations": [
            {
                "include-name": name,
                "checks": {
                    "positive_data_acceptance": {
                        "expected-statuses": ["2XX", 400, 401, 403, 404, 409]
                    }
                },
            }
            for name in DATA_DEPENDENT
        ]
    }
)

# The schema as /api/v1/schema/ serves it, generated here because collection may not touch the
# database; the requests then go to the WSGI application in process.
schema = schemathesis.openapi.from_dict(
    SchemaGenerator().get_schema(request=None, public=True), config=CONFIG
)
schema.app = application


# Asked for each request, not cached: every test makes its own token.
@schema.auth(refresh_interval=None)
class CoordinatorToken:
    """The coordinator's token, as Schemathesis's own auth, so that its checks know it is the
    credential (and try the API without it)."""

    def get(self, case, context):
        return TOKEN.get("key", "")

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), "Authorization": f"Token {data}"}


# The ids of the objects the test made, by the address of their collection; filled per test.
EXISTING = {}


@schema.hooks.hook("flatmap_path_parameters")
def existing_objects_too(context, parameters):
    """Now and then an object that exists instead of a generated id, so that the answers about
    existing objects (a triaged incident, a refused photo) are checked too. Only a whole number
    is replaced: anything else is a deliberately invalid id."""
    ids = EXISTING.get(context.operation.path.split("{")[0], [])
    generated = (parameters or {}).get("id")
    if not ids or type(generated) is not int:
        return st.just(parameters)
    existing = st.sampled_from(ids).map(lambda pk: {**parameters, "id": pk})
    return st.one_of(st.just(parameters), existing)


@pytest.fixture(autouse=True)
def _connection_kept_open():
    """The WSGI handler closes the database connection after each request, and with it the test's
    transaction; Django's own test client keeps it open the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _coordinator_with_data(coordinator, arboga, kungsor, file_incident):
    """A coordinator with the token, and something to find: incidents, an area and a measure
    in each municipality."""
    areas = [AreaFactory(municipality=m).pk for m in (arboga, kungsor)]
    streets = OrganisationFactory(name="Tekniska förvaltningen")
    streets.municipalities.add(arboga, kungsor)
    measures = [
        measure_create(municipality=m, by=coordinator, title="Byt lampor", responsible=streets).pk
        for m in (arboga, kungsor)
    ]
    incidents = [file_incident(coordinator, m).pk for m in (arboga, kungsor, arboga, kungsor)]
    categories = list(Category.objects.values_list("pk", flat=True)[:4])
    walks = [walk_under_way(m, coordinator) for m in (arboga, kungsor)]
    findings = [record(walk, coordinator)[0].pk for walk in walks]
    EXISTING.update(
        {
            "/api/v1/walks/": [walk.pk for walk in walks],
            "/api/v1/walk-findings/": findings,
            "/api/v1/areas/": areas,
            "/api/v1/incidents/": incidents,
            "/api/v1/incident-categories/": categories,
            "/api/v1/measures/": measures,
        }
    )
    _token, TOKEN["key"] = api_token_create(user=coordinator, name="schemathesis")
    yield
    EXISTING.clear()
    TOKEN.clear()


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_as_its_schema_says(case):
    case.call_and_validate()

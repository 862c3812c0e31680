"""schemathesis against our own live OpenAPI schema, as each role: no server error, and every response
conforms to the schema (status code, content type, body). Driven directly (operation by operation) rather
than through schemathesis' pytest plugin, so each role is one test with the database fixtures it needs."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis import checks

from complaints.services import complaint_file
from ppid import services as s

# What the issue asks: no server error, and no response that breaks the schema. (Domain rules may refuse
# schema-valid input, e.g. a ground that does not fit the request's history, so positive_data_acceptance
# is not among them.)
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
]

ROLES = ["anonymous", "citizen", "officer", "pelaksana_officer", "atasan", "auditor", "admin", "outsider"]


@pytest.fixture
def wsgi_app():
    """The real WSGI application, but, as Django's test client does, without closing the test's database
    connection at the end of each request."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield get_wsgi_application()
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def seeded(world, file_request):
    """Cases to find (ids from 1): a request refused and objected to, an open one, an anonymous complaint."""
    answered = file_request()
    s.information_request_process(request_id=answered.pk, actor=world.officer)
    s.information_request_respond(
        request_id=answered.pk,
        actor=world.officer,
        decision="rejected",
        exemption_grounds=["h"],
        consequence_test="x",
    )
    s.objection_file(requester=world.citizen, request_id=answered.pk, grounds=["a"], reason="Tidak setuju")
    file_request()
    complaint_file(
        reporter=world.citizen,
        agency=world.agency,
        title="Antre",
        description="Lama",
        category="health",
        anonymous=True,
    )
    return world


@pytest.mark.parametrize("role", ROLES)
def test_api_conforms_to_its_schema(seeded, role, wsgi_app):
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", wsgi_app)
    headers = {}
    if role != "anonymous":
        token, _created = Token.objects.get_or_create(user=getattr(seeded, role))
        headers = {"Authorization": f"Token {token.key}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 40
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=8,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate(headers=headers, checks=CHECKS)

        check()

"""Every operation of the schema, fed data generated from the schema itself.

schemathesis calls each operation with examples hypothesis draws from its
parameters and body, and checks every answer: no server error, a documented
status, content type and headers, and a body that conforms to the schema. A
few examples per operation keep this under a minute in CI.

The schema is the one /api/v1/openapi.json serves, built once at collection
(schemathesis's fixture loader does not run under pytest 9); the calls go to
the WSGI application, inside each test's transaction.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from giamngheo.api.site import api

from .conftest import THUAN_AN, issue_key

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def one_connection():
    """Keep the test's connection (and transaction) across the WSGI calls.

    Django closes connections at the end of each request; its test client
    turns that off, and so must a test calling the WSGI application directly.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = get_wsgi_application()


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_answers_as_documented(case, hue_units):
    headers = {"X-API-Key": issue_key(THUAN_AN)} if case.operation.security else {}
    # Every other check runs. A cursor is opaque (any string fits its schema), so a
    # made-up one is refused with 400 though the schema cannot say it is wrong.
    case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])

"""Schemathesis against the live OpenAPI schema: generated requests, with a real token, on the
test database with a few objects loaded, never get a server error and every answer matches the schema."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.factories import (
    ActivityFactory,
    ChannelFactory,
    ContactFactory,
    DepartmentFactory,
    EnterpriseFactory,
    ProjectFactory,
    UserFactory,
)
from yunzhao.accounts.models import Role
from yunzhao.api.tokens import issue_token
from yunzhao.config.wsgi import application
from yunzhao.pipeline import circulation

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def same_connection():
    """Keep the test's database connection across requests, as Django's test client does: the
    WSGI handler would close it at the end of each request (and with it the test's transaction)."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(db, same_connection):
    """An administrator's token (who may do everything) and a small zone: ids 1–3 exist for most things."""
    home = DepartmentFactory()
    other = DepartmentFactory()
    admin = UserFactory(role=Role.ADMINISTRATOR, department=home)
    officer = UserFactory(role=Role.OFFICER, department=home)
    for _ in range(3):
        enterprise = EnterpriseFactory()
        ContactFactory(enterprise=enterprise)
        ChannelFactory(keeper=officer)
        project = ProjectFactory(enterprise=enterprise, department=home, owner=officer)
        ActivityFactory(enterprise=enterprise, project=project, created_by=officer)
        circulation.hand_over(project=project, to_department=other, by=officer)
    _token, raw = issue_token(owner=admin, name="schemathesis")
    return raw


@schema.parametrize()
@settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_answers_within_its_schema(case, token):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}", "Accept-Language": "en"},
        checks=[not_a_server_error, response_schema_conformance],
    )

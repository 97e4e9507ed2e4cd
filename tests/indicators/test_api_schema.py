"""Schemathesis over the indicators' operations with the demo's figures loaded (the shared schema
test has no figures, so it only ever sees the empty list and 404 series)."""

from __future__ import annotations

from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from yunzhao.config.wsgi import application
from yunzhao.demo import indicators as demo_indicators

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application).include(path_regex="^/api/v1/indicators")


@pytest.fixture
def figures(db):
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    demo_indicators.ensure_content({}, {}, Counter())
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=20, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
def test_indicator_operations_answer_within_their_schema(case, figures):
    case.call_and_validate(headers={"Accept-Language": "ar"}, checks=[not_a_server_error, response_schema_conformance])

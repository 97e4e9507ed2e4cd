from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import PASSWORD, DepartmentFactory, UserFactory
from yunzhao.accounts.models import Role

pytest_plugins = ["tests.browser"]


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgres`` run only in the PostgreSQL run of the suite."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: runs in the suite's PostgreSQL run")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Close every connection at the end of its request, as the live server's threads
    would otherwise keep theirs open and PostgreSQL refuses to drop the test database."""
    from django.conf import settings

    for database in settings.DATABASES.values():
        database["CONN_MAX_AGE"] = 0


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Every test database starts at content version 0 again: no page cached by an earlier test may show."""
    from yunzhao.core import pagecache

    pagecache.clear()
    yield
    pagecache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language (Chinese), whatever the one before it left active."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def department():
    return DepartmentFactory()


@pytest.fixture
def officer(department):
    return UserFactory(role=Role.OFFICER, department=department)


@pytest.fixture
def leader():
    return UserFactory(role=Role.LEADER, department=None)


@pytest.fixture
def investor():
    return UserFactory(role=Role.INVESTOR, department=None)


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


class QueryCounter:
    """``with count_queries() as counted: ...; counted.count`` — for N+1 guards."""

    def __init__(self) -> None:
        self.context = CaptureQueriesContext(connection)

    def __enter__(self) -> QueryCounter:
        self.context.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.context.__exit__(*exc)

    @property
    def count(self) -> int:
        return len(self.context.captured_queries)

    @property
    def statements(self) -> list[str]:
        return [q["sql"] for q in self.context.captured_queries]


@pytest.fixture
def count_queries():
    return QueryCounter


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks):
    """Run ``function(**kwargs)``, then what it enqueued after its commit, as the worker would."""
    from tests.tasks import run_pending

    def run(function, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            result = function(**kwargs)
        run_pending()
        return result

    return run

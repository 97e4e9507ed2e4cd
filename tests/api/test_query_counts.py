"""Every list endpoint answers in the same number of queries for 1 and for 3 items."""

import pytest

from tests.factories import (
    ActivityFactory,
    ChannelFactory,
    ContactFactory,
    EnterpriseFactory,
    ProjectFactory,
    UserFactory,
)
from yunzhao.accounts.models import Role

pytestmark = pytest.mark.django_db


def _projects(n, officer, enterprise):
    for _ in range(n):
        ProjectFactory(department=officer.department, owner=officer, channel=ChannelFactory())
    return "/projects"


def _enterprises(n, officer, enterprise):
    country = {1: "JP", 3: "KR"}[n]
    for _ in range(n):
        EnterpriseFactory(owner=officer, department=officer.department, country=country)
    return f"/enterprises?country={country}"


def _contacts(n, officer, enterprise):
    for _ in range(n):
        ContactFactory(enterprise=enterprise)
    return f"/enterprises/{enterprise.pk}/contacts"


def _channels(n, officer, enterprise):
    country = {1: "DE", 3: "FR"}[n]
    for _ in range(n):
        ChannelFactory(keeper=officer, country=country)
    return f"/channels?country={country}"


def _activities(n, officer, enterprise):
    project = ProjectFactory(enterprise=enterprise, department=officer.department)
    for _ in range(n):
        activity = ActivityFactory(enterprise=enterprise, project=project, created_by=officer, follow_up_owner=officer)
        activity.participants.set([UserFactory(role=Role.OFFICER)])
        activity.contacts.set([ContactFactory(enterprise=enterprise)])
    return f"/enterprises/{enterprise.pk}/activities"


def _project_activities(n, officer, enterprise):
    _activities(n, officer, enterprise)
    return f"/projects/{enterprise.projects.get().pk}/activities"


@pytest.mark.parametrize(
    "build", [_projects, _enterprises, _contacts, _channels, _activities, _project_activities], ids=lambda f: f.__name__
)
def test_list_endpoint_query_count_does_not_grow(build, api_for, count_queries):
    counts = []
    for n in (1, 3):
        officer = UserFactory(role=Role.OFFICER)
        enterprise = EnterpriseFactory()
        path = build(n, officer, enterprise)
        api = api_for(officer)
        with count_queries() as counted:
            response = api.get(path)
        assert response.status_code == 200
        assert len(response.json()["items"]) == n
        counts.append(counted.count)
    assert counts[0] == counts[1]

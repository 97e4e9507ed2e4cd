"""Every figures route opened by every role: the answers the office role walk should expect."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import DepartmentFactory, UserFactory
from tests.indicators.factories import IndicatorFactory, IndicatorValueFactory
from yunzhao.accounts.models import Role

pytestmark = pytest.mark.django_db

STAFF = ("officer", "other_officer", "head", "leader", "administrator")
READ = (200, 200, 200, 200, 200)
WORK = (200, 200, 200, 403, 200)
POST_ONLY = (405, 405, 405, 403, 405)  # a button's target; leaders are refused before the method

EXPECTED = {
    "indicator-list": READ,
    "indicator-detail": READ,
    "indicator-create": WORK,
    "indicator-update": WORK,
    "indicator-value-create": WORK,
    "indicator-value-update": WORK,
    "indicator-value-delete": POST_ONLY,
    "indicator-import": WORK,
    "indicator-import-apply": POST_ONLY,
    "indicator-import-template": READ,
}
PK_OF = {
    "indicator-detail": "indicator",
    "indicator-update": "indicator",
    "indicator-value-create": "indicator",
    "indicator-value-update": "indicator_value",
    "indicator-value-delete": "indicator_value",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_role_gets_the_expected_answer(client, name):
    home, other = DepartmentFactory(), DepartmentFactory()
    users = {
        "investor": UserFactory(role=Role.INVESTOR, department=None),
        "officer": UserFactory(role=Role.OFFICER, department=home),
        "other_officer": UserFactory(role=Role.OFFICER, department=other),
        "head": UserFactory(role=Role.DEPARTMENT_HEAD, department=home),
        "leader": UserFactory(role=Role.LEADER, department=None),
        "administrator": UserFactory(role=Role.ADMINISTRATOR, department=None),
    }
    indicator = IndicatorFactory(code="trade_total")
    objects = {"indicator": indicator, "indicator_value": IndicatorValueFactory(indicator=indicator)}
    kwargs = {"pk": objects[PK_OF[name]].pk} if name in PK_OF else {}
    url = reverse(f"office:{name}", kwargs=kwargs)

    response = client.get(url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    client.force_login(users["investor"])
    assert client.get(url).status_code == 403
    seen = []
    for role in STAFF:
        client.force_login(users[role])
        seen.append(client.get(url).status_code)
    assert tuple(seen) == EXPECTED[name]


@pytest.mark.parametrize("path", ["/api/v1/indicators", "/api/v1/indicators/trade_total/series"])
def test_the_api_reads_are_open_to_everyone(client, path):
    IndicatorValueFactory(indicator=IndicatorFactory(code="trade_total"))
    assert client.get(path).status_code == 200
    client.force_login(UserFactory(role=Role.INVESTOR, department=None))
    assert client.get(path).status_code == 200

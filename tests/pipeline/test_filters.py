"""The project list's filters: each narrows the list to exactly the projects it names."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import (
    ActivityFactory,
    DepartmentFactory,
    EnterpriseFactory,
    IndustryFactory,
    ProjectFactory,
    UserFactory,
)
from yunzhao.accounts.models import Role
from yunzhao.core.models import ExchangeRate
from yunzhao.pipeline import circulation
from yunzhao.pipeline.models import Handover, SavedView, Source, Stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def leader_client(client, leader):
    client.force_login(leader)
    return client


def titles(client, query: str) -> list[str]:
    response = client.get(f"/en/office/projects/?{query}&sort=title")
    assert response.status_code == 200
    return [project.title for project in response.context["object_list"]]


def test_stage_filter_takes_several_stages(leader_client):
    ProjectFactory(title_zh_hans="P1", stage=Stage.LEAD)
    ProjectFactory(title_zh_hans="P2", stage=Stage.NEGOTIATING)
    ProjectFactory(title_zh_hans="P3", stage=Stage.LOST)
    assert titles(leader_client, "stage=lead&stage=lost") == ["P1", "P3"]


def test_industry_filter_takes_the_section_and_its_classes(leader_client):
    section = IndustryFactory(code="C", name="制造业")
    child = IndustryFactory(code="C26", name="化学原料", parent=section)
    other = IndustryFactory(code="I", name="信息")
    ProjectFactory(title_zh_hans="P1", industry=section)
    ProjectFactory(title_zh_hans="P2", industry=child)
    ProjectFactory(title_zh_hans="P3", industry=other)
    assert titles(leader_client, f"industry={section.pk}") == ["P1", "P2"]


def test_country_filter_reads_the_enterprise_country(leader_client):
    ProjectFactory(title_zh_hans="P1", enterprise=EnterpriseFactory(country="JP"))
    ProjectFactory(title_zh_hans="P2", enterprise=EnterpriseFactory(country="KR"))
    assert titles(leader_client, "country=jp") == ["P1"]


def test_department_filter_takes_the_department_and_those_below(leader_client):
    bureau = DepartmentFactory()
    unit = DepartmentFactory(parent=bureau)
    ProjectFactory(title_zh_hans="P1", department=bureau)
    ProjectFactory(title_zh_hans="P2", department=unit)
    ProjectFactory(title_zh_hans="P3")
    assert titles(leader_client, f"department={bureau.pk}") == ["P1", "P2"]
    assert titles(leader_client, f"department={unit.pk}") == ["P2"]


def test_owner_key_and_source_filters(leader_client):
    officer = UserFactory(role=Role.OFFICER)
    ProjectFactory(title_zh_hans="P1", owner=officer, is_key=True, source=Source.EVENT)
    ProjectFactory(title_zh_hans="P2", owner=officer, source=Source.REFERRAL)
    ProjectFactory(title_zh_hans="P3", is_key=True, source=Source.EVENT)
    assert titles(leader_client, f"owner={officer.pk}") == ["P1", "P2"]
    assert titles(leader_client, "key=on") == ["P1", "P3"]
    assert titles(leader_client, "source=event") == ["P1", "P3"]


def test_amount_range_compares_in_yuan(leader_client):
    ExchangeRate.objects.create(currency="USD", valid_from=dt.date(2020, 1, 1), cny_per_unit=Decimal("7.1"))
    ProjectFactory(title_zh_hans="P1", planned_investment=Decimal("10000000"), currency="USD")  # 71 m yuan
    ProjectFactory(title_zh_hans="P2", planned_investment=Decimal("50000000"), currency="CNY")
    ProjectFactory(title_zh_hans="P3", planned_investment=Decimal("90000000"), currency="CNY")
    ProjectFactory(title_zh_hans="P4", planned_investment=Decimal("60000000"), currency="XXX")  # no rate
    assert titles(leader_client, "amount_min=60000000&amount_max=80000000") == ["P1"]
    assert titles(leader_client, "amount_max=60000000") == ["P2"]


def test_overdue_filter_takes_late_hand_overs_and_late_follow_ups(leader_client, leader):
    late_handover = ProjectFactory(title_zh_hans="P1")
    handover = circulation.hand_over(project=late_handover, to_department=DepartmentFactory(), by=leader)
    Handover.objects.filter(pk=handover.pk).update(deadline=timezone.now() - dt.timedelta(hours=1))
    waiting = ProjectFactory(title_zh_hans="P2")
    circulation.hand_over(project=waiting, to_department=DepartmentFactory(), by=leader)
    late_follow_up = ProjectFactory(title_zh_hans="P3")
    today = timezone.localdate()
    ActivityFactory(
        enterprise=late_follow_up.enterprise, project=late_follow_up, follow_up_on=today - dt.timedelta(days=1)
    )
    done = ProjectFactory(title_zh_hans="P4")
    ActivityFactory(
        enterprise=done.enterprise,
        project=done,
        follow_up_on=today - dt.timedelta(days=1),
        follow_up_done_at=timezone.now(),
    )
    assert titles(leader_client, "overdue=on") == ["P1", "P3"]


def test_search_finds_by_title(leader_client, leader):
    from yunzhao.pipeline.projects import create_project

    department = DepartmentFactory()
    create_project(by=leader, department=department, title_zh_hans="新能源电池工厂", enterprise=EnterpriseFactory())
    create_project(by=leader, department=department, title_zh_hans="动漫基地", enterprise=EnterpriseFactory())
    assert titles(leader_client, "q=电池") == ["新能源电池工厂"]


def test_sort_by_largest_investment(leader_client):
    ProjectFactory(title_zh_hans="P1", planned_investment=Decimal("5"))
    ProjectFactory(title_zh_hans="P2", planned_investment=Decimal("9"))
    response = leader_client.get("/en/office/projects/?sort=-amount")
    assert [p.title for p in response.context["object_list"]] == ["P2", "P1"]


def test_saved_views_belong_to_their_owner(client):
    first = UserFactory(role=Role.OFFICER)
    second = UserFactory(role=Role.OFFICER, department=first.department)
    client.force_login(first)
    response = client.post(
        "/en/office/projects/views/", {"name": "日本重点", "query": "country=JP&key=on&page=3&junk=1"}
    )
    assert response.status_code == 302
    view = SavedView.objects.get()
    assert (view.owner, view.name, view.query) == (first, "日本重点", "country=JP&key=on")
    page = client.get("/en/office/projects/").content.decode()
    assert "日本重点" in page
    assert "?country=JP&amp;key=on" in page

    client.force_login(second)
    assert "日本重点" not in client.get("/en/office/projects/").content.decode()
    assert client.post(f"/en/office/projects/views/{view.pk}/delete/").status_code == 404
    assert SavedView.objects.count() == 1

    client.force_login(first)
    assert client.post(f"/en/office/projects/views/{view.pk}/delete/").status_code == 302
    assert SavedView.objects.count() == 0

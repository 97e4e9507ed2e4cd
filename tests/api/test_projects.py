import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import (
    ChannelFactory,
    DepartmentFactory,
    EnterpriseFactory,
    IndustryFactory,
    ProjectFactory,
    UserFactory,
)
from yunzhao.accounts.models import Role
from yunzhao.core.models import AuditEntry
from yunzhao.pipeline.models import Project, Stage, StageChange

pytestmark = pytest.mark.django_db


def test_read_a_project_with_amounts_as_strings(officer_api, officer):
    channel = ChannelFactory()
    project = ProjectFactory(
        department=officer.department,
        owner=officer,
        title_en="Battery plant",
        channel=channel,
        registered_capital=Decimal("1234.50"),
        is_key=True,
        key_level="city",
    )

    response = officer_api.get(f"/projects/{project.pk}")

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == project.pk
    assert body["title"] == "Battery plant"
    assert body["title_zh_hans"] == project.title_zh_hans
    assert body["planned_investment"] == "10000000.00"
    assert body["registered_capital"] == "1234.50"
    assert body["expected_annual_tax"] is None
    assert body["stage"] == "lead"
    assert body["stage_label"] == "Lead"
    assert body["department"] == {"id": officer.department.pk, "name": officer.department.name}
    assert body["owner"] == {"id": officer.pk, "name": officer.full_name}
    assert body["enterprise"] == {"id": project.enterprise.pk, "name": project.enterprise.name}
    assert body["industry"] == {"id": project.industry.pk, "code": "I", "name": project.industry.name}
    assert body["channel"] == {"id": channel.pk, "name": channel.name_en}
    assert (body["is_key"], body["key_level"], body["version"]) == (True, "city", 1)


def test_labels_follow_accept_language(api_for, officer):
    project = ProjectFactory(department=officer.department)

    body = api_for(officer, language="zh-hans").get(f"/projects/{project.pk}").json()

    assert body["stage_label"] == "线索"


def test_officer_cannot_read_another_departments_project(officer_api):
    other = ProjectFactory(department=DepartmentFactory())

    response = officer_api.get(f"/projects/{other.pk}")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found, or you may not see it.", "code": "not_found", "errors": {}}


def test_list_shows_only_visible_projects_with_a_total(officer_api, officer):
    mine = [ProjectFactory(department=officer.department) for _ in range(3)]
    ProjectFactory(department=DepartmentFactory())

    body = officer_api.get("/projects", {"limit": 2, "offset": 1, "sort": "title"}).json()

    assert body["count"] == 3
    assert [item["id"] for item in body["items"]] == [p.pk for p in sorted(mine, key=lambda p: p.title)][1:3]


def test_list_filters_like_the_page(officer_api, officer):
    department = officer.department
    japanese = EnterpriseFactory(country="JP")
    key = ProjectFactory(department=department, enterprise=japanese, is_key=True, stage=Stage.NEGOTIATING)
    ProjectFactory(department=department, stage=Stage.NEGOTIATING)
    big = ProjectFactory(department=department, planned_investment=Decimal("90000000.00"), source="channel")
    manufacturing = IndustryFactory(code="C", name="制造业")
    made = ProjectFactory(department=department, industry=manufacturing)

    def ids(params):
        response = officer_api.get("/projects", params)
        assert response.status_code == 200, response.json()
        return sorted(item["id"] for item in response.json()["items"])

    assert ids({"stage": ["negotiating"], "key": "true"}) == [key.pk]
    assert ids({"country": "jp"}) == [key.pk]
    assert ids({"amount_min": "50000000"}) == [big.pk]
    assert ids({"amount_max": "50000000", "source": "channel"}) == []
    assert ids({"source": "channel"}) == [big.pk]
    assert ids({"industry": manufacturing.pk}) == [made.pk]
    assert ids({"owner": officer.pk}) == []
    assert len(ids({"department": department.pk})) == 4
    assert ids({"department": DepartmentFactory().pk}) == []


def test_list_searches_with_q(officer_api, officer):
    wanted = ProjectFactory(department=officer.department, title_zh_hans="新能源电池工厂")
    ProjectFactory(department=officer.department, title_zh_hans="动漫产业园")
    from yunzhao.pipeline.indexing import index_project

    for project in Project.objects.all():
        index_project(project)

    body = officer_api.get("/projects", {"q": "电池"}).json()

    assert [item["id"] for item in body["items"]] == [wanted.pk]
    assert body["count"] == 1


def test_list_refuses_unknown_filter_values_by_field(officer_api):
    response = officer_api.get("/projects", {"stage": "nowhere", "limit": 0, "department": 999999})

    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_error"
    assert body["detail"] == "Some values are not valid; see the errors by field."
    assert set(body["errors"]) == {"stage.0", "limit"}


def test_list_refuses_a_department_that_does_not_exist(officer_api):
    response = officer_api.get("/projects", {"department": 999999})

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["department"]


def test_create_project_in_own_department(officer_api, officer):
    enterprise = EnterpriseFactory()

    response = officer_api.post(
        "/projects",
        {
            "title_zh_hans": "智能制造基地",
            "title_en": "Smart factory",
            "enterprise": enterprise.pk,
            "planned_investment": "25000000.5",
            "currency": "usd",
            "expected_jobs": 120,
        },
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    project = Project.objects.get(pk=body["id"])
    assert (project.department, project.owner, project.stage, project.currency) == (
        officer.department,
        officer,
        Stage.LEAD,
        "USD",
    )
    assert body["planned_investment"] == "25000000.50"
    assert body["title"] == "Smart factory"
    assert list(StageChange.objects.filter(project=project).values_list("to_stage", flat=True)) == ["lead"]
    assert AuditEntry.objects.filter(action="project.created", target_id=str(project.pk)).count() == 1


def test_create_project_reports_errors_by_field(officer_api):
    response = officer_api.post("/projects", {"title_zh_hans": "", "enterprise": 999999, "currency": "dollars"})

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "title_zh_hans": ["This field cannot be blank."],
        "currency": ["Ensure this value has at most 3 characters."],
    }


def test_create_project_unknown_enterprise_is_a_field_error(officer_api):
    response = officer_api.post("/projects", {"title_zh_hans": "项目", "enterprise": 999999})

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "enterprise": ["Select a valid choice. That choice is not one of the available choices."]
    }


def test_create_project_missing_fields_are_named(officer_api):
    response = officer_api.post("/projects", {})

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "title_zh_hans": ["This field is required."],
        "enterprise": ["This field is required."],
    }


def test_leader_may_not_create_projects(api_for, leader):
    response = api_for(leader).post("/projects", {"title_zh_hans": "项目", "enterprise": EnterpriseFactory().pk})

    assert response.status_code == 403


def test_administrator_without_department_names_one(api_for, admin_user):
    department = DepartmentFactory()
    enterprise = EnterpriseFactory()
    api = api_for(admin_user)

    missing = api.post("/projects", {"title_zh_hans": "项目", "enterprise": enterprise.pk})
    given = api.post("/projects", {"title_zh_hans": "项目", "enterprise": enterprise.pk, "department": department.pk})

    assert missing.status_code == 422
    assert missing.json()["errors"] == {"department": ["Say which department will work the project."]}
    assert given.status_code == 201
    assert given.json()["department"]["id"] == department.pk


def test_update_project_with_the_current_version(officer_api, officer):
    project = ProjectFactory(department=officer.department, owner=officer)

    response = officer_api.patch(
        f"/projects/{project.pk}", {"version": 1, "planned_investment": "5", "is_key": True, "title_en": "New"}
    )

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["planned_investment"], body["is_key"], body["title_en"], body["version"]) == ("5.00", True, "New", 2)
    entry = AuditEntry.objects.get(action="project.updated")
    assert entry.after == {"planned_investment": "5.00", "is_key": True, "title_en": "New"}


def test_update_over_a_newer_version_is_409(officer_api, officer):
    project = ProjectFactory(department=officer.department)
    assert officer_api.patch(f"/projects/{project.pk}", {"version": 1, "is_key": True}).status_code == 200

    response = officer_api.patch(f"/projects/{project.pk}", {"version": 1, "title_zh_hans": "Mine"})

    assert response.status_code == 409
    message = "Someone else changed this project since you loaded it (version 2). Load it again, then retry."
    assert response.json() == {
        "detail": message,
        "code": "version_conflict",
        "errors": {"version": [message]},
        "current_version": 2,
    }
    project.refresh_from_db()
    assert project.title_zh_hans != "Mine"


def test_update_needs_the_version(officer_api, officer):
    project = ProjectFactory(department=officer.department)

    response = officer_api.patch(f"/projects/{project.pk}", {"is_key": True})

    assert response.status_code == 422
    assert response.json()["errors"] == {"version": ["This field is required."]}


def test_update_refuses_null_for_a_required_field(officer_api, officer):
    project = ProjectFactory(department=officer.department)

    response = officer_api.patch(f"/projects/{project.pk}", {"version": 1, "title_zh_hans": None})

    assert response.status_code == 422
    assert response.json()["errors"] == {"title_zh_hans": ["This field cannot be null."]}


def test_leader_reads_but_may_not_change(api_for, leader):
    project = ProjectFactory()
    api = api_for(leader)

    assert api.get(f"/projects/{project.pk}").status_code == 200
    response = api.patch(f"/projects/{project.pk}", {"version": 1, "is_key": True})
    assert response.status_code == 403


def test_move_project_forward(officer_api, officer):
    project = ProjectFactory(department=officer.department)

    response = officer_api.post(f"/projects/{project.pk}/moves", {"to_stage": "site_visit", "version": 1})

    assert response.status_code == 200, response.json()
    assert (response.json()["stage"], response.json()["version"]) == ("site_visit", 2)
    change = StageChange.objects.get(project=project, to_stage="site_visit")
    assert (change.from_stage, change.by) == ("lead", officer)


def test_move_refused_by_the_lifecycle_is_422_with_its_message(officer_api, officer):
    project = ProjectFactory(department=officer.department)

    response = officer_api.post(f"/projects/{project.pk}/moves", {"to_stage": "lost"})

    assert response.status_code == 422
    assert response.json() == {
        "detail": "Say why: this move needs a reason.",
        "code": "transition_refused",
        "errors": {},
    }


def test_move_into_the_future_is_422(officer_api, officer):
    project = ProjectFactory(department=officer.department)
    later = (timezone.now() + dt.timedelta(days=2)).isoformat()

    response = officer_api.post(f"/projects/{project.pk}/moves", {"to_stage": "contacted", "effective_at": later})

    assert response.status_code == 422
    assert response.json()["detail"] == "A move cannot take effect in the future."


def test_move_without_time_zone_is_a_field_error(officer_api, officer):
    project = ProjectFactory(department=officer.department)

    response = officer_api.post(
        f"/projects/{project.pk}/moves", {"to_stage": "contacted", "effective_at": "2026-01-01T10:00:00"}
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["effective_at"]


def test_move_over_a_newer_version_is_409(officer_api, officer):
    project = ProjectFactory(department=officer.department, version=3)

    response = officer_api.post(f"/projects/{project.pk}/moves", {"to_stage": "contacted", "version": 2})

    assert response.status_code == 409
    assert response.json()["current_version"] == 3
    project.refresh_from_db()
    assert project.stage == Stage.LEAD


def test_move_of_an_invisible_project_is_404(officer_api):
    project = ProjectFactory(department=DepartmentFactory())

    assert officer_api.post(f"/projects/{project.pk}/moves", {"to_stage": "contacted"}).status_code == 404


def test_department_head_sees_projects_below(api_for):
    bureau = DepartmentFactory()
    below = DepartmentFactory(parent=bureau)
    head = UserFactory(role=Role.DEPARTMENT_HEAD, department=bureau)
    project = ProjectFactory(department=below)

    response = api_for(head).post(f"/projects/{project.pk}/moves", {"to_stage": "contacted"})

    assert response.status_code == 200


def test_path_ids_out_of_range_are_422(officer_api):
    response = officer_api.get(f"/projects/{2**70}")

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["project_id"]


def test_text_with_nul_and_dates_out_of_range_are_field_errors(officer_api, officer):
    enterprise = EnterpriseFactory()
    project = ProjectFactory(department=officer.department)

    nul = officer_api.post("/projects", {"title_zh_hans": "a\x00b", "enterprise": enterprise.pk})
    ancient = officer_api.post(
        f"/projects/{project.pk}/moves", {"to_stage": "contacted", "effective_at": "0001-01-01T00:00:00+14:00"}
    )

    assert nul.status_code == 422
    assert nul.json()["errors"] == {"title_zh_hans": ["Text cannot hold NUL characters."]}
    assert ancient.status_code == 422
    assert ancient.json()["errors"] == {"effective_at": ["Give a date between 1900 and 2999."]}


def test_field_errors_follow_accept_language(api_for, officer):
    response = api_for(officer, language="zh-hans").post("/projects", {"enterprise": EnterpriseFactory().pk})

    assert response.status_code == 422
    assert response["Content-Language"] == "zh-hans"
    assert response.json()["errors"] == {"title_zh_hans": ["此字段为必填项。"]}

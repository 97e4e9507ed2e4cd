import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import (
    ActivityFactory,
    ChannelFactory,
    ContactFactory,
    DepartmentFactory,
    EnterpriseFactory,
    IndustryFactory,
    ProjectFactory,
    UserFactory,
)
from yunzhao.accounts.models import Role
from yunzhao.core.models import AuditEntry
from yunzhao.crm.models import Activity, Contact, Enterprise

pytestmark = pytest.mark.django_db


# --- Enterprises -----------------------------------------------------------------------------


def test_list_enterprises_filters_by_country_and_ownership(officer_api):
    japanese = EnterpriseFactory(country="JP", ownership="foreign", name_zh_hans="丰田通商")
    EnterpriseFactory(country="CN")

    body = officer_api.get("/enterprises", {"country": "jp", "ownership": "foreign"}).json()

    assert body["count"] == 1
    item = body["items"][0]
    assert (item["id"], item["name"], item["country"], item["ownership"]) == (japanese.pk, "丰田通商", "JP", "foreign")
    assert item["industry"] == {"id": japanese.industry.pk, "code": "I", "name": japanese.industry.name}


def test_list_enterprises_searches(officer_api):
    from yunzhao.crm.indexing import index_enterprise

    wanted = EnterpriseFactory(name_zh_hans="松下电器")
    other = EnterpriseFactory(name_zh_hans="海尔集团")
    index_enterprise(wanted)
    index_enterprise(other)

    body = officer_api.get("/enterprises", {"q": "松下"}).json()

    assert [item["id"] for item in body["items"]] == [wanted.pk]


def test_read_enterprise_and_404(officer_api):
    enterprise = EnterpriseFactory(name_zh_hans="示范企业", name_en="Model Co.")

    assert officer_api.get(f"/enterprises/{enterprise.pk}").json()["name"] == "Model Co."
    assert officer_api.get("/enterprises/999999").status_code == 404


def test_create_enterprise(officer_api, officer):
    industry = IndustryFactory()

    response = officer_api.post(
        "/enterprises",
        {
            "name_zh_hans": "新企业",
            "name_en": "New Co.",
            "country": "kr",
            "industry": industry.pk,
            "ownership": "foreign",
        },
    )

    assert response.status_code == 201, response.json()
    enterprise = Enterprise.objects.get(pk=response.json()["id"])
    assert (enterprise.name_en, enterprise.country, enterprise.owner, enterprise.credit_code) == (
        "New Co.",
        "KR",
        officer,
        None,
    )
    assert response.json()["owner"] == {"id": officer.pk, "name": officer.full_name}
    assert AuditEntry.objects.filter(action="enterprise.created").count() == 1


def test_create_enterprise_with_a_credit_code_on_file_is_a_field_error(officer_api):
    EnterpriseFactory(credit_code="91110000MA01ABCD1X")

    response = officer_api.post("/enterprises", {"name_zh_hans": "重复", "credit_code": "91110000MA01ABCD1X"})

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["credit_code"]


def test_update_enterprise_changes_only_what_is_given(officer_api):
    enterprise = EnterpriseFactory(name_zh_hans="旧名", country="CN")

    response = officer_api.patch(f"/enterprises/{enterprise.pk}", {"website": "https://example.cn"})

    assert response.status_code == 200, response.json()
    enterprise.refresh_from_db()
    assert (enterprise.name_zh_hans, enterprise.website) == ("旧名", "https://example.cn")
    assert AuditEntry.objects.get(action="enterprise.updated").after == {"website": "https://example.cn"}


def test_update_enterprise_invalid_website_is_a_field_error(officer_api):
    enterprise = EnterpriseFactory()

    response = officer_api.patch(f"/enterprises/{enterprise.pk}", {"website": "not a url"})

    assert response.status_code == 422
    assert response.json()["errors"] == {"website": ["Enter a valid URL."]}


# --- Contacts --------------------------------------------------------------------------------


def test_list_and_read_contacts(officer_api):
    enterprise = EnterpriseFactory()
    inactive = ContactFactory(enterprise=enterprise, name="B", is_active=False)
    active = ContactFactory(enterprise=enterprise, name="Z")
    ContactFactory()

    body = officer_api.get(f"/enterprises/{enterprise.pk}/contacts").json()

    assert body["count"] == 2
    assert [item["id"] for item in body["items"]] == [active.pk, inactive.pk]
    one = officer_api.get(f"/contacts/{active.pk}").json()
    assert (one["name"], one["languages"], one["enterprise_id"]) == ("Z", ["ja", "en"], enterprise.pk)


def test_create_contact_stamps_consent(officer_api):
    enterprise = EnterpriseFactory()

    response = officer_api.post(
        f"/enterprises/{enterprise.pk}/contacts",
        {"name": "田中一郎", "data_source": "card", "languages": ["ja"], "consented": True, "email": "t@example.jp"},
    )

    assert response.status_code == 201, response.json()
    contact = Contact.objects.get()
    assert (contact.enterprise, contact.consented) == (enterprise, True)
    assert response.json()["consented_at"] is not None


def test_create_contact_validation_by_field(officer_api):
    enterprise = EnterpriseFactory()

    response = officer_api.post(
        f"/enterprises/{enterprise.pk}/contacts", {"name": "x", "data_source": "card", "email": "nope", "phone": "abc"}
    )

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "email": ["Enter a valid email address."],
        "phone": ["Enter a phone number: digits, with +, spaces, hyphens or brackets."],
    }


def test_update_contact(officer_api):
    contact = ContactFactory(title="部长")

    response = officer_api.patch(f"/contacts/{contact.pk}", {"title": "社长", "is_active": False})

    assert response.status_code == 200
    assert (response.json()["title"], response.json()["is_active"]) == ("社长", False)


# --- Channels --------------------------------------------------------------------------------


def test_list_and_read_channels(officer_api, officer):
    keeper = UserFactory(role=Role.OFFICER, full_name="王五")
    japanese = ChannelFactory(country="JP", keeper=keeper)
    ChannelFactory(country="KR", kind="consulate")

    body = officer_api.get("/channels", {"country": "JP"}).json()
    one = officer_api.get(f"/channels/{japanese.pk}").json()

    assert [item["id"] for item in body["items"]] == [japanese.pk]
    assert body["count"] == 1
    assert (one["name"], one["kind"], one["keeper"]) == (japanese.name_en, "chamber", {"id": keeper.pk, "name": "王五"})
    assert officer_api.get("/channels", {"kind": "consulate"}).json()["count"] == 1


# --- Activities ------------------------------------------------------------------------------


def test_record_activity(officer_api, officer):
    enterprise = EnterpriseFactory()
    project = ProjectFactory(enterprise=enterprise, department=officer.department)
    contact = ContactFactory(enterprise=enterprise)
    colleague = UserFactory(role=Role.OFFICER, department=officer.department)
    when = timezone.now() - dt.timedelta(hours=2)

    response = officer_api.post(
        "/activities",
        {
            "enterprise": enterprise.pk,
            "project": project.pk,
            "kind": "onsite",
            "occurred_at": when.isoformat(),
            "subject": "实地洽谈",
            "participants": [colleague.pk],
            "contacts": [contact.pk],
            "follow_up_on": (timezone.localdate() + dt.timedelta(days=3)).isoformat(),
        },
    )

    assert response.status_code == 201, response.json()
    activity = Activity.objects.get()
    assert (activity.created_by, activity.follow_up_owner, activity.project) == (officer, officer, project)
    body = response.json()
    assert body["participants"] == [{"id": colleague.pk, "name": colleague.full_name}]
    assert body["contacts"] == [{"id": contact.pk, "name": str(contact)}]
    assert body["project"] == {"id": project.pk, "name": project.title}
    assert AuditEntry.objects.filter(action="activity.recorded").count() == 1


def test_record_activity_refuses_a_project_of_another_enterprise(officer_api, officer):
    enterprise = EnterpriseFactory()
    project = ProjectFactory(department=officer.department)

    response = officer_api.post(
        "/activities",
        {
            "enterprise": enterprise.pk,
            "project": project.pk,
            "kind": "call",
            "occurred_at": timezone.now().isoformat(),
            "subject": "电话",
        },
    )

    assert response.status_code == 422
    assert response.json()["errors"] == {"project": ["This project belongs to another enterprise."]}


def test_record_activity_refuses_an_outside_participant(officer_api, investor):
    enterprise = EnterpriseFactory()

    response = officer_api.post(
        "/activities",
        {
            "enterprise": enterprise.pk,
            "kind": "call",
            "occurred_at": timezone.now().isoformat(),
            "subject": "电话",
            "participants": [investor.pk],
        },
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["participants"]


def test_activities_of_an_enterprise_and_of_a_project(officer_api, officer):
    enterprise = EnterpriseFactory()
    project = ProjectFactory(enterprise=enterprise, department=officer.department)
    with_project = ActivityFactory(enterprise=enterprise, project=project, created_by=officer)
    without = ActivityFactory(enterprise=enterprise, created_by=officer)

    by_enterprise = officer_api.get(f"/enterprises/{enterprise.pk}/activities").json()
    by_project = officer_api.get(f"/projects/{project.pk}/activities").json()

    assert sorted(item["id"] for item in by_enterprise["items"]) == sorted([with_project.pk, without.pk])
    assert [item["id"] for item in by_project["items"]] == [with_project.pk]


def test_activities_of_an_invisible_project_are_404(officer_api):
    project = ProjectFactory(department=DepartmentFactory())

    assert officer_api.get(f"/projects/{project.pk}/activities").status_code == 404

import pytest

from tests.factories import EnterpriseFactory
from yunzhao.core import audit
from yunzhao.crm.models import Enterprise, Ownership

pytestmark = pytest.mark.django_db


def test_dashboard_shows_zone_figures(officer_client):
    EnterpriseFactory.create_batch(2, registered_in_zone_on="2025-01-01")
    EnterpriseFactory(registered_in_zone_on="2025-01-01", ownership=Ownership.FOREIGN, country="JP")
    response = officer_client.get("/en/office/")
    assert response.status_code == 200
    figures = response.context["figures"]
    assert (figures.registered_enterprises, figures.foreign_funded_enterprises) == (3, 1)


@pytest.mark.parametrize("count", [1, 3])
def test_enterprise_list_query_count_does_not_grow(officer_client, count_queries, count):
    EnterpriseFactory.create_batch(count)
    with count_queries() as counted:
        response = officer_client.get("/en/office/enterprises/")
    assert response.status_code == 200
    assert len(response.context["object_list"]) == count
    assert counted.count == 6, counted.statements


def test_enterprise_list_empty_state_and_filtered_empty_state(officer_client):
    assert "No enterprises yet" in officer_client.get("/en/office/enterprises/").content.decode()
    EnterpriseFactory(country="JP")
    body = officer_client.get("/en/office/enterprises/?country=KR").content.decode()
    assert "No enterprise matches these filters" in body


def test_enterprise_list_htmx_request_gets_only_the_results(officer_client):
    EnterpriseFactory(name_zh_hans="恩力动力（北京）有限公司", country="CN")
    EnterpriseFactory(name_zh_hans="Other Ltd", country="JP")
    response = officer_client.get("/en/office/enterprises/?country=CN", headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body
    assert "恩力动力" in body
    assert "Other Ltd" not in body


def test_enterprise_edit_records_before_and_after(officer_client, officer):
    enterprise = EnterpriseFactory(name_zh_hans="旧名称有限公司", country="CN")
    response = officer_client.post(
        f"/en/office/enterprises/{enterprise.pk}/edit/",
        {"name_zh_hans": "新名称有限公司", "country": "cn", "ownership": Ownership.PRIVATE, "industry": ""},
    )
    assert response.status_code == 302
    entry = audit.history_for(enterprise).get()
    assert (entry.actor, entry.action) == (officer, "enterprise.updated")
    assert ("name_zh_hans", "旧名称有限公司", "新名称有限公司") in entry.changed_fields()
    page = officer_client.get(f"/en/office/enterprises/{enterprise.pk}/").content.decode()
    assert "enterprise.updated" in page
    assert "旧名称有限公司" in page


def test_enterprise_edit_with_bad_input_keeps_saved_values(officer_client):
    enterprise = EnterpriseFactory(name_zh_hans="原名有限公司", website="https://example.cn")
    response = officer_client.post(
        f"/en/office/enterprises/{enterprise.pk}/edit/",
        {"name_zh_hans": "", "country": "CN", "ownership": "nonsense", "website": "not a url"},
    )
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()
    enterprise.refresh_from_db()
    assert (enterprise.name_zh_hans, enterprise.website) == ("原名有限公司", "https://example.cn")
    assert not audit.history_for(enterprise).exists()


def test_create_enterprise_through_the_form(officer_client, officer):
    response = officer_client.post(
        "/zh-hans/office/enterprises/new/",
        {
            "name_zh_hans": "软亚新创（北京）投资有限公司",
            "name_ja": "ソフトアジア新創",
            "country": "JP",
            "ownership": Ownership.FOREIGN,
        },
    )
    assert response.status_code == 302
    enterprise = Enterprise.objects.get()
    assert (enterprise.name_ja, enterprise.owner) == ("ソフトアジア新創", officer)
    assert [e.action for e in audit.history_for(enterprise)] == ["enterprise.created"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("投资", ["软亚新创投资有限公司"]),
        ("ソフト", ["软亚新创投资有限公司"]),
        ("enli", ["恩力动力有限公司"]),
        ("电池", []),
    ],
)
def test_enterprise_list_search_finds_names_in_any_language(officer_client, officer, query, expected):
    from yunzhao.crm.enterprises import create_enterprise

    create_enterprise(
        by=officer,
        name_zh_hans="软亚新创投资有限公司",
        name_ja="ソフトアジア",
        country="JP",
        ownership=Ownership.FOREIGN,
    )
    create_enterprise(by=officer, name_zh_hans="恩力动力有限公司", name_en="Enli Power", country="CN")
    response = officer_client.get("/en/office/enterprises/", {"q": query})
    assert [e.name_zh_hans for e in response.context["object_list"]] == expected


def test_enterprise_page_links_the_projects_the_reader_may_open(officer_client, officer):
    from tests.factories import DepartmentFactory, ProjectFactory

    enterprise = EnterpriseFactory()
    own = ProjectFactory(enterprise=enterprise, department=officer.department, title_zh_hans="本部门的项目")
    other = ProjectFactory(enterprise=enterprise, department=DepartmentFactory(), title_zh_hans="别的区的项目")

    page = officer_client.get(f"/zh-hans/office/enterprises/{enterprise.pk}/").content.decode()

    assert f'href="/zh-hans/office/projects/{own.pk}/"' in page
    assert f"/office/projects/{other.pk}/" not in page
    assert "别的区的项目" in page
    assert f'href="/zh-hans/office/projects/new/?enterprise={enterprise.pk}"' in page


def test_a_leader_reads_an_enterprise_but_is_offered_no_changes(client, leader):
    enterprise = EnterpriseFactory()
    client.force_login(leader)

    page = client.get(f"/zh-hans/office/enterprises/{enterprise.pk}/").content.decode()

    assert enterprise.name_zh_hans in page
    assert f"/enterprises/{enterprise.pk}/edit/" not in page
    assert "/office/projects/new/" not in page
    assert f"/enterprises/{enterprise.pk}/contacts/new/" not in page

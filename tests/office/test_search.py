"""The back office's search across enterprises, contacts, projects and channels, in any language."""

import pytest

from tests.factories import DepartmentFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.core.models import SearchEntry
from yunzhao.crm import indexing as crm_indexing
from yunzhao.crm.channels import create_channel
from yunzhao.crm.contacts import create_contact, update_contact
from yunzhao.crm.enterprises import create_enterprise
from yunzhao.crm.models import ChannelKind
from yunzhao.office.search import matched_name
from yunzhao.pipeline import indexing as pipeline_indexing
from yunzhao.pipeline.projects import create_project, update_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def zone(officer, department):
    sakura = create_enterprise(
        by=officer,
        name_zh_hans="樱花投资管理有限公司",
        name_en="Sakura Investment Management Co., Ltd.",
        name_ja="サクラインベストメント株式会社",
        country="JP",
    )
    other = create_enterprise(by=officer, name_zh_hans="北京示范科技有限公司", country="CN")
    contact = create_contact(
        enterprise=sakura, by=officer, name="山田太郎", latin_name="Taro Yamada", data_source="card"
    )
    project = create_project(
        by=officer,
        department=department,
        enterprise=sakura,
        title_zh_hans="迪拜物流中心项目",
        title_ar="مَشْرُوعُ مَرْكَزِ الخِدْمَاتِ اللُّوجِسْتِيَّةِ فِي دُبَيّ",
    )
    elsewhere = create_project(
        by=officer,
        department=DepartmentFactory(),
        enterprise=other,
        title_zh_hans="迪拜新能源项目",
        title_ar="مشروع الطاقة الجديدة في دبي",
    )
    channel = create_channel(
        by=officer,
        name_zh_hans="里昂中法商会",
        name_fr="Chambre de commerce franco-chinoise de Lyon — Société d'échanges",
        kind=ChannelKind.CHAMBER,
        country="FR",
    )
    return {
        "sakura": sakura,
        "other": other,
        "contact": contact,
        "project": project,
        "elsewhere": elsewhere,
        "channel": channel,
    }


def results(client, query, language="en", **params):
    response = client.get(f"/{language}/office/search/", {"q": query, **params})
    assert response.status_code == 200
    return {
        group.kind.key: [(r.url, r.text, r.language) for r in group.results] for group in response.context["groups"]
    }


def counts(client, query):
    response = client.get("/en/office/search/", {"q": query})
    return {group.kind.key: group.count for group in response.context["groups"]}


def test_finds_an_enterprise_by_a_two_character_chinese_word(officer_client, zone):
    found = results(officer_client, "投资", language="zh-hans")
    url = f"/zh-hans/office/enterprises/{zone['sakura'].pk}/"
    assert found == {
        "enterprise": [(url, "樱花投资管理有限公司", "zh-hans")],
        "contact": [],
        "project": [],
        "channel": [],
    }


def test_finds_an_enterprise_by_its_japanese_name_and_shows_that_name(officer_client, zone):
    found = results(officer_client, "インベストメント")
    assert found["enterprise"] == [
        (f"/en/office/enterprises/{zone['sakura'].pk}/", "サクラインベストメント株式会社", "ja")
    ]
    body = officer_client.get("/en/office/search/", {"q": "インベストメント"}).content.decode()
    assert 'lang="ja" dir="auto">サクラインベストメント株式会社</a>' in body
    assert "日本語" in body  # the matched name's language, named in itself


def test_finds_a_contact_by_latin_and_by_own_script_name(officer_client, zone):
    url = f"/en/office/enterprises/{zone['sakura'].pk}/#contacts"
    assert results(officer_client, "yamada")["contact"] == [(url, "Taro Yamada", "")]
    assert results(officer_client, "山田")["contact"] == [(url, "山田太郎", "")]


def test_finds_a_contact_by_its_new_name_after_an_edit(officer_client, officer, zone):
    update_contact(contact=zone["contact"], by=officer, latin_name="Taro Yamada-Sato")
    assert counts(officer_client, "sato")["contact"] == 1


def test_finds_a_project_by_its_arabic_title_with_and_without_diacritics(officer_client, zone):
    url = f"/ar/office/projects/{zone['project'].pk}/"
    title = zone["project"].title_ar
    assert results(officer_client, "مَرْكَزِ الخِدْمَاتِ", language="ar")["project"] == [(url, title, "ar")]
    assert results(officer_client, "مركز الخدمات", language="ar")["project"] == [(url, title, "ar")]


def test_finds_a_project_by_its_new_title_after_an_edit(officer_client, officer, zone):
    project = zone["project"]
    update_project(project=project, by=officer, expected_version=project.version, title_en="Dubai logistics hub")
    assert results(officer_client, "logistics hub")["project"] == [
        (f"/en/office/projects/{project.pk}/", "Dubai logistics hub", "en")
    ]


def test_finds_a_channel_by_its_french_name_with_and_without_accents(officer_client, zone):
    url = f"/fr/office/channels/{zone['channel'].pk}/"
    name = zone["channel"].name_fr
    assert results(officer_client, "Société d'échanges", language="fr")["channel"] == [(url, name, "fr")]
    assert results(officer_client, "societe echanges", language="fr")["channel"] == [(url, name, "fr")]


def test_an_officer_does_not_see_another_departments_project(officer_client, zone, client):
    assert results(officer_client, "دبي")["project"] == [
        (f"/en/office/projects/{zone['project'].pk}/", zone["project"].title_ar, "ar")
    ]
    assert counts(officer_client, "迪拜")["project"] == 1
    leader = UserFactory(role=Role.LEADER, department=None)
    client.force_login(leader)
    assert counts(client, "迪拜")["project"] == 2


def test_kind_filter_shows_one_kind_and_counts_all(officer_client, zone):
    response = officer_client.get("/en/office/search/", {"q": "樱花", "kind": "enterprise"})
    assert [g.kind.key for g in response.context["shown_groups"]] == ["enterprise"]
    assert {g.kind.key: g.count for g in response.context["groups"]} == {
        "enterprise": 1,
        "contact": 0,
        "project": 0,
        "channel": 0,
    }


def test_nothing_found_and_empty_query(officer_client, zone):
    assert "Nothing found" in officer_client.get("/en/office/search/", {"q": "xyzzy"}).content.decode()
    response = officer_client.get("/en/office/search/")
    assert response.status_code == 200
    assert response.context["groups"] == []


def test_the_top_bar_search_box_goes_to_the_search_page(officer_client):
    body = officer_client.get("/en/office/").content.decode()
    assert 'action="/en/office/search/" role="search"' in body
    assert 'name="q" id="office-search-q"' in body


def test_outside_accounts_cannot_search(client, investor):
    client.force_login(investor)
    assert client.get("/en/office/search/", {"q": "a"}).status_code == 403


@pytest.mark.parametrize("count", [1, 3])
def test_search_query_count_does_not_grow_with_hits(officer_client, officer, department, count_queries, count):
    for index in range(count):
        enterprise = create_enterprise(by=officer, name_zh_hans=f"投资企业{index}有限公司", country="CN")
        create_contact(enterprise=enterprise, by=officer, name=f"投资人{index}", data_source="card")
        create_project(by=officer, department=department, enterprise=enterprise, title_zh_hans=f"投资项目{index}")
        create_channel(by=officer, name_zh_hans=f"投资促进会{index}", kind=ChannelKind.AGENT, country="JP")
    with count_queries() as counted:
        response = officer_client.get("/en/office/search/", {"q": "投资"})
    assert {g.kind.key: len(g.results) for g in response.context["groups"]} == dict.fromkeys(
        ["enterprise", "contact", "project", "channel"], count
    )
    assert counted.count == 17, counted.statements


def test_rebuilding_the_index_finds_contacts_and_projects_again(officer_client, zone):
    SearchEntry.objects.all().delete()
    assert counts(officer_client, "yamada")["contact"] == 0
    crm_indexing.rebuild_index()
    pipeline_indexing.rebuild_index()
    assert counts(officer_client, "yamada") == {"enterprise": 0, "contact": 1, "project": 0, "channel": 0}
    assert counts(officer_client, "مركز") == {"enterprise": 0, "contact": 0, "project": 1, "channel": 0}
    assert counts(officer_client, "lyon") == {"enterprise": 0, "contact": 0, "project": 0, "channel": 1}


def test_matched_name_prefers_the_name_that_holds_the_query():
    names = [("zh-hans", "樱花投资"), ("en", "Sakura Investment"), ("ja", "サクラインベストメント")]
    assert matched_name("inves", names) == ("en", "Sakura Investment")
    assert matched_name("サクラ", names) == ("ja", "サクラインベストメント")
    assert matched_name("sakura 樱花", names) == ("zh-hans", "樱花投资")  # no single name holds both


def test_a_word_in_more_names_than_the_cap_says_more_than_and_still_shows_the_best(
    officer_client, officer, zone, monkeypatch
):
    """Past MATCH_CAP matches a kind is not counted to the end: the page says "more than"."""
    from yunzhao.office import search as office_search

    monkeypatch.setattr(office_search, "MATCH_CAP", 2)
    for n in range(3):
        create_enterprise(
            by=officer, name_zh_hans=f"樱花贸易第{n}有限公司", name_en=f"Sakura Trading {n}", country="JP"
        )
    response = officer_client.get("/en/office/search/", {"q": "sakura"})
    group = next(g for g in response.context["groups"] if g.kind.key == "enterprise")
    assert (group.count, group.capped) == (2, True)
    assert len(group.results) == 2
    page = response.content.decode()
    assert "More than 2 found: add a word to narrow them down." in page
    assert ">2+<" in page.replace(" ", "")
    narrowed = officer_client.get("/en/office/search/", {"q": "sakura investment"})
    group = next(g for g in narrowed.context["groups"] if g.kind.key == "enterprise")
    assert (group.count, group.capped) == (1, False)


def test_capped_count_of_the_search_core(officer, zone):
    from yunzhao.core import search
    from yunzhao.crm.models import Enterprise

    for n in range(4):
        create_enterprise(by=officer, name_zh_hans=f"樱花商事{n}", country="JP")
    assert search.count("樱花", Enterprise) == 5
    assert search.count("樱花", Enterprise, cap=3) == 4  # "more than 3"
    assert search.count("樱花", Enterprise, cap=10) == 5
    best = search.search("樱花", models=[Enterprise], limit=2, window=3)
    assert len(best) == 2

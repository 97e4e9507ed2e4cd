from __future__ import annotations

import pytest
from django.db import IntegrityError

from tests.factories import EnterpriseFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.crm.duplicates import (
    DuplicateGroup,
    DuplicateMatch,
    Reason,
    duplicate_groups,
    find_duplicates_for_rows,
    find_probable_duplicates,
    name_key,
    rebuild_name_keys,
    sync_name_keys,
)
from yunzhao.crm.enterprises import create_enterprise, update_enterprise
from yunzhao.crm.forms import EnterpriseForm
from yunzhao.crm.models import Enterprise, EnterpriseNameKey, Ownership

pytestmark = pytest.mark.django_db

HUAWEI_CODE = "914403001922038216"


@pytest.fixture
def huawei(officer):
    return create_enterprise(
        by=officer,
        name_zh_hans="华为技术有限公司",
        name_en="Huawei Technologies Co., Ltd.",
        credit_code=HUAWEI_CODE,
        country="CN",
    )


def stored_keys(enterprise):
    return sorted(EnterpriseNameKey.objects.filter(enterprise=enterprise).values_list("key", flat=True))


def names_of(matches):
    return [(match.enterprise.name_zh_hans, [reason.value for reason in match.reasons]) for match in matches]


# --- name_key ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("华为技术有限公司", "huaweijishu"),
        ("華為技術有限公司", "huaweijishu"),
        ("华为技术股份有限公司", "huaweijishu"),
        ("華為技術有限責任公司", "huaweijishu"),
        ("ＨＵＡＷＥＩ", "huawei"),
        ("华为", "huawei"),
        ("Huawei", "huawei"),
        ("Huawei Technologies Co., Ltd.", "huaweitechnologies"),
        ("huawei technologies", "huaweitechnologies"),
        ("HUAWEI TECHNOLOGIES CO.,LTD", "huaweitechnologies"),
        ("Huawei Technologies Limited", "huaweitechnologies"),
        ("海尔集团", "haier"),
        ("海爾集團公司", "haier"),
        ("トヨタ自動車株式会社", "toyotazidongche"),
        ("株式会社トヨタ自動車", "toyotazidongche"),
        ("㈱トヨタ自動車", "toyotazidongche"),
        ("(株)トヨタ自動車", "toyotazidongche"),
        ("Toyota Motor Corporation", "toyotamotor"),
        ("Toyota Motor K.K.", "toyotamotor"),
        ("삼성전자 주식회사", "samseongjeonja"),
        ("㈜삼성전자", "samseongjeonja"),
        ("Siemens AG", "siemens"),
        ("Siemens GmbH", "siemens"),
        ("Société Générale S.A.", "societegenerale"),
        ("SOCIETE GENERALE SA", "societegenerale"),
        ("Cemex, S.A.B. de C.V.", "cemex"),
        ("ООО «Ромашка»", "romashka"),
        ("Romashka LLC", "romashka"),
        ("Emirates Steel ش.م.ع", "emiratessteel"),
        ("The Coca-Cola Company", "cocacola"),
        ("Limited", "limited"),
        ("  ·—·  ", ""),
        ("", ""),
    ],
)
def test_name_key_folds_width_script_case_and_legal_form(name, key):
    assert name_key(name) == key


def test_name_key_never_takes_a_syllable_for_a_legal_form():
    # 사 romanises to "sa", but only the Latin S.A. is a legal form; 회사 is not stripped either.
    assert name_key("한국회사") == "hangughoesa"
    assert name_key("한국회") == "hangughoe"


# --- keys kept by the domain functions ----------------------------------------------------------


def test_create_and_update_keep_one_key_per_distinct_name(officer, huawei):
    assert stored_keys(huawei) == ["huaweijishu", "huaweitechnologies"]
    update_enterprise(enterprise=huawei, by=officer, name_ja="ファーウェイ", name_en="Huawei Technologies Co., Ltd.")
    assert stored_keys(huawei) == ["fuauei", "huaweijishu", "huaweitechnologies"]
    update_enterprise(enterprise=huawei, by=officer, name_en="")
    assert stored_keys(huawei) == ["fuauei", "huaweijishu"]


def test_rebuild_name_keys_gives_keys_to_enterprises_created_in_bulk(huawei):
    bulk = EnterpriseFactory(name_zh_hans="中國國際貿易集團", name_en="China International Trade Group")
    assert stored_keys(bulk) == []
    assert rebuild_name_keys() == 4
    assert stored_keys(bulk) == ["chinainternationaltrade", "zhongguoguojimaoyi"]
    assert stored_keys(huawei) == ["huaweijishu", "huaweitechnologies"]


# --- find_probable_duplicates ------------------------------------------------------------------


@pytest.mark.parametrize(
    "names",
    [
        ["華為技術有限公司"],
        ["huawei technologies"],
        ["HUAWEI TECHNOLOGIES CO.,LTD"],
        ["华为技术股份有限公司", "Whatever"],
    ],
)
def test_a_name_in_another_width_script_case_or_legal_form_is_flagged(huawei, names):
    matches = find_probable_duplicates(names=names)
    assert matches == [DuplicateMatch(enterprise=huawei, reasons=(Reason.NAME,))]
    assert [str(reason) for reason in matches[0].reasons] == ["名称相同（忽略全半角、文字系统和大小写）"]


def test_full_width_latin_matches_the_chinese_name_it_romanises_to(officer, huawei):
    short = create_enterprise(by=officer, name_zh_hans="华为", country="CN")
    assert names_of(find_probable_duplicates(names=["ＨＵＡＷＥＩ"])) == [("华为", ["name"])]
    assert find_probable_duplicates(names=["ＨＵＡＷＥＩ"], exclude_pk=short.pk) == []


def test_the_same_credit_code_is_flagged_first_whatever_the_name(officer, huawei):
    other = create_enterprise(by=officer, name_zh_hans="华为技术", name_en="Huawei Tech", country="CN")
    matches = find_probable_duplicates(names=["华为技术有限公司"], credit_code=f" {HUAWEI_CODE.lower()} ")
    assert names_of(matches) == [("华为技术有限公司", ["credit_code", "name"]), ("华为技术", ["name"])]
    assert names_of(find_probable_duplicates(names=["深圳某某公司"], credit_code=HUAWEI_CODE)) == [
        ("华为技术有限公司", ["credit_code"])
    ]
    assert str(Reason.CREDIT_CODE) == "统一社会信用代码相同"
    assert other.pk not in [m.enterprise.pk for m in find_probable_duplicates(names=[], credit_code=HUAWEI_CODE)]


def test_a_japanese_kabushiki_kaisha_is_found_by_its_names_in_any_form(officer):
    toyota = create_enterprise(
        by=officer,
        name_zh_hans="丰田汽车公司",
        name_en="Toyota Motor Corporation",
        name_ja="トヨタ自動車株式会社",
        country="JP",
        ownership=Ownership.FOREIGN,
    )
    for names in (["㈱トヨタ自動車"], ["株式会社トヨタ自動車"], ["TOYOTA MOTOR CORP."], ["豐田汽車"]):
        assert find_probable_duplicates(names=names) == [DuplicateMatch(toyota, (Reason.NAME,))], names
    assert find_probable_duplicates(names=["トヨタ自動織機株式会社"]) == []


def test_registration_number_counts_only_in_the_same_country(officer):
    sony = create_enterprise(
        by=officer, name_zh_hans="索尼", name_en="Sony Group", registration_number="0104-01-063404", country="JP"
    )
    found = find_probable_duplicates(names=["Sonic"], registration_number="0104-01-063404", country="jp")
    assert found == [DuplicateMatch(sony, (Reason.REGISTRATION_NUMBER,))]
    assert find_probable_duplicates(names=["Sonic"], registration_number="0104-01-063404", country="KR") == []
    assert find_probable_duplicates(names=["Sonic"], registration_number="0104-01-063404") == []


@pytest.mark.parametrize(
    "names",
    [
        ["华为海洋网络有限公司"],
        ["Huawei Marine Networks Co., Ltd."],
        ["华为技术深圳分公司"],
        ["中兴通讯股份有限公司", "ZTE Corporation"],
        [""],
        [],
    ],
)
def test_different_enterprises_are_not_flagged(huawei, names):
    assert find_probable_duplicates(names=names, credit_code="91440300279583285Q") == []


def test_numbered_names_are_not_duplicates_of_each_other(officer):
    create_enterprise(by=officer, name_zh_hans="北京示范企业1有限公司", country="CN")
    assert find_probable_duplicates(names=["北京示范企业2有限公司", "北京示范企业11有限公司"]) == []
    assert len(find_probable_duplicates(names=["北京示範企業1"])) == 1


# --- the batch form for imports ---------------------------------------------------------------


def test_rows_are_matched_like_single_lookups(officer, huawei):
    toyota = create_enterprise(by=officer, name_zh_hans="丰田汽车", name_ja="トヨタ自動車株式会社", country="JP")
    rows = [
        (["華為技術有限公司"], None),
        (["无关企业"], None),
        (["㈱トヨタ自動車", "Toyota"], HUAWEI_CODE),
        ([], ""),
    ]
    found = find_duplicates_for_rows(rows)
    assert sorted(found) == [0, 2]
    assert found[0] == [DuplicateMatch(huawei, (Reason.NAME,))]
    assert found[2] == [DuplicateMatch(huawei, (Reason.CREDIT_CODE,)), DuplicateMatch(toyota, (Reason.NAME,))]
    assert find_duplicates_for_rows([]) == {}


def test_rows_take_a_constant_number_of_queries(officer, huawei, count_queries):
    def rows(n):
        return [([f"新企业{i}有限公司", f"New Enterprise {i} Ltd"], f"9111000010000{i:04d}X") for i in range(n)] + [
            (["華為技術"], None)
        ]

    with count_queries() as one:
        single = find_duplicates_for_rows(rows(1))
    with count_queries() as hundred:
        many = find_duplicates_for_rows(rows(100))
    with count_queries() as thousands:
        find_duplicates_for_rows(rows(3000))
    assert one.count == hundred.count == thousands.count == 2
    assert single == {1: [DuplicateMatch(huawei, (Reason.NAME,))]}
    assert many == {100: [DuplicateMatch(huawei, (Reason.NAME,))]}


# --- groups across the register ------------------------------------------------------------------


def test_duplicate_groups_link_names_and_registration_numbers(officer, huawei):
    hant = create_enterprise(by=officer, name_zh_hans="華為技術", country="CN")
    english = create_enterprise(by=officer, name_zh_hans="华为科技", name_en="HUAWEI TECHNOLOGIES", country="CN")
    a = create_enterprise(by=officer, name_zh_hans="甲公司", registration_number="HRB 1234", country="DE")
    b = create_enterprise(by=officer, name_zh_hans="乙公司", registration_number="HRB 1234", country="DE")
    create_enterprise(by=officer, name_zh_hans="丙公司", registration_number="HRB 1234", country="AT")
    assert duplicate_groups() == [
        DuplicateGroup((a.pk, b.pk), (Reason.REGISTRATION_NUMBER,)),
        DuplicateGroup((huawei.pk, hant.pk, english.pk), (Reason.NAME,)),
    ]


# --- the enterprise form ------------------------------------------------------------------------


def test_form_flags_a_probable_duplicate_until_the_user_says_it_is_another(officer_client, huawei):
    data = {"name_zh_hans": "華為技術有限公司", "country": "CN", "ownership": Ownership.PRIVATE}
    response = officer_client.post("/en/office/enterprises/new/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "This enterprise is probably on file already" in page
    assert f'href="/en/office/enterprises/{huawei.pk}/"' in page
    assert "same name ignoring width, script and case" in page
    assert 'type="checkbox" name="not_a_duplicate"' in page
    assert Enterprise.objects.count() == 1

    response = officer_client.post("/en/office/enterprises/new/", {**data, "not_a_duplicate": "on"})
    assert response.status_code == 302
    assert sorted(Enterprise.objects.values_list("name_zh_hans", flat=True)) == ["华为技术有限公司", "華為技術有限公司"]


def test_form_without_a_duplicate_saves_without_asking(officer_client, huawei):
    response = officer_client.post(
        "/en/office/enterprises/new/", {"name_zh_hans": "中兴通讯", "country": "CN", "ownership": Ownership.PRIVATE}
    )
    assert response.status_code == 302
    assert Enterprise.objects.count() == 2


def test_form_refuses_a_credit_code_on_file_even_when_told_it_is_another(officer_client, huawei):
    data = {
        "name_zh_hans": "另一家公司",
        "credit_code": HUAWEI_CODE,
        "country": "CN",
        "ownership": Ownership.PRIVATE,
        "not_a_duplicate": "on",
    }
    response = officer_client.post("/en/office/enterprises/new/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Huawei Technologies Co., Ltd. already has this unified social credit code" in page
    assert "same unified social credit code" in page
    assert Enterprise.objects.count() == 1


def test_editing_other_fields_does_not_ask_again(officer_client, officer, huawei):
    twin = create_enterprise(by=officer, name_zh_hans="華為技術", country="CN")
    response = officer_client.post(
        f"/en/office/enterprises/{twin.pk}/edit/",
        {"name_zh_hans": "華為技術", "country": "CN", "ownership": Ownership.PRIVATE, "website": "huawei.com"},
    )
    assert response.status_code == 302
    twin.refresh_from_db()
    assert twin.website == "https://huawei.com"


def test_a_credit_code_saved_at_the_same_moment_is_a_form_error_not_a_crash(officer_client, huawei, monkeypatch):
    """Two people saving one code at once: the database's unique constraint decides."""

    def save_regardless(self, *args, **kwargs):
        raise IntegrityError("UNIQUE constraint failed: crm_enterprise.credit_code")

    monkeypatch.setattr(EnterpriseForm, "clean_credit_code", lambda form: form.cleaned_data["credit_code"])
    monkeypatch.setattr(Enterprise, "save", save_regardless)
    response = officer_client.post(
        "/en/office/enterprises/new/",
        {"name_zh_hans": "第三家", "credit_code": "91110000100000000X", "country": "CN", "ownership": "private"},
    )
    assert response.status_code == 200
    assert "Another enterprise has just been saved with this unified social credit code" in response.content.decode()


# --- the duplicates page -------------------------------------------------------------------------


def make_pairs(officer, count, start=0):
    for index in range(start, start + count):
        create_enterprise(by=officer, name_zh_hans=f"重复企业{index}有限公司", country="CN")
        create_enterprise(by=officer, name_zh_hans=f"重複企業{index}", country="CN")


def test_duplicates_page_lists_groups_with_reasons_and_merge_links(client, officer):
    head = UserFactory(role=Role.DEPARTMENT_HEAD)
    make_pairs(officer, 1)
    first, second = Enterprise.objects.order_by("pk")
    client.force_login(head)
    response = client.get("/en/office/enterprises/duplicates/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "same name ignoring width, script and case" in page
    assert f"/en/office/enterprises/{first.pk}/merge/{second.pk}/" in page
    assert [[e.pk for e, _names in members] for _group, members in response.context["groups"]] == [
        [first.pk, second.pk]
    ]


def test_duplicates_page_shows_officers_no_merge_link(officer_client, officer):
    make_pairs(officer, 1)
    page = officer_client.get("/en/office/enterprises/duplicates/").content.decode()
    assert "/merge/" not in page


def test_duplicates_page_when_there_are_none(officer_client):
    assert "No probable duplicates" in officer_client.get("/en/office/enterprises/duplicates/").content.decode()


def test_duplicates_page_query_count_does_not_grow_with_groups(officer_client, officer, count_queries):
    make_pairs(officer, 1)
    with count_queries() as one:
        assert officer_client.get("/en/office/enterprises/duplicates/").status_code == 200
    make_pairs(officer, 2, start=1)
    with count_queries() as three:
        response = officer_client.get("/en/office/enterprises/duplicates/")
    assert len(response.context["groups"]) == 3
    assert one.count == three.count


def test_sync_name_keys_is_idempotent(huawei):
    sync_name_keys(huawei)
    sync_name_keys(huawei)
    assert stored_keys(huawei) == ["huaweijishu", "huaweitechnologies"]

"""The search core: normalisation, tokenisation, and identical hits on SQLite and PostgreSQL."""

import pytest
from django.core.management import call_command
from django.db import connection

from tests.factories import DepartmentFactory, UserFactory
from yunzhao.accounts.models import Department, User
from yunzhao.core.models import SearchEntry
from yunzhao.core.search import (
    SearchHit,
    filter_queryset,
    index_object,
    normalise,
    query_tokens,
    remove_object,
    search,
    tokenise,
)

pytestmark = pytest.mark.django_db


# --- normalise ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ＡＢＣ１２３", "abc123"),
        ("Café", "cafe"),
        ("SOCIÉTÉ", "societe"),
        ("inversión", "inversion"),
        ("Straße", "strasse"),
        ("İstanbul", "istanbul"),
        ("ЁЛКА", "елка"),
        ("Йогурт", "йогурт"),
        ("приве́т", "привет"),
        ("اِسْتِثْمَار", "استثمار"),
        ("اســـتثمار", "استثمار"),
        ("أحمد إبراهيم آمال", "احمد ابراهيم امال"),
        ("مستشفى", "مستشفي"),
        ("مدينة", "مدينه"),
        ("ｶﾞｲﾄﾞ", "ガイド"),
        ("がいど", "がいど"),
        ("投资促进", "投资促进"),
        ("電池", "电池"),  # Japanese
        ("醫藥產業", "医药产业"),  # traditional Chinese
        ("株式会社", "株式会社"),  # nothing to fold
    ],
)
def test_normalise_folds_text_when_given_each_rule(text, expected):
    assert normalise(text) == expected


def test_normalise_gives_same_text_when_arabic_has_diacritics_or_not():
    assert normalise("اِسْتِثْمَار") == normalise("استثمار")


def test_normalise_changes_nothing_when_applied_twice():
    for text in ["Café ＡＢＣ", "ЁЛКА й", "اِسْتِثْمَار أحمد", "ｶﾞｲﾄﾞ 投资", "İstanbul Straße"]:
        assert normalise(normalise(text)) == normalise(text)


# --- tokenise and query_tokens ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("投资促进", ["投资", "资促", "促进", "投", "资", "促", "进"]),
        ("投", ["投"]),
        ("Invest in 投资, Tokyo!", ["invest", "in", "投资", "投", "资", "tokyo"]),
        ("2024年", ["2024", "年"]),
        ("テクノロジー", ["テク", "クノ", "ノロ", "ロジ", "ジー", "テ", "ク", "ノ", "ロ", "ジ", "ー"]),
        ("ソフト・バンク", ["ソフ", "フト", "ソ", "フ", "ト", "バン", "ンク", "バ", "ン", "ク"]),
        ("투자 안내", ["투자", "투", "자", "안내", "안", "내"]),
        ("هيئة الاستثمار", ["هيئه", "الاستثمار"]),
        ("Инвестиции в Россию", ["инвестиции", "в", "россию"]),
        ("foo_bar x' AND (y:*)", ["foo", "bar", "x", "and", "y"]),
        ("", []),
    ],
)
def test_tokenise_splits_text_when_indexing(text, expected):
    assert tokenise(text) == expected


def test_tokenise_cuts_words_when_longer_than_the_limit():
    assert tokenise("a" * 300) == ["a" * 255]


def test_tokenise_gives_same_tokens_when_katakana_is_half_width():
    assert tokenise("ｶﾀｶﾅ") == tokenise("カタカナ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("投资促进", ["投资", "资促", "促进"]),
        ("投", ["投"]),
        ("投资 Tokyo", ["投资", "tokyo"]),
        ("投资 投资", ["投资"]),
        ("テクノロジー", ["テク", "クノ", "ノロ", "ロジ", "ジー"]),
        ("Café", ["cafe"]),
        ("", []),
        ("   \t\n", []),
        ('"*:()', []),
    ],
)
def test_query_tokens_keeps_only_bigrams_when_cjk_run_is_longer(text, expected):
    assert query_tokens(text) == expected


# --- search: one corpus, the same hits on both databases -------------------------------

CORPUS = {
    "zh_agency": "投资促进局发布2024年招商政策",
    "zh_apart": "资本投向新能源产业",
    "zh_directory": "外商投资企业名录",
    "en_report": "Investment promotion agency annual report",
    "en_tokyo": "Invest in Tokyo: a guide for 投资 partners",
    "en_investors": "Investors meeting in Shanghai",
    "ja_technology": "テクノロジー企業の誘致",
    "ja_tokyo": "東京への投資ガイド",
    "ja_seminar": "インベストメント・セミナー",
    "ko_briefing": "외국인 투자 유치 설명회",
    "ko_network": "투자자 네트워크",
    "ar_plain": "فرص استثمار في الصين",
    "ar_vowelled": "دَلِيلُ اِسْتِثْمَار",
    "es_guide": "Guía de inversión extranjera",
    "es_energy": "Inversiones en energía",
    "fr_company": "Société d'investissement de Lyon",
    "ru_invest": "Инвестиции в Россию и Китай",
    "ru_tree": "Новогодняя ёлка в Пекине",
}


@pytest.fixture
def corpus():
    keys = {}
    for key, text in CORPUS.items():
        department = DepartmentFactory(name=text)
        index_object(department, text)
        keys[str(department.pk)] = key
    return keys


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Japanese and traditional characters are folded to simplified: 投資 and 投资 are one word.
        ("投资", {"zh_agency", "zh_directory", "en_tokyo", "ja_tokyo"}),
        ("资", {"zh_agency", "zh_apart", "zh_directory", "en_tokyo", "ja_tokyo"}),
        ("投資", {"zh_agency", "zh_directory", "en_tokyo", "ja_tokyo"}),
        ("テクノロジー", {"ja_technology"}),
        ("インベスト", {"ja_seminar"}),
        ("東京への投資", {"ja_tokyo"}),
        ("企業", {"ja_technology", "zh_directory"}),
        ("투자", {"ko_briefing", "ko_network"}),
        ("استثمار", {"ar_plain", "ar_vowelled"}),
        ("اِسْتِثْمَار", {"ar_plain", "ar_vowelled"}),
        ("inversión", {"es_guide", "es_energy"}),
        ("inversiones energia", {"es_energy"}),
        ("inversion extranjera", {"es_guide"}),
        ("SOCIETE", {"fr_company"}),
        ("ИНВЕСТИЦИИ", {"ru_invest"}),
        ("ЁЛКА", {"ru_tree"}),
        ("inves", {"en_report", "en_tokyo", "en_investors", "fr_company"}),
        ("investment promotion", {"en_report"}),
        ("Ｉｎｖｅｓｔｍｅｎｔ", {"en_report"}),
        ("in", {"en_tokyo", "en_investors"}),
        ("投资 Tokyo", {"en_tokyo"}),
        ("投资 tok", {"en_tokyo"}),
        ("2024", {"zh_agency"}),
        ("quantum computing", set()),
        ("", set()),
    ],
)
def test_search_finds_the_same_documents_when_queried_in_any_language(corpus, query, expected):
    assert {corpus[hit.object_id] for hit in search(query)} == expected


def test_search_orders_hits_best_first_when_terms_repeat():
    once = DepartmentFactory(name="once")
    thrice = DepartmentFactory(name="thrice")
    index_object(once, "investment guide for partners and friends")
    index_object(thrice, "investment investment investment")
    hits = search("investment")
    assert [hit.object_id for hit in hits] == [str(thrice.pk), str(once.pk)]
    assert hits[0].score > hits[1].score
    assert hits[0].model_label == "accounts.department"


def test_search_returns_frozen_hits_when_an_object_matches(department):
    index_object(department, "Qingdao port")
    [hit] = search("qingdao")
    assert hit == SearchHit(hit.content_type_id, str(department.pk), "accounts.department", hit.score)
    with pytest.raises(AttributeError):
        hit.object_id = "0"


def test_search_keeps_to_given_models_when_models_are_passed(department):
    user = UserFactory(department=department)
    index_object(department, "Suzhou industrial park")
    index_object(user, "Suzhou desk")
    assert [hit.object_id for hit in search("suzhou", models=[Department])] == [str(department.pk)]
    assert [hit.object_id for hit in search("suzhou", models=[User])] == [str(user.pk)]
    assert search("suzhou", models=[]) == []


def test_search_returns_at_most_limit_hits_when_more_match():
    for number in range(5):
        index_object(DepartmentFactory(), f"zone {number}")
    assert len(search("zone", limit=3)) == 3


def test_index_object_replaces_old_text_when_object_is_indexed_again(department):
    index_object(department, "Harbin ice festival", language="en")
    index_object(department, "Dalian shipyard", language="en")
    assert search("harbin") == []
    assert [hit.object_id for hit in search("dalian")] == [str(department.pk)]
    assert SearchEntry.objects.get().document == "dalian shipyard"


def test_remove_object_drops_entry_when_object_is_removed(department):
    index_object(department, "Harbin ice festival")
    remove_object(department)
    assert search("harbin") == []
    assert not SearchEntry.objects.exists()
    remove_object(department)  # removing twice is harmless


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"', set()),
        ("*", set()),
        (":", set()),
        ("'", set()),
        ("(", set()),
        ("\\", set()),
        ("AND", {"rd"}),
        ('"and"', {"rd"}),
        ("research AND development", {"rd"}),
        ("(research OR", set()),
        ("developm*", {"rd"}),
        ("'n'", {"rock"}),
        ("rock:*", {"rock"}),
        ("NEAR(rock roll)", set()),
        ("x' OR '1'='1", set()),
        ("'; DROP TABLE core_searchentry; --", set()),
    ],
)
def test_search_treats_syntax_as_text_when_query_holds_metacharacters(query, expected):
    research = DepartmentFactory()
    rock = DepartmentFactory()
    index_object(research, "Research and development")
    index_object(rock, "Rock 'n' roll")
    keys = {str(research.pk): "rd", str(rock.pk): "rock"}
    assert {keys[hit.object_id] for hit in search(query)} == expected
    assert {keys[str(pk)] for pk in filter_queryset(Department.objects.all(), query).values_list("pk", flat=True)} == (
        expected if query_tokens(query) else {"rd", "rock"}
    )
    assert SearchEntry.objects.count() == 2


def test_filter_queryset_combines_with_filters_when_searching_a_list():
    active = DepartmentFactory(name="active")
    inactive = DepartmentFactory(name="inactive", is_active=False)
    other = DepartmentFactory(name="other")
    user = UserFactory(department=other)
    for obj in (active, inactive, user):
        index_object(obj, "Shenzhen innovation")
    qs = filter_queryset(Department.objects.filter(is_active=True), "shenz")
    assert list(qs) == [active]
    assert list(filter_queryset(Department.objects.order_by("pk"), "")) == [active, inactive, other]


@pytest.mark.django_db(transaction=True)
def test_flush_empties_the_index_when_the_database_is_wiped():
    index_object(DepartmentFactory(), "Xiamen free trade zone")
    call_command("flush", interactive=False, verbosity=0)
    assert search("xiamen") == []
    department = DepartmentFactory()
    index_object(department, "Ningbo port")
    assert search("xiamen") == []
    assert [hit.object_id for hit in search("ningbo")] == [str(department.pk)]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO core_searchentry_fts (core_searchentry_fts) VALUES ('integrity-check')")


def test_search_finds_chinese_text_when_queried_in_japanese_or_traditional_characters(department):
    index_object(department, "华光储能科技有限公司", "锂电池储能系统", "医药产业园")
    assert [hit.object_id for hit in search("電池")] == [str(department.pk)]
    assert [hit.object_id for hit in search("醫藥")] == [str(department.pk)]
    assert search("電車") == []


def test_the_folding_migration_gives_stored_documents_what_indexing_again_gives(department):
    from importlib import import_module

    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    migration = import_module("yunzhao.core.migrations.0007_fold_cjk_variants_in_search_entries")
    before_folding = "電池 電 池 ab"  # what indexing "電池 ab" stored before characters were folded
    entry = SearchEntry.objects.create(
        content_type=ContentType.objects.get_for_model(department), object_id="1", document=before_folding
    )
    migration.fold_documents(apps, None)
    entry.refresh_from_db()
    assert entry.document == " ".join(tokenise("電池 ab")) == "电池 电 池 ab"
    assert [hit.object_id for hit in search("电池")] == ["1"]

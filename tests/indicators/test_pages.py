"""The figures' pages through the test client: who may do what, entering values, the public overview."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import UserFactory
from tests.indicators.factories import IndicatorFactory, IndicatorValueFactory, seeds_trade
from yunzhao.accounts.models import Role
from yunzhao.core import pagecache
from yunzhao.core.models import AuditEntry
from yunzhao.core.pagecache import content_version
from yunzhao.indicators.models import Indicator, IndicatorValue

pytestmark = pytest.mark.django_db


def _client(client, role):
    client.force_login(UserFactory(role=role, department=None if role == Role.LEADER else UserFactory().department))
    return client


@pytest.mark.parametrize("role", [Role.OFFICER, Role.DEPARTMENT_HEAD, Role.ADMINISTRATOR])
def test_staff_who_work_read_and_change_the_figures(client, role):
    zone, _national = seeds_trade()
    value = zone.values.get(year=2023)
    client = _client(client, role)
    for url in (
        "/en/office/figures/",
        f"/en/office/figures/{zone.pk}/",
        f"/en/office/figures/{zone.pk}/edit/",
        f"/en/office/figures/{zone.pk}/values/new/",
        f"/en/office/figures/values/{value.pk}/edit/",
        "/en/office/figures/import/",
        "/en/office/figures/new/",
    ):
        assert client.get(url).status_code == 200, url


def test_leaders_read_the_figures_and_change_nothing(client):
    zone, _national = seeds_trade()
    value = zone.values.get(year=2023)
    client = _client(client, Role.LEADER)
    assert client.get("/en/office/figures/").status_code == 200
    assert client.get(f"/en/office/figures/{zone.pk}/").status_code == 200
    assert client.get("/en/office/figures/import/template.xlsx").status_code == 200
    for url in (
        f"/en/office/figures/{zone.pk}/edit/",
        f"/en/office/figures/{zone.pk}/values/new/",
        f"/en/office/figures/values/{value.pk}/edit/",
        "/en/office/figures/import/",
        "/en/office/figures/new/",
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(f"/en/office/figures/values/{value.pk}/delete/").status_code == 403
    assert IndicatorValue.objects.filter(pk=value.pk).exists()


def test_investors_never_reach_the_figures_and_visitors_are_sent_to_sign_in(client):
    assert client.get("/en/office/figures/").status_code == 302
    client.force_login(UserFactory(role=Role.INVESTOR, department=None))
    assert client.get("/en/office/figures/").status_code == 403


def test_the_list_shows_the_latest_value_and_derived_figures(officer_client):
    seeds_trade()
    html = officer_client.get("/en/office/figures/").content.decode()
    assert "Imports and exports" in html
    assert "8,992.4" in html
    assert "+11.6%" in html
    assert "6.8 percentage points" in html
    assert "20.8%" in html


def test_the_list_answers_in_as_many_queries_for_one_and_three_indicators(officer_client, count_queries):
    def add(n):
        for _ in range(n):
            IndicatorValueFactory(indicator=IndicatorFactory(), year=2023, quarter=1)

    add(1)
    officer_client.get("/en/office/figures/")
    with count_queries() as one:
        officer_client.get("/en/office/figures/")
    add(2)
    with count_queries() as three:
        officer_client.get("/en/office/figures/")
    assert one.count == three.count


def test_an_officer_enters_a_value(officer_client, officer):
    zone = IndicatorFactory(code="trade_total")

    response = officer_client.post(
        f"/en/office/figures/{zone.pk}/values/new/",
        {"year": "2023", "quarter": "1", "value": "8,992.4", "source": "Beijing Customs"},
    )

    assert response.status_code == 302
    assert response["Location"] == f"/en/office/figures/{zone.pk}/"
    value = IndicatorValue.objects.get()
    assert (value.year, value.quarter, value.value, value.updated_by) == (2023, 1, Decimal("8992.4"), officer)
    assert AuditEntry.objects.filter(action="indicator.value.entered").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_value_entered_shows_on_the_next_overview_request(client):
    zone = IndicatorFactory(code="trade_total", name_en="Imports and exports")
    IndicatorValueFactory(indicator=zone, year=2022, quarter=4, value=Decimal("36445.6"))
    assert "899.24" not in client.get("/en/overview/").content.decode()  # now in the page cache
    officer = UserFactory(role=Role.OFFICER)
    before = content_version()
    staff = Client()
    staff.force_login(officer)

    staff.post(f"/en/office/figures/{zone.pk}/values/new/", {"year": "2023", "quarter": "1", "value": "8992.4"})

    assert content_version() == before + 1
    assert "899.24 billion\u00a0yuan" in client.get("/en/overview/").content.decode()


def test_a_bad_number_is_refused_in_the_user_language_keeping_what_was_typed(officer_client):
    zone = IndicatorFactory(code="trade_total")
    response = officer_client.post(
        f"/en/office/figures/{zone.pk}/values/new/",
        {"year": "2023", "quarter": "2", "value": "八千九百", "source": "海关"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "“八千九百” is not a number: write it with digits and a decimal point, e.g. 8992.4." in html
    assert 'value="八千九百"' in html
    assert 'value="海关"' in html
    assert IndicatorValue.objects.count() == 0


def test_a_period_already_entered_is_refused_keeping_what_was_typed(officer_client):
    zone = IndicatorFactory(code="trade_total", name_en="Imports and exports")
    IndicatorValueFactory(indicator=zone, year=2023, quarter=1, value=Decimal("8992.4"))
    response = officer_client.post(
        f"/en/office/figures/{zone.pk}/values/new/",
        {"year": "2023", "quarter": "1", "value": "9000", "source": "海关"},
    )
    html = response.content.decode()
    assert "Imports and exports already has a value for 2023 Q1: edit that value instead." in html
    assert 'value="9000"' in html
    assert IndicatorValue.objects.get().value == Decimal("8992.4")


def test_an_officer_corrects_and_removes_a_value(officer_client):
    value = IndicatorValueFactory(value=Decimal("1"))
    response = officer_client.post(f"/en/office/figures/values/{value.pk}/edit/", {"value": "2.5", "source": "fixed"})
    assert response.status_code == 302
    value.refresh_from_db()
    assert (value.value, value.source) == (Decimal("2.5"), "fixed")
    assert AuditEntry.objects.get(action="indicator.value.changed").before == {"value": "1.0000", "source": "北京海关"}

    officer_client.post(f"/en/office/figures/values/{value.pk}/delete/")
    assert not IndicatorValue.objects.exists()


def test_an_officer_writes_an_indicator_name_in_japanese_and_sees_the_status(officer_client):
    zone = IndicatorFactory(code="trade_total", name_ja="", unit_ja="")
    page = officer_client.get(f"/en/office/figures/{zone.pk}/edit/?language=ja").content.decode()
    assert "Missing" in page

    response = officer_client.post(
        f"/en/office/figures/{zone.pk}/edit/?language=ja",
        {
            "name": "輸出入総額",
            "description": "",
            "unit": "億元",
            "base_unit": "元",
            "category": "trade",
            "aggregation": "flow",
            "scale": "8",
            "decimals": "1",
            "on_overview": "on",
            "sort_order": "10",
            "national_counterpart": "",
            "status": "published",
        },
    )

    assert response.status_code == 302
    zone.refresh_from_db()
    assert (zone.name_ja, zone.unit_ja, zone.name_zh_hans) == ("輸出入総額", "億元", zone.name_zh_hans)
    assert "ja" in zone.translated_at


def test_an_officer_creates_an_indicator(officer_client):
    response = officer_client.post(
        "/en/office/figures/new/?language=zh-hans",
        {
            "code": "talent_count",
            "name": "人才总量",
            "unit": "人",
            "category": "talent",
            "aggregation": "stock",
            "scale": "0",
            "decimals": "0",
            "sort_order": "100",
            "status": "draft",
        },
    )
    indicator = Indicator.objects.get(code="talent_count")
    assert response["Location"] == f"/en/office/figures/{indicator.pk}/"
    assert indicator.name_zh_hans == "人才总量"


def test_the_overview_shows_the_latest_quarter_with_its_derived_figures_in_english(client):
    seeds_trade()
    html = client.get("/en/overview/").content.decode()
    assert "<title>Zone overview · " in html
    assert "899.24 billion\u00a0yuan" in html
    assert "+11.6% year on year" in html
    assert "6.8 percentage points above the national growth" in html
    assert "Contribution to the national growth: 20.8%" in html
    assert 'role="img"' in html
    assert "<caption>Imports and exports by quarter (100 million yuan)</caption>" in html


def test_the_overview_in_chinese_counts_in_yi(client):
    seeds_trade()
    html = client.get("/zh-hans/overview/").content.decode()
    assert "8,992.4亿元" in html
    assert "6.8个百分点" in html


def test_the_overview_without_figures_says_so(client):
    assert client.get("/en/overview/").status_code == 200


def test_the_overview_is_in_the_sitemap(client):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/en/overview/" in xml


def test_the_overview_says_which_names_fall_back_to_another_language(client):
    seeds_trade()
    html = client.get("/ko/overview/").content.decode()
    assert '<bdi lang="en">Imports and exports</bdi>' in html
    with translation.override("ko"):
        notice = gettext("Some names are not yet available in your language and are shown in %(languages)s.")
        english = str(dict(settings.LANGUAGES)["en"])
    assert notice % {"languages": english} in html


def test_the_overview_answers_in_as_many_queries_for_one_and_three_indicators(client, count_queries):
    def add(n):
        for _ in range(n):
            indicator = IndicatorFactory()
            IndicatorValueFactory(indicator=indicator, year=2022, quarter=1)
            IndicatorValueFactory(indicator=indicator, year=2023, quarter=1)

    add(1)
    with count_queries() as one:
        assert client.get("/zh-hans/overview/").status_code == 200
    pagecache.clear()
    add(2)
    with count_queries() as three:
        assert client.get("/zh-hans/overview/").status_code == 200
    assert one.count == three.count


def test_the_office_pages_render_in_chinese(officer_client):
    zone, _national = seeds_trade()
    assert "进出口总额" in officer_client.get("/zh-hans/office/figures/").content.decode()
    assert "8,992.4" in officer_client.get(f"/zh-hans/office/figures/{zone.pk}/").content.decode()

"""The channel list, a channel's page and the search page in a real browser, in Chinese, English and Arabic."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from yunzhao.accounts.models import Role
from yunzhao.accounts.organisation import create_department
from yunzhao.core.models import ExchangeRate
from yunzhao.crm.channels import create_channel
from yunzhao.crm.contacts import create_contact
from yunzhao.crm.enterprises import create_enterprise
from yunzhao.crm.models import ChannelKind, Ownership
from yunzhao.pipeline.models import Stage, StageChange
from yunzhao.pipeline.projects import create_project

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

STAGES = [Stage.LEAD, Stage.NEGOTIATING, Stage.CONTRACT_SIGNED, Stage.REGISTERED, Stage.PRODUCTION, Stage.LOST]


def assert_no_horizontal_scroll(page):
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the page is {widths[0]} px wide in a {widths[1]} px window"


@pytest.fixture
def zone():
    agency = create_department(name="示范区管委会", code="agency", kind="agency")
    unit = create_department(name="招商一部", code="unit-1", kind="department", parent=agency)
    head = UserFactory(email="head@example.org", full_name="王主任", role=Role.DEPARTMENT_HEAD, department=agency)
    keeper = UserFactory(email="keeper@example.org", full_name="李招商", role=Role.OFFICER, department=unit)
    ExchangeRate.objects.create(currency="JPY", valid_from=dt.date(2024, 1, 1), cny_per_unit=Decimal("0.048"))
    channels = [
        create_channel(
            by=keeper,
            name_zh_hans="日本关西对华投资促进中心",
            name_en="Kansai China Investment Promotion Centre",
            name_ja="関西対中投資促進センター",
            kind=ChannelKind.INVESTMENT_OFFICE,
            country="JP",
            agreement_date=dt.date(2021, 4, 12),
            keeper=keeper,
        ),
        create_channel(
            by=keeper,
            name_zh_hans="阿联酋中国商会",
            name_en="China Chamber of Commerce in the UAE",
            name_ar="غرفة التجارة الصينية في الإمارات",
            kind=ChannelKind.CHAMBER,
            country="AE",
            agreement_date=dt.date(2023, 11, 2),
            keeper=keeper,
        ),
        create_channel(
            by=keeper,
            name_zh_hans="里昂中法商会",
            name_en="Lyon France-China Chamber of Commerce",
            name_fr="Chambre de commerce franco-chinoise de Lyon",
            kind=ChannelKind.CHAMBER,
            country="FR",
        ),
    ]
    enterprise = create_enterprise(
        by=keeper,
        name_zh_hans="樱花投资管理有限公司",
        name_en="Sakura Investment Management Co., Ltd.",
        name_ja="サクラインベストメント株式会社",
        country="JP",
        ownership=Ownership.FOREIGN,
    )
    create_contact(enterprise=enterprise, by=keeper, name="山田太郎", latin_name="Taro Yamada", data_source="card")
    for index in range(12):
        channel = channels[index % 2]
        project = create_project(
            by=keeper,
            department=unit,
            owner=keeper,
            enterprise=enterprise,
            channel=channel,
            source="channel",
            title_zh_hans=f"投资合作项目{index:02d}",
            title_en=f"Investment cooperation project {index:02d}",
            title_ar=f"مشروع التعاون الاستثماري {index:02d}",
            planned_investment=Decimal(50_000_000 + index * 10_000_000),
            currency="JPY" if index % 3 == 0 else "CNY",
        )
        stage = STAGES[index % len(STAGES)]
        when = timezone.make_aware(dt.datetime(2024 + index % 3, 3 + index % 6, 5, 10, 0))
        StageChange.objects.filter(project=project).update(effective_at=when - dt.timedelta(days=200))
        if stage != Stage.LEAD:
            StageChange.objects.create(project=project, from_stage=Stage.LEAD, to_stage=stage, effective_at=when)
            project.stage = stage
            project.save(update_fields=["stage"])
    return {"head": head, "channel": channels[0]}


@pytest.mark.parametrize("code", ["zh-hans", "en", "ar"])
def test_channel_and_search_pages_render_and_pass_axe(page, login_as, axe_violations, screenshot, zone, code):
    login_as(page, zone["head"])
    base = f"{page.live_server_url}/{code}/office"

    page.goto(f"{base}/channels/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
    assert page.locator("tbody tr").count() == 3
    assert_no_horizontal_scroll(page)
    screenshot(page, f"office-channels-{code}")
    assert axe_violations(page) == []

    page.goto(f"{base}/channels/{zone['channel'].pk}/")
    assert page.locator("#figure-sourced").inner_text() == "6"
    assert_no_horizontal_scroll(page)
    screenshot(page, f"office-channel-{code}")
    assert axe_violations(page) == []

    page.goto(f"{base}/")
    page.locator("#office-search-q").fill("投资")
    page.locator("#office-search-q").press("Enter")
    page.wait_for_url("**/office/search/?q=*")
    assert page.locator("#results-enterprise li").count() == 1
    assert page.locator("#results-project li").count() == 8
    assert page.locator("#results-channel li").count() == 1
    assert_no_horizontal_scroll(page)
    screenshot(page, f"office-search-{code}")
    assert axe_violations(page) == []

    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("search/?q=投资", "channels/", f"channels/{zone['channel'].pk}/"):
        page.goto(f"{base}/{path}")
        assert_no_horizontal_scroll(page)
    screenshot(page, f"office-channel-phone-{code}")


def test_search_shows_the_name_that_matched_in_its_language(page, login_as, screenshot, zone):
    login_as(page, zone["head"])
    page.goto(f"{page.live_server_url}/en/office/search/?q=インベストメント")
    link = page.locator("#results-enterprise a[lang=ja]")
    assert link.inner_text() == "サクラインベストメント株式会社"
    screenshot(page, "office-search-japanese-en")
    link.click()
    page.wait_for_url("**/en/office/enterprises/*/")

"""The portal's content pages in a real browser, with the demonstration zone's content: the letter,
advantages, services, policies and the finder, in Chinese, English and Arabic (right to left),
checked with axe and photographed; a phone-sized window never scrolls sideways."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

import pytest

from tests.factories import DepartmentFactory, UserFactory
from yunzhao.accounts.models import DepartmentKind, Role
from yunzhao.core import pagecache
from yunzhao.core.models import ExchangeRate
from yunzhao.crm.industries import load_industries
from yunzhao.crm.models import Industry
from yunzhao.demo import indicators as demo_indicators
from yunzhao.demo import portal as demo_portal
from yunzhao.portal.models import Opportunity, Policy

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("zh-hans", "en", "ar")
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def zone():
    pagecache.clear()
    load_industries()
    departments = {
        code: DepartmentFactory(name=name, code=code, kind=DepartmentKind.DISTRICT)
        for code, name in (("daxing", "大兴区"), ("tongzhou", "通州区"))
    }
    ExchangeRate.objects.create(currency="USD", valid_from=dt.date(2020, 1, 1), cny_per_unit=Decimal("7.24"))
    demo_indicators.ensure_content(departments, {}, Counter())  # the figures the advantages show
    demo_portal.ensure_content(departments, {}, Counter())
    yield
    pagecache.clear()


def assert_no_horizontal_scroll(page):
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the page is {widths[0]} px wide in a {widths[1]} px window"


def finder_query() -> str:
    batteries = Industry.objects.get(code="38")
    return f"?industry={batteries.pk}&amount=50000000&currency=USD&ownership=foreign&jobs=150"


@pytest.mark.parametrize("code", LANGUAGES)
def test_portal_content_pages_render_and_pass_axe(page, zone, axe_violations, screenshot, code):
    base = f"{page.live_server_url}/{code}"
    policy = Policy.objects.get(title_en="Landing award for major foreign-invested new-energy projects")
    opportunity = Opportunity.objects.order_by("sort_order").first()
    pages = {
        "home": "/",
        "invitation": "/invitation/",
        "advantages": "/advantages/",
        "services": "/services/",
        "policy-list": "/services/policies/",
        "policy-detail": f"/services/policies/{policy.pk}/",
        "opportunity": f"/opportunities/{opportunity.pk}/",
        "finder": f"/services/policies/finder/{finder_query()}",
    }
    for name, path in pages.items():
        page.goto(base + path)
        assert page.locator("html").get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
        screenshot(page, f"portal-{name}-{code}")
        assert axe_violations(page) == [], f"{name} in {code}"


def test_an_investor_finds_the_policies_for_a_50_million_dollar_new_energy_project(page, zone):
    page.goto(f"{page.live_server_url}/en/services/")
    page.get_by_role("link", name="Which policies apply to my project?").first.click()
    page.select_option("#id_industry", str(Industry.objects.get(code="38").pk))
    page.fill("#id_amount", "50000000")
    page.select_option("#id_currency", "USD")
    page.select_option("#id_ownership", "foreign")
    page.get_by_role("button", name="Find policies").click()
    page.wait_for_url("**/services/policies/finder/?*")
    award = page.locator("article", has_text="Landing award for major foreign-invested new-energy projects")
    assert award.count() == 1
    text = award.inner_text()
    assert "Investment ≥ CN¥100 million: yours is CN¥362 million." in text
    assert "yours is Foreign-funded." in text
    assert "Your investment of $50 million is CN¥362 million" in page.locator("main").inner_text()


def test_the_japanese_reader_sees_the_letter_in_japanese(page, zone):
    page.goto(f"{page.live_server_url}/ja/invitation/")
    assert page.locator("h1").inner_text() == "世界の投資家の皆様への手紙"
    assert page.locator("article.letter").get_attribute("lang") == "ja"


@pytest.mark.parametrize("code", ["en", "ar"])
def test_finder_and_services_fit_a_phone(browser, live_server, zone, code):
    context = browser.new_context(viewport=PHONE)
    phone = context.new_page()
    for path in ("/services/", "/services/policies/", f"/services/policies/finder/{finder_query()}", "/invitation/"):
        phone.goto(f"{live_server.url}/{code}{path}")
        assert_no_horizontal_scroll(phone)
    context.close()


def test_the_back_office_content_home_passes_axe(page, login_as, zone, axe_violations, screenshot):
    login_as(page, UserFactory(role=Role.OFFICER))
    page.goto(f"{page.live_server_url}/zh-hans/office/content/")
    screenshot(page, "office-content-home-zh-hans")
    assert axe_violations(page) == []
    policy = Policy.objects.order_by("pk").first()
    page.goto(f"{page.live_server_url}/zh-hans/office/content/policy/{policy.pk}/?language=ar")
    screenshot(page, "office-content-edit-ar")
    assert axe_violations(page) == []

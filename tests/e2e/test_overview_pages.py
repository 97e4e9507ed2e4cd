"""The zone overview in a real browser: the demo's figures, a chart per indicator with its table,
in Chinese, English and Arabic (right to left), with no axe violation; readable without JavaScript."""

from __future__ import annotations

from collections import Counter

import pytest

from yunzhao.core import pagecache
from yunzhao.demo import indicators as demo_indicators

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def figures():
    pagecache.clear()
    demo_indicators.ensure_content({}, {}, Counter())
    yield
    pagecache.clear()


@pytest.mark.parametrize("code", ["zh-hans", "en", "ar"])
def test_the_overview_draws_its_charts_with_tables_in_every_direction(page, figures, axe_violations, screenshot, code):
    page.goto(f"{page.live_server_url}/{code}/overview/")

    charts = page.locator("[data-chart]")
    assert charts.count() == 6
    first = charts.first
    first.locator("svg").wait_for()
    assert first.get_attribute("role") == "img"
    assert first.get_attribute("aria-label")
    assert first.is_visible()
    assert page.locator("details[data-chart-table] table caption").count() == 6
    assert page.evaluate("document.documentElement.dir") == ("rtl" if code == "ar" else "ltr")
    if code == "en":
        assert "2024 Q4" in page.locator("main").inner_text()
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1]
    assert axe_violations(page) == []
    screenshot(page, f"overview-{code}")


def test_the_overview_tables_are_open_without_javascript(browser, live_server, figures):
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    page.goto(f"{live_server.url}/en/overview/")
    trade = page.locator("#chart-trade_total-heading").locator("xpath=..")
    assert trade.locator("table").is_visible()
    assert "8,992.4" in trade.locator("table").inner_text()
    assert not trade.locator("[data-chart]").is_visible()
    context.close()


def test_the_overview_fits_a_phone_in_arabic(page, figures, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{page.live_server_url}/ar/overview/")
    page.locator("[data-chart] svg").first.wait_for()
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1]
    screenshot(page, "overview-phone-ar", full_page=False)

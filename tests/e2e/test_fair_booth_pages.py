"""The online fair's booths in a real browser: an exhibitor sets up the booth in Chinese, English
and Japanese, adds a product and publishes; a visitor finds it through a Japanese search."""

from __future__ import annotations

import pytest

from tests.factories import PASSWORD
from tests.matchmaking.factories import BoothFactory, ExhibitorFactory, FairFactory, HallFactory
from yunzhao.matchmaking.models import Booth, Product

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_exhibitor_sets_up_a_booth_and_a_japanese_visitor_finds_it(
    page, browser, live_server, screenshot, axe_violations
):
    fair = FairFactory(
        slug="cloud-fair", title_zh_hans="云上投资贸易博览会", title_en="Online Investment and Trade Fair"
    )
    hall = HallFactory(fair=fair, name_zh_hans="新能源馆", name_en="New Energy Hall", name_ja="新エネルギー館")
    booth = BoothFactory(fair=fair, hall=hall, number="A101", name_zh_hans="待填写", name_en="", status="draft")
    exhibitor = ExhibitorFactory(full_name="王芳")
    booth.accounts.add(exhibitor)
    base = f"{page.live_server_url}/zh-hans/fairs/{fair.slug}"
    edit_url = f"{base}/exhibitor/booths/{booth.pk}/"

    # The exhibitor signs in and lands in the exhibitor area.
    page.goto(f"{page.live_server_url}/zh-hans/accounts/login/?next=/zh-hans/fairs/{fair.slug}/exhibitor/")
    page.get_by_label("电子邮箱").fill(exhibitor.email)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录", exact=True).click()
    page.wait_for_url(f"{base}/exhibitor/")
    page.locator(f'a[href="/zh-hans/fairs/{fair.slug}/exhibitor/booths/{booth.pk}/"]').click()
    page.wait_for_url(edit_url)

    # Chinese first, with a website typed without its scheme.
    page.fill("#id_name_zh_hans", "华光储能科技有限公司")
    page.fill("#id_description_zh_hans", "专注家用与工商业储能系统，产品出口日本与欧洲。")
    page.fill("#id_website", "huaguang.example.cn")
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_url(f"{edit_url}?language=zh-hans")
    assert "已保存" in page.locator("main").inner_text()

    # English, then Japanese, with the Chinese text beside for reference.
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{edit_url}?language=en")
    assert "专注家用与工商业储能系统" in page.locator("main").inner_text()
    page.fill("#id_name_en", "Huaguang Energy Storage Co., Ltd.")
    page.fill("#id_description_en", "Home and commercial energy storage, exported to Japan and Europe.")
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_url(f"{edit_url}?language=en")
    page.get_by_role("link", name="日本語").click()
    page.wait_for_url(f"{edit_url}?language=ja")
    page.fill("#id_name_ja", "華光蓄電池株式会社")
    page.fill("#id_description_ja", "家庭用・産業用の蓄電池システム。")
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_url(f"{edit_url}?language=ja")

    # A product with a reversed price range is refused, then corrected.
    page.goto(f"{edit_url}?language=zh-hans")
    page.locator(f'a[href^="/zh-hans/fairs/{fair.slug}/exhibitor/booths/{booth.pk}/products/new/"]').click()
    page.fill("#id_name_zh_hans", "磷酸铁锂储能柜")
    page.fill("#id_specifications_zh_hans", "容量: 215 kWh\n循环寿命: 6000 次")
    page.fill("#id_minimum_order", "2 台")
    page.fill("#id_price_min", "25000")
    page.fill("#id_price_max", "20000")
    page.fill("#id_certifications", "CE, UL9540")
    page.locator("main form button[type=submit]").click()
    page.locator("#id_price_max-error").wait_for()
    assert page.locator("#id_name_zh_hans").input_value() == "磷酸铁锂储能柜"
    page.fill("#id_price_max", "30000")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/exhibitor/products/*/?language=zh-hans")
    assert Product.objects.get().price_max == 30000

    # Publish.
    page.goto(f"{edit_url}?language=zh-hans")
    page.locator("button[name=action][value=publish]").click()
    page.wait_for_url(f"{edit_url}?language=zh-hans")
    assert Booth.objects.get(pk=booth.pk).is_published
    screenshot(page, "fair-exhibitor-edit-zh-hans")
    page.goto(f"{page.live_server_url}/en/fairs/{fair.slug}/exhibitor/booths/{booth.pk}/?language=ja")
    screenshot(page, "fair-exhibitor-edit-en")
    page.goto(f"{page.live_server_url}/ar/fairs/{fair.slug}/exhibitor/booths/{booth.pk}/?language=ar")
    assert page.locator("#id_name_ar").get_attribute("dir") == "rtl"
    screenshot(page, "fair-exhibitor-edit-ar")

    page.goto(f"{page.live_server_url}/ar/fairs/{fair.slug}/")
    screenshot(page, "fair-detail-ar")

    # A Japanese visitor searches the fair in Japanese and finds the booth.
    context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900})
    visitor = context.new_page()
    visitor.goto(f"{live_server.url}/ja/fairs/{fair.slug}/")
    visitor.get_by_role("searchbox").fill("蓄電池")
    visitor.get_by_role("searchbox").press("Enter")
    visitor.wait_for_url("**/ja/fairs/cloud-fair/search/?q=*")
    screenshot(visitor, "fair-search-ja")
    visitor.get_by_role("link", name="華光蓄電池株式会社").click()
    visitor.wait_for_url(f"**/ja/fairs/{fair.slug}/booths/{booth.pk}/")
    assert "家庭用・産業用の蓄電池システム。" in visitor.locator("main").inner_text()
    assert "磷酸铁锂储能柜" in visitor.locator("main").inner_text()
    assert axe_violations(visitor) == []
    context.close()

    # The booth page in Chinese, English and Arabic (Arabic falls back and says so).
    for code in ("zh-hans", "en", "ar"):
        page.goto(f"{page.live_server_url}/{code}/fairs/{fair.slug}/booths/{booth.pk}/")
        screenshot(page, f"fair-booth-{code}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("main [role=note]").count() == 1
    page.goto(f"{page.live_server_url}/en/fairs/{fair.slug}/products/{Product.objects.get().pk}/")
    assert "215 kWh" in page.locator("table").inner_text()
    screenshot(page, "fair-product-en")

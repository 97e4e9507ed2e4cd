"""The import pages in a real browser: upload, column mapping, preview and review, in three languages."""

import pytest

from tests.factories import DepartmentFactory, IndustryFactory, UserFactory
from tests.workbooks.conftest import credit_code, xlsx_bytes
from yunzhao.accounts.models import Role
from yunzhao.crm.models import Enterprise

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HEADERS = ["名称", "Name (English)", "统一社会信用代码", "Country", "Industry code", "备注"]
ROWS = [
    ["恩力动力有限公司", "Enli Power", credit_code(41), "CN", "65", ""],
    ["山田精机（苏州）有限公司", "Yamada Seiki", credit_code(42)[:-1] + "0", "JP", "65", ""],
    ["مجموعة الإمارات للاستثمار", "Emirates Investment Group", None, "AE", "65", "阿联酋"],
]


def assert_no_horizontal_scroll(page):
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the page is {widths[0]} px wide in a {widths[1]} px window"


@pytest.mark.parametrize("code", ["zh-hans", "en", "ar"])
def test_upload_mapping_preview_and_review_pages(page, login_as, axe_violations, screenshot, tmp_path, code):
    section = IndustryFactory(code="I")
    IndustryFactory(code="65", name_zh_hans="软件和信息技术服务业", parent=section)
    officer = UserFactory(role=Role.OFFICER, department=DepartmentFactory(), email="officer@example.org")
    workbook = tmp_path / "企业名单.xlsx"
    workbook.write_bytes(xlsx_bytes(HEADERS, ROWS))
    login_as(page, officer)
    base = f"{page.live_server_url}/{code}/office/workbooks"

    page.goto(f"{base}/imports/new/enterprises/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
    screenshot(page, f"workbook-upload-{code}")
    assert axe_violations(page) == []
    page.locator("input[type=file]").set_input_files(str(workbook))
    page.locator("form.card button[type=submit]").click()

    page.wait_for_url("**/columns/")
    assert page.locator("select").count() == len(HEADERS)
    assert page.locator("select").nth(0).input_value() == "name_zh_hans"
    assert page.locator("select").nth(5).input_value() == ""
    assert_no_horizontal_scroll(page)
    screenshot(page, f"workbook-mapping-{code}")
    assert axe_violations(page) == []
    page.locator("form.card button[type=submit]").click()

    page.wait_for_url("**/preview/")
    assert page.locator("tbody tr.table-danger").count() == 2  # the row and its errors
    assert_no_horizontal_scroll(page)
    screenshot(page, f"workbook-preview-{code}")
    assert axe_violations(page) == []
    page.locator("main form button[type=submit]").click()

    page.wait_for_url("**/imports/*/")
    page.locator("#id_skip_invalid").check()
    screenshot(page, f"workbook-review-{code}")
    assert axe_violations(page) == []
    page.locator("main form button[type=submit]").click()
    page.locator(".alert-success").wait_for()
    assert sorted(Enterprise.objects.values_list("name_en", flat=True)) == ["Emirates Investment Group", "Enli Power"]
    screenshot(page, f"workbook-done-{code}")


def test_the_export_link_follows_the_filters_chosen_on_the_enterprise_list(page, login_as):
    officer = UserFactory(role=Role.OFFICER, department=DepartmentFactory())
    login_as(page, officer)
    page.goto(f"{page.live_server_url}/en/office/enterprises/")
    page.get_by_label("Country").fill("JP")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/en/office/enterprises/?*country=JP*")
    link = page.get_by_role("link", name="Export to Excel")
    page.wait_for_function("document.getElementById('export-enterprises').search.includes('country=JP')")
    assert link.get_attribute("href") is not None
    assert page.evaluate("document.getElementById('export-enterprises').search") == "?q=&country=JP&ownership="

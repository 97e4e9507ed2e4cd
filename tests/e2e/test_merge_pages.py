import pytest

from tests.factories import ContactFactory, ProjectFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.crm.enterprises import create_enterprise
from yunzhao.crm.models import Enterprise, Ownership

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def assert_no_horizontal_scroll(page):
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the page is {widths[0]} px wide in a {widths[1]} px window"


@pytest.fixture
def register():
    officer = UserFactory(role=Role.OFFICER, full_name="李专员")
    head = UserFactory(role=Role.DEPARTMENT_HEAD, full_name="王主任", department=officer.department)
    keep = create_enterprise(
        by=officer,
        name_zh_hans="丰田汽车（中国）投资有限公司",
        name_en="Toyota Motor (China) Investment Co., Ltd.",
        credit_code="91110000717828315T",
        country="CN",
        ownership=Ownership.FOREIGN,
        website="https://www.toyota.com.cn",
    )
    absorb = create_enterprise(
        by=officer,
        name_zh_hans="豐田汽車(中國)投資",
        name_ja="トヨタ自動車（中国）投資株式会社",
        country="JP",
        ownership=Ownership.FOREIGN,
        registration_number="0180-01-008846",
    )
    create_enterprise(
        by=officer, name_zh_hans="华为技术有限公司", name_en="Huawei Technologies Co., Ltd.", country="CN"
    )
    create_enterprise(by=officer, name_zh_hans="華為技術", country="CN")
    ProjectFactory.create_batch(2, enterprise=absorb)
    ContactFactory(enterprise=absorb)
    return {"head": head, "keep": keep, "absorb": absorb}


@pytest.mark.parametrize("code", ["zh-hans", "en", "ar"])
def test_duplicates_and_merge_pages_render_and_pass_axe(page, login_as, axe_violations, screenshot, register, code):
    login_as(page, register["head"])
    base = f"{page.live_server_url}/{code}/office"
    keep, absorb = register["keep"], register["absorb"]

    page.goto(f"{base}/enterprises/")
    page.locator(f'a[href="/{code}/office/enterprises/duplicates/"]').click()
    page.wait_for_url(f"**/{code}/office/enterprises/duplicates/")
    assert page.locator("section.card").count() == 2
    assert page.locator("html").get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
    assert_no_horizontal_scroll(page)
    screenshot(page, f"office-enterprise-duplicates-{code}")
    assert axe_violations(page) == []

    page.goto(f"{base}/enterprises/{keep.pk}/merge/")
    assert page.locator(f'a[href="/{code}/office/enterprises/{keep.pk}/merge/{absorb.pk}/"]').count() == 1
    assert_no_horizontal_scroll(page)
    screenshot(page, f"office-enterprise-merge-{code}")
    assert axe_violations(page) == []

    page.goto(f"{base}/enterprises/{keep.pk}/merge/{absorb.pk}/")
    assert page.locator("fieldset.merge-row").count() == 7
    assert_no_horizontal_scroll(page)
    screenshot(page, f"office-enterprise-merge-compare-{code}")
    assert axe_violations(page) == []


def test_merging_in_the_browser(page, login_as, screenshot, register):
    login_as(page, register["head"])
    keep, absorb = register["keep"], register["absorb"]
    page.goto(f"{page.live_server_url}/en/office/enterprises/{keep.pk}/")
    page.get_by_role("link", name="Merge", exact=True).click()
    page.locator(f'a[href="/en/office/enterprises/{keep.pk}/merge/{absorb.pk}/"]').click()
    page.get_by_role("group", name="Country").get_by_label("JP").check()
    page.get_by_label("Move everything to the kept enterprise and delete the other one").check()
    page.get_by_role("button", name="Merge").click()
    page.wait_for_url(f"**/en/office/enterprises/{keep.pk}/")
    assert "Merged from: 豐田汽車(中國)投資" in page.locator("#merged-from").inner_text()
    assert "enterprise.merged_into" in page.get_by_role("region", name="History").inner_text()
    screenshot(page, "office-enterprise-merged-en")
    keep.refresh_from_db()
    assert (keep.country, keep.projects.count()) == ("JP", 2)
    assert not Enterprise.objects.filter(pk=absorb.pk).exists()


def test_the_new_enterprise_form_shows_probable_duplicates(page, login_as, screenshot, axe_violations, register):
    login_as(page, register["head"])
    page.goto(f"{page.live_server_url}/en/office/enterprises/new/")
    page.get_by_label("Name in Chinese").fill("華為技術有限公司")
    page.get_by_role("button", name="Save").click()
    duplicates = page.get_by_role("region", name="Probably on file already")
    assert "Huawei Technologies Co., Ltd." in duplicates.inner_text()
    screenshot(page, "office-enterprise-form-duplicates-en")
    assert axe_violations(page) == []
    page.get_by_label("This is a different enterprise: save it anyway").check()
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/en/office/enterprises/*/")
    assert Enterprise.objects.filter(name_zh_hans="華為技術有限公司").count() == 1

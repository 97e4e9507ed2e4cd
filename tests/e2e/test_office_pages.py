import pytest

from tests.factories import EnterpriseFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.accounts.organisation import create_department
from yunzhao.crm.enterprises import update_enterprise
from yunzhao.crm.models import Ownership


def assert_no_horizontal_scroll(page):
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the page is {widths[0]} px wide in a {widths[1]} px window"


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def zone():
    agency = create_department(name="示范区管委会", code="agency", kind="agency")
    bureau = create_department(name="投资促进局", code="bureau", kind="bureau", parent=agency)
    unit = create_department(name="招商一部", code="unit-1", kind="department", parent=bureau)
    head = UserFactory(email="head@example.org", full_name="王主任", role=Role.DEPARTMENT_HEAD, department=bureau)
    for index in range(30):
        EnterpriseFactory(
            name_zh_hans=f"示范企业{index:02d}有限公司",
            name_en=f"Demo Enterprise {index:02d} Ltd",
            country="JP" if index % 3 == 0 else "CN",
            ownership=Ownership.FOREIGN if index % 3 == 0 else Ownership.PRIVATE,
            registered_in_zone_on="2025-06-01",
        )
    return {"head": head, "unit": unit}


@pytest.mark.parametrize("code", ["zh-hans", "en", "ar"])
def test_back_office_pages_render_and_pass_axe(page, login_as, axe_violations, screenshot, zone, code):
    login_as(page, zone["head"])
    base = f"{page.live_server_url}/{code}/office"

    page.goto(f"{base}/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
    screenshot(page, f"office-dashboard-{code}")
    assert axe_violations(page) == []

    assert_no_horizontal_scroll(page)

    page.goto(f"{base}/enterprises/")
    assert page.locator("tbody tr").count() == 25
    assert_no_horizontal_scroll(page)
    screenshot(page, f"office-enterprises-{code}")
    assert axe_violations(page) == []

    page.goto(f"{base}/organisation/")
    assert page.get_by_role("link", name="招商一部").count() == 1
    assert axe_violations(page) == []


def test_filtering_the_enterprise_list_swaps_only_the_results(page, login_as, zone):
    login_as(page, zone["head"])
    page.goto(f"{page.live_server_url}/en/office/enterprises/")
    page.evaluate("window.__marker = 'kept'")
    page.get_by_label("Country").fill("JP")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/en/office/enterprises/?*country=JP*")
    page.wait_for_function("document.querySelectorAll('#results tbody tr').length === 10")
    assert page.evaluate("window.__marker") == "kept"
    page.get_by_label("Country").fill("KR")
    page.get_by_role("button", name="Filter").click()
    page.get_by_text("No enterprise matches these filters").wait_for()


def test_enterprise_page_shows_its_history(page, login_as, zone, screenshot):
    enterprise = EnterpriseFactory(name_zh_hans="恩力动力有限公司", name_en="Enli Power")
    update_enterprise(enterprise=enterprise, by=zone["head"], name_en="Enli Power Co., Ltd.")
    login_as(page, zone["head"])
    page.goto(f"{page.live_server_url}/en/office/enterprises/{enterprise.pk}/")
    history = page.get_by_role("region", name="History")
    assert "enterprise.updated" in history.inner_text()
    assert "Enli Power Co., Ltd." in history.inner_text()
    assert "name [en]" in history.inner_text()
    assert_no_horizontal_scroll(page)
    screenshot(page, "office-enterprise-detail-en")

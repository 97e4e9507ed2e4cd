import pytest

from tests.factories import PASSWORD, UserFactory
from yunzhao.accounts.models import Role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LANGUAGES = [
    ("zh-hans", "ltr", "投资"),
    ("en", "ltr", "Invest"),
    ("ja", "ltr", "投資"),
    ("ko", "ltr", "투자"),
    ("ar", "rtl", "استثمر"),
    ("es", "ltr", "Invierta"),
    ("fr", "ltr", "Investissez"),
    ("ru", "ltr", "Инвестируйте"),
]


@pytest.mark.parametrize(("code", "direction", "word"), LANGUAGES)
def test_portal_home_is_in_the_language_of_its_prefix_and_passes_axe(
    page, axe_violations, screenshot, code, direction, word
):
    response = page.goto(f"{page.live_server_url}/{code}/")
    assert response.status == 200
    html = page.locator("html")
    assert html.get_attribute("lang") == code
    assert html.get_attribute("dir") == direction
    stylesheet = "bootstrap.rtl.min.css" if direction == "rtl" else "bootstrap.min.css"
    assert page.locator(f"link[href$='{stylesheet}']").count() == 1
    assert word in page.locator("h1").inner_text()
    screenshot(page, f"portal-home-{code}")
    assert axe_violations(page) == []


def test_language_switcher_keeps_the_page(page):
    page.goto(f"{page.live_server_url}/en/accounts/login/")
    page.get_by_role("button", name="Language").click()
    page.get_by_role("link", name="日本語").click()
    page.wait_for_url("**/ja/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "ja"


def test_root_negotiates_accept_language(browser, live_server):
    context = browser.new_context(locale="ar-AE", extra_http_headers={"Accept-Language": "ar-AE,ar;q=0.9"})
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    assert page.url == f"{live_server.url}/ar/"
    assert page.locator("html").get_attribute("dir") == "rtl"
    context.close()


def test_officer_signs_in_to_the_back_office_and_investor_is_kept_out(page, department):
    UserFactory(email="officer@example.org", role=Role.OFFICER, department=department)
    UserFactory(email="investor@example.org", role=Role.INVESTOR, department=None)

    page.goto(f"{page.live_server_url}/en/accounts/login/")
    page.get_by_label("E-mail address").fill("officer@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/en/office/")
    assert page.get_by_role("heading", level=1).inner_text() == "My day"
    page.get_by_role("button", name="Sign out").click()

    page.goto(f"{page.live_server_url}/en/accounts/login/")
    page.get_by_label("E-mail address").fill("investor@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/en/")
    response = page.goto(f"{page.live_server_url}/en/office/")
    assert response.status == 403

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("page", "name"), [("zh-CN", "zh-hans"), ("en-US", "en"), ("ar", "ar")], indirect=["page"])
def test_api_docs_render_offline(page, screenshot, name):
    from yunzhao.api.main import api

    operations = sum(len(methods) for methods in api.get_openapi_schema()["paths"].values())
    page.goto(f"{page.live_server_url}/api/v1/docs")

    page.wait_for_selector(".swagger-ui .info .title")
    assert "Yunzhao API" in page.inner_text(".swagger-ui .info .title")
    page.wait_for_selector("#operations-projects-move_project")
    assert page.locator(".opblock").count() == operations
    screenshot(page, f"api-docs-{name}", full_page=False)

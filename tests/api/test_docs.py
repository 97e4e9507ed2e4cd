import pytest

pytestmark = pytest.mark.django_db


def test_openapi_schema_is_3_1_and_public(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    spec = response.json()
    assert spec["openapi"] == "3.1.0"
    assert spec["info"]["title"] == "Yunzhao API"
    # Staff tokens for the back office's data; any account's token for one's own part in a fair.
    assert spec["components"]["securitySchemes"] == {
        "TokenAuth": {"type": "http", "scheme": "bearer"},
        "AccountTokenAuth": {"type": "http", "scheme": "bearer"},
    }
    operations = {op["operationId"] for path in spec["paths"].values() for op in path.values()}
    assert {"list_projects", "move_project", "hand_over_project", "accept_handover", "record_activity"} <= operations
    assert {"list_booths", "list_recommendations", "send_request", "accept_request", "read_agenda"} <= operations
    project = spec["components"]["schemas"]["ProjectOut"]["properties"]
    assert project["planned_investment"]["type"] == "string"


def test_docs_page_uses_only_vendored_files(client):
    response = client.get("/api/v1/docs", headers={"Accept-Language": "en"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "/static/vendor/swagger-ui/swagger-ui.css" in html
    assert "/static/api/docs.js" in html
    assert '"url": "/api/v1/openapi.json"' in html
    assert "cdn" not in html.lower()
    assert "https://" not in html


def test_vendored_swagger_files_are_there():
    from django.contrib.staticfiles import finders

    for name in ("vendor/swagger-ui/swagger-ui-bundle.js", "vendor/swagger-ui/swagger-ui.css", "api/docs.js"):
        assert finders.find(name), name

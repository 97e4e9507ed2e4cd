import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.api.conftest import Api
from tests.factories import UserFactory
from yunzhao.accounts.models import Role
from yunzhao.api.models import ApiToken
from yunzhao.api.tokens import digest, issue_token, revoke_token
from yunzhao.core.models import AuditEntry

pytestmark = pytest.mark.django_db

NOT_AUTHENTICATED = {
    "detail": "Give a valid API token: Authorization: Bearer <token>.",
    "code": "not_authenticated",
    "errors": {},
}


def test_request_without_token_is_401(client):
    response = Api(client, None).get("/projects")

    assert response.status_code == 401
    assert response.json() == NOT_AUTHENTICATED
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_wrong_token_is_401(client, officer):
    issue_token(owner=officer, name="real")

    response = Api(client, "yz_not-a-token").get("/projects")

    assert response.status_code == 401
    assert response.json() == NOT_AUTHENTICATED


def test_basic_auth_instead_of_bearer_is_401(client, officer):
    response = client.get("/api/v1/projects", headers={"Authorization": "Basic dXNlcjpwYXNz"})

    assert response.status_code == 401


def test_revoked_token_is_401(client, officer):
    token, raw = issue_token(owner=officer, name="old")
    revoke_token(token=token, by=officer)

    assert Api(client, raw).get("/projects").status_code == 401


def test_expired_token_is_401(client, officer):
    _token, raw = issue_token(owner=officer, name="old", expires_at=timezone.now() - dt.timedelta(seconds=1))

    assert Api(client, raw).get("/projects").status_code == 401


def test_token_of_deactivated_user_is_401(client, officer):
    _token, raw = issue_token(owner=officer, name="t")
    officer.is_active = False
    officer.save(update_fields=["is_active"])

    assert Api(client, raw).get("/projects").status_code == 401


@pytest.mark.parametrize("role", [Role.INVESTOR, Role.EXHIBITOR])
def test_outside_accounts_get_403(client, role):
    outsider = UserFactory(role=role, department=None)
    _token, raw = issue_token(owner=outsider, name="t")

    response = Api(client, raw).get("/enterprises")

    assert response.status_code == 403
    assert response.json() == {"detail": "You may not do this.", "code": "forbidden", "errors": {}}


def test_error_message_follows_accept_language(client):
    response = Api(client, None, language="zh-hans").get("/projects")

    assert response.status_code == 401
    assert response["Content-Language"] == "zh-hans"


def test_valid_token_works_and_is_marked_used(client, officer):
    token, raw = issue_token(owner=officer, name="ok")
    assert token.last_used_at is None

    response = Api(client, raw).get("/projects")

    assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_only_the_digest_of_a_token_is_stored(officer):
    token, raw = issue_token(owner=officer, name="integration")

    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.secret_hash == digest(raw) != raw
    assert len(stored.secret_hash) == 64
    assert raw.startswith("yz_")
    assert stored.prefix == raw[:8]
    assert raw not in str(AuditEntry.objects.filter(action="api.token.issued").values_list("data", flat=True)[0])


def test_create_api_token_command_prints_a_working_token(client, officer, capsys):
    call_command("create_api_token", email=officer.email.upper(), name="ERP sync", days=30)

    raw = capsys.readouterr().out.strip()
    token = ApiToken.objects.get()
    assert (token.owner, token.name, token.secret_hash) == (officer, "ERP sync", digest(raw))
    assert token.expires_at is not None
    assert Api(client, raw).get("/projects").status_code == 200


def test_create_api_token_command_refuses_outside_accounts(investor):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not an active staff account"):
        call_command("create_api_token", email=investor.email, name="x")
    assert ApiToken.objects.count() == 0


def test_admin_site_revokes_tokens(client, officer):
    admin = UserFactory(role=Role.ADMINISTRATOR, department=None, is_staff=True, is_superuser=True)
    token, raw = issue_token(owner=officer, name="leaked")
    client.force_login(admin)

    listing = client.get("/en/admin/api/apitoken/")
    response = client.post("/en/admin/api/apitoken/", {"action": "revoke", "_selected_action": [token.pk]}, follow=True)

    assert listing.status_code == 200
    assert "leaked" in listing.content.decode()
    assert raw not in listing.content.decode()
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEntry.objects.filter(action="api.token.revoked").count() == 1
    client.logout()
    assert Api(client, raw).get("/projects").status_code == 401

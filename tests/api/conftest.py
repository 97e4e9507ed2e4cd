from __future__ import annotations

import json
from typing import Any

import pytest

from tests.factories import UserFactory
from yunzhao.accounts.models import Role
from yunzhao.api.tokens import issue_token

BASE = "/api/v1"


class Api:
    """The API as a program sees it: JSON in and out, with a bearer token (or none)."""

    def __init__(self, client: Any, token: str | None, language: str = "en") -> None:
        self.client = client
        self.token = token
        self.language = language

    def headers(self) -> dict[str, str]:
        headers = {"Accept-Language": self.language}
        if self.token is not None:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def get(self, path: str, params: Any = None) -> Any:
        return self.client.get(BASE + path, params or {}, headers=self.headers())

    def post(self, path: str, body: Any = None) -> Any:
        data = json.dumps(body if body is not None else {})
        return self.client.post(BASE + path, data, content_type="application/json", headers=self.headers())

    def patch(self, path: str, body: Any) -> Any:
        return self.client.patch(BASE + path, json.dumps(body), content_type="application/json", headers=self.headers())


@pytest.fixture
def api_for(client):
    """``api_for(user)``: an API client with a fresh token of ``user``."""

    def make(user: Any, language: str = "en") -> Api:
        _token, raw = issue_token(owner=user, name="tests")
        return Api(client, raw, language)

    return make


@pytest.fixture
def officer_api(api_for, officer):
    return api_for(officer)


@pytest.fixture
def admin_user():
    return UserFactory(role=Role.ADMINISTRATOR, department=None)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The API never checks passwords; hashing the factories' users quickly keeps these tests fast."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

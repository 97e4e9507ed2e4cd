"""Bearer tokens: ``Authorization: Bearer <token>``.  Staff only, like the back office."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from yunzhao.api import tokens
from yunzhao.api.errors import FORBIDDEN, ApiError


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        """The token's owner, or ``None`` (401).  Outside accounts (investors, exhibitors) get 403."""
        found = tokens.authenticate(token.strip())
        if found is None:
            return None
        user = found.owner
        if not user.has_perm("office.access"):
            raise ApiError(403, "forbidden", FORBIDDEN)
        request.user = user
        return user

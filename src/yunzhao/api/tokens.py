"""Issuing, checking and revoking API tokens.  The token is shown once; only its SHA-256 is stored."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from yunzhao.accounts.models import User
from yunzhao.api.models import ApiToken
from yunzhao.core import audit

TOKEN_PREFIX = "yz_"  # noqa: S105 -- a visible marker of Yunzhao tokens, not a secret


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def issue_token(
    *, owner: User, name: str, by: Any = None, expires_at: dt.datetime | None = None
) -> tuple[ApiToken, str]:
    """A new token for ``owner``: the stored row and the token itself, which is never kept."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken(owner=owner, name=name.strip(), prefix=raw[:8], secret_hash=digest(raw), expires_at=expires_at)
        token.full_clean()
        token.save()
        audit.record(
            actor=by,
            action="api.token.issued",
            target=token,
            data={"owner": owner.pk, "name": token.name, "expires_at": expires_at},
        )
    return token, raw


def authenticate(raw: str, *, now: dt.datetime | None = None) -> ApiToken | None:
    """The usable token ``raw`` names (not revoked, not expired, its owner active), marked as used now."""
    now = now or timezone.now()
    token = (
        ApiToken.objects.select_related("owner__department")
        .filter(secret_hash=digest(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.is_usable(now) or not token.owner.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
    return token


def revoke_token(*, token: ApiToken, by: Any) -> ApiToken:
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            audit.record(actor=by, action="api.token.revoked", target=token, data={"owner": token.owner_id})
    return token

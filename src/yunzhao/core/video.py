"""Video links for online meetings, from the configured provider (a Jitsi server by default)."""

from __future__ import annotations

import secrets

from django.conf import settings


def meeting_url(prefix: str) -> str:
    """A new, hard-to-guess meeting room on the configured video server (``YUNZHAO_VIDEO_PROVIDER_URL``)."""
    base = settings.YUNZHAO["VIDEO_PROVIDER_URL"].rstrip("/")
    return f"{base}/{prefix}-{secrets.token_urlsafe(9)}"

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from yunzhao.core import audit


class AuditContextMiddleware:
    """Lets audit entries written during a request know its address and browser."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = audit.set_request_context(
            audit.RequestContext(
                ip_address=request.META.get("REMOTE_ADDR") or None,
                user_agent=request.META.get("HTTP_USER_AGENT", ""),
            )
        )
        try:
            return self.get_response(request)
        finally:
            audit.reset_request_context(token)

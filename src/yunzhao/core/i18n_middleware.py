from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language_from_path


class RememberLanguageMiddleware:
    """A page opened under a language prefix remembers that language for ``/``.

    The prefix decides the language of a page; the cookie only lets the bare
    address send a returning visitor to the language they chose last.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language and response.status_code < 400:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=60 * 60 * 24 * 365,
                samesite="Lax",
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=False,
            )
        return response

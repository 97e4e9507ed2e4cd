from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils import translation


def ping(request: HttpRequest) -> HttpResponse:
    """Liveness: the process answers (no database); ``healthz`` also checks the database."""
    return HttpResponse("ok", content_type="text/plain")


def healthz(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def language_root(request: HttpRequest) -> HttpResponse:
    """``/`` goes to the portal in the visitor's language (cookie, then Accept-Language)."""
    language = translation.get_language_from_request(request, check_path=False) or settings.LANGUAGE_CODE
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response

"""Anonymous portal pages from a per-process cache that is never stale.

A rendered page is kept in this process's memory under (path, language, content version).
The content version is one small row (:class:`~yunzhao.core.models.ContentVersion`) read
once per request; :func:`content_changed` moves it on after any edit or publication of
portal content, so every web process renders afresh on the next request. Only plain
anonymous GETs are cached, and only responses that set no cookie (pages with a form carry a
CSRF cookie and are rendered each time).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from threading import Lock
from typing import Any

from django.db import connection, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from yunzhao.core.models import ContentVersion

MAX_PAGES = 2_000

_pages: OrderedDict[tuple[str, str, int], HttpResponse] = OrderedDict()
_lock = Lock()


_VERSION_SQL = "SELECT version FROM core_contentversion WHERE id = 1"


def content_version() -> int:
    """The current content version: one primary-key read, without building an ORM query (it runs
    on every cached page and costs more through the ORM than the rest of the hit)."""
    with connection.cursor() as cursor:
        cursor.execute(_VERSION_SQL)
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def content_changed() -> None:
    """Portal content changed: every process renders its pages again (after the commit)."""

    def bump() -> None:
        if not ContentVersion.objects.filter(pk=1).update(version=F("version") + 1):
            ContentVersion.objects.get_or_create(pk=1, defaults={"version": 1})

    transaction.on_commit(bump)


def clear() -> None:
    with _lock:
        _pages.clear()


def _cacheable(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.COOKIES.get("sessionid"):
        return False
    return not request.headers.get("HX-Request")


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Decorate a portal view whose page is the same for every anonymous reader."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        # The page names its own address (Open Graph, hreflang): the host and scheme are part of the key.
        key = (request.build_absolute_uri(), get_language() or "", content_version())
        with _lock:
            cached = _pages.get(key)
            if cached is not None:
                _pages.move_to_end(key)
        if cached is not None:
            return cached
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            response.render()
        if response.status_code == 200 and not response.cookies and not getattr(response, "streaming", False):
            with _lock:
                _pages[key] = response
                while len(_pages) > MAX_PAGES:
                    _pages.popitem(last=False)
        return response

    return wrapped

"""``/sitemap.xml`` and ``/robots.txt``: every public page in every language, with its alternates.

Each app that has public pages offers a ``sitemaps`` module with a ``SITEMAPS`` dict of
:class:`django.contrib.sitemaps.Sitemap` classes (``i18n = True``, ``alternates = True``).
"""

from __future__ import annotations

import importlib
from typing import Any

from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

APPS_WITH_PUBLIC_PAGES = ("portal", "indicators", "intake", "consulting", "events")


class HomeSitemap(Sitemap[str]):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"
    priority = 1.0

    def items(self) -> list[str]:
        return ["portal:home"]

    def location(self, item: str) -> str:
        return reverse(item)


def collect_sitemaps() -> dict[str, Any]:
    sitemaps: dict[str, Any] = {"home": HomeSitemap}
    for app in APPS_WITH_PUBLIC_PAGES:
        try:
            module = importlib.import_module(f"yunzhao.{app}.sitemaps")
        except ModuleNotFoundError as error:
            if error.name != f"yunzhao.{app}.sitemaps":
                raise
            continue
        sitemaps.update(getattr(module, "SITEMAPS", {}))
    return sitemaps


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /*/office/",
        "Disallow: /*/accounts/",
        "Disallow: /*/admin/",
        "Disallow: /api/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")

"""The consulting service's public pages in the sitemap, in every language."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class ConsultingSitemap(Sitemap[str]):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"
    priority = 0.7

    def items(self) -> list[str]:
        return ["consulting:home", "consulting:ask", "consulting:meet"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {"consulting": ConsultingSitemap}

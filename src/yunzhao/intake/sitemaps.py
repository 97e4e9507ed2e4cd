"""The filing form's first page in every language (the other steps, status pages and "My filings"
are private to the person filing)."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class FilingSitemap(Sitemap[str]):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self) -> list[str]:
        return ["filing:start"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS: dict[str, type[Sitemap[str]]] = {"filing": FilingSitemap}

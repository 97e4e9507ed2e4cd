"""The zone overview in the sitemap, in every language."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class OverviewSitemap(Sitemap[str]):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self) -> list[str]:
        return ["overview:home"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {"overview": OverviewSitemap}

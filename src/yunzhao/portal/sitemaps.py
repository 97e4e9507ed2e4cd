"""Sitemaps of the portal's content pages, in every language with their alternates.

The project's sitemap.xml view takes :data:`SITEMAPS`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from yunzhao.portal import queries
from yunzhao.portal.models import Opportunity, Policy


class PortalPagesSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self) -> list[str]:
        return [  # the home page is in the project's own "home" sitemap
            "portal:invitation",
            "portal:opportunity-list",
            "portal:advantages",
            "portal:services",
            "portal:policy-list",
            "portal:policy-finder",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class PolicySitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self) -> QuerySet[Policy]:
        return queries.published_policies().prefetch_related(None).order_by("pk")

    def location(self, item: Policy) -> str:
        return reverse("portal:policy-detail", args=[item.pk])

    def lastmod(self, item: Any) -> dt.datetime:
        return item.updated_at


class OpportunitySitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self) -> QuerySet[Opportunity]:
        return queries.published_opportunities().order_by("pk")

    def location(self, item: Opportunity) -> str:
        return reverse("portal:opportunity-detail", args=[item.pk])

    def lastmod(self, item: Any) -> dt.datetime:
        return item.updated_at


SITEMAPS: dict[str, type[Sitemap]] = {
    "portal": PortalPagesSitemap,
    "policies": PolicySitemap,
    "opportunities": OpportunitySitemap,
}

"""Published events in the sitemap, in every language."""

from __future__ import annotations

import datetime as dt

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from yunzhao.events.models import Event, EventStatus


class EventSitemap(Sitemap[Event]):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self) -> QuerySet[Event]:
        return Event.objects.filter(status=EventStatus.PUBLISHED).order_by("pk")

    def location(self, item: Event) -> str:
        return reverse("events:detail", args=[item.pk])

    def lastmod(self, item: Event) -> dt.datetime | None:
        return getattr(item, "updated_at", None)


class EventListSitemap(Sitemap[str]):
    i18n = True
    alternates = True
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["events:list"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {"events": EventListSitemap, "event-pages": EventSitemap}

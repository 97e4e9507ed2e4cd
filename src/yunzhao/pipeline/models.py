from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Stage(models.TextChoices):
    """The project lifecycle (DESIGN.md), in order, then the two side exits."""

    LEAD = "lead", pgettext_lazy("project stage", "Lead")
    CONTACTED = "contacted", pgettext_lazy("project stage", "Contacted")
    SITE_VISIT = "site_visit", pgettext_lazy("project stage", "Site visit")
    NEGOTIATING = "negotiating", pgettext_lazy("project stage", "Negotiating")
    INTENTION_SIGNED = "intention", pgettext_lazy("project stage", "Intention signed")
    CONTRACT_SIGNED = "contract", pgettext_lazy("project stage", "Contract signed")
    REGISTERED = "registered", pgettext_lazy("project stage", "Registered")
    CAPITAL_IN_PLACE = "capital", pgettext_lazy("project stage", "Capital in place")
    CONSTRUCTION = "construction", pgettext_lazy("project stage", "Construction started")
    PRODUCTION = "production", pgettext_lazy("project stage", "In production")
    ON_HOLD = "on_hold", pgettext_lazy("project stage", "On hold")
    LOST = "lost", pgettext_lazy("project stage", "Lost")


class Source(models.TextChoices):
    CHANNEL = "channel", pgettext_lazy("project source", "Investment channel")
    EVENT = "event", pgettext_lazy("project source", "Event")
    ONLINE_FILING = "filing", pgettext_lazy("project source", "Online filing")
    REFERRAL = "referral", pgettext_lazy("project source", "Referral")
    OWN_WORK = "own", pgettext_lazy("project source", "Own work")


class KeyLevel(models.TextChoices):
    CITY = "city", pgettext_lazy("key project level", "City")
    DISTRICT = "district", pgettext_lazy("key project level", "District")
    ZONE = "zone", pgettext_lazy("key project level", "Zone")


class Project(models.Model):
    """An investment project (招商项目) worked from first contact to production."""

    title = models.CharField(_("title"), max_length=300)
    enterprise = models.ForeignKey(
        "crm.Enterprise", verbose_name=_("enterprise"), on_delete=models.PROTECT, related_name="projects"
    )
    industry = models.ForeignKey(
        "crm.Industry",
        verbose_name=_("industry"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.LEAD, db_index=True)
    planned_investment = models.DecimalField(
        _("planned investment"), max_digits=18, decimal_places=2, default=Decimal("0")
    )
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    is_key = models.BooleanField(_("key project"), default=False, db_index=True)
    key_level = models.CharField(_("key project level"), max_length=10, choices=KeyLevel.choices, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.OWN_WORK)
    channel = models.ForeignKey(
        "crm.Channel",
        verbose_name=_("channel"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    department = models.ForeignKey(
        "accounts.Department", verbose_name=_("department"), on_delete=models.PROTECT, related_name="projects"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return self.title

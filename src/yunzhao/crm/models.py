from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Industry(models.Model):
    """A section (A–T) or division (01–97) of China's GB/T 4754-2017, mapped to ISIC Rev.4."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self", verbose_name=_("section"), null=True, blank=True, on_delete=models.PROTECT, related_name="divisions"
    )
    isic_code = models.CharField(_("ISIC Rev.4 code"), max_length=8, blank=True)

    class Meta:
        verbose_name = _("industry")
        verbose_name_plural = _("industries")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Ownership(models.TextChoices):
    FOREIGN = "foreign", pgettext_lazy("ownership", "Foreign-funded")
    JOINT_VENTURE = "jv", pgettext_lazy("ownership", "Sino-foreign joint venture")
    HMT = "hmt", pgettext_lazy("ownership", "Hong Kong, Macao or Taiwan")
    PRIVATE = "private", pgettext_lazy("ownership", "Private")
    STATE = "state", pgettext_lazy("ownership", "State-owned")


class EnterpriseSize(models.TextChoices):
    MICRO = "micro", pgettext_lazy("enterprise size", "Micro")
    SMALL = "small", pgettext_lazy("enterprise size", "Small")
    MEDIUM = "medium", pgettext_lazy("enterprise size", "Medium")
    LARGE = "large", pgettext_lazy("enterprise size", "Large")


class Enterprise(models.Model):
    name = models.CharField(_("name"), max_length=300)
    credit_code = models.CharField(_("unified social credit code"), max_length=18, null=True, blank=True, unique=True)
    registration_number = models.CharField(_("registration number"), max_length=60, blank=True)
    country = models.CharField(_("country"), max_length=2, default="CN", db_index=True)
    industry = models.ForeignKey(
        Industry,
        verbose_name=_("industry"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enterprises",
    )
    ownership = models.CharField(_("ownership"), max_length=20, choices=Ownership.choices, default=Ownership.PRIVATE)
    size = models.CharField(_("size"), max_length=10, choices=EnterpriseSize.choices, blank=True)
    website = models.URLField(_("website"), blank=True)
    registered_in_zone_on = models.DateField(_("registered in the zone on"), null=True, blank=True)
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enterprises",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enterprises",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_foreign_funded(self) -> bool:
        return self.ownership in {Ownership.FOREIGN, Ownership.JOINT_VENTURE, Ownership.HMT}


class ChannelKind(models.TextChoices):
    CHAMBER = "chamber", pgettext_lazy("channel kind", "Chamber of commerce")
    ASSOCIATION = "association", pgettext_lazy("channel kind", "Industry association")
    CONSULATE = "consulate", pgettext_lazy("channel kind", "Consulate or embassy")
    INVESTMENT_OFFICE = "office", pgettext_lazy("channel kind", "Overseas investment office")
    BANK = "bank", pgettext_lazy("channel kind", "Bank")
    AGENT = "agent", pgettext_lazy("channel kind", "Agent")


class Channel(models.Model):
    """An international investment channel (招商渠道) that brings projects to the zone."""

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=ChannelKind.choices)
    country = models.CharField(_("country"), max_length=2, db_index=True)
    agreement_date = models.DateField(_("agreement signed on"), null=True, blank=True)
    keeper = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kept by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="channels",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("investment channel")
        verbose_name_plural = _("investment channels")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from yunzhao.crm.languages import language_names, validate_language_codes


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


class DataSource(models.TextChoices):
    """Where a contact's personal data came from — the first question of a data-protection review."""

    BUSINESS_CARD = "card", pgettext_lazy("data source", "Business card")
    EVENT_REGISTRATION = "event", pgettext_lazy("data source", "Event registration")
    ONLINE_FILING = "filing", pgettext_lazy("data source", "Online filing")
    REFERRAL = "referral", pgettext_lazy("data source", "Referral")
    PUBLIC_SOURCE = "public", pgettext_lazy("data source", "Public source")
    OTHER = "other", pgettext_lazy("data source", "Other")


wechat_id_validator = RegexValidator(
    r"^[A-Za-z0-9_-]+$", _("A WeChat ID holds only Latin letters, digits, underscores and hyphens.")
)
phone_validator = RegexValidator(
    r"^\+?[0-9(][0-9 ()./-]*[0-9]$", _("Enter a phone number: digits, with +, spaces, hyphens or brackets.")
)


class Contact(models.Model):
    """A person at an enterprise whom the agency talks to."""

    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("enterprise"), on_delete=models.PROTECT, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("As they write it, in their own script."))
    latin_name = models.CharField(
        _("name in Latin letters"), max_length=200, blank=True, help_text=_("Pinyin, romaji or passport spelling.")
    )
    title = models.CharField(_("job title"), max_length=200, blank=True)
    languages = models.JSONField(
        _("languages"), default=list, blank=True, validators=[validate_language_codes], help_text=_("ISO 639-1 codes.")
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True, validators=[phone_validator])
    wechat_id = models.CharField(_("WeChat ID"), max_length=50, blank=True, validators=[wechat_id_validator])
    data_source = models.CharField(_("data source"), max_length=20, choices=DataSource.choices)
    consented = models.BooleanField(_("consented"), default=False)
    consented_at = models.DateTimeField(_("consented at"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["-is_active", "name", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.latin_name})" if self.latin_name and self.latin_name != self.name else self.name

    @property
    def language_names(self) -> list[str]:
        """The languages they speak, named in the reader's language."""
        return language_names(self.languages)


class ActivityKind(models.TextChoices):
    CALL = "call", pgettext_lazy("activity kind", "Call")
    EMAIL = "email", pgettext_lazy("activity kind", "E-mail")
    ONLINE_MEETING = "online", pgettext_lazy("activity kind", "Online meeting")
    ONSITE_MEETING = "onsite", pgettext_lazy("activity kind", "On-site meeting")
    SITE_VISIT = "visit", pgettext_lazy("activity kind", "Site visit")
    NEGOTIATION = "negotiation", pgettext_lazy("activity kind", "Negotiation round")


class Activity(models.Model):
    """Something that happened with an enterprise — a call, a meeting, a visit — and what comes next."""

    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("enterprise"), on_delete=models.PROTECT, related_name="activities"
    )
    project = models.ForeignKey(
        "pipeline.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activities",
    )
    occurred_at = models.DateTimeField(_("when"))
    subject = models.CharField(_("subject"), max_length=300)
    notes = models.TextField(_("notes"), blank=True)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("our participants"), blank=True, related_name="activities"
    )
    contacts = models.ManyToManyField(
        Contact, verbose_name=_("their participants"), blank=True, related_name="activities"
    )
    next_step = models.CharField(_("next step"), max_length=500, blank=True)
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    follow_up_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("follow-up by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="follow_ups",
    )
    follow_up_done_at = models.DateTimeField(_("follow-up done at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-occurred_at", "-pk"]
        indexes = [
            # "My follow-ups": a person's open ones by date.  Done ones are never asked for by
            # date, so the index leaves them out and stays as small as the open work.
            models.Index(
                fields=["follow_up_owner", "follow_up_on"],
                condition=models.Q(follow_up_done_at__isnull=True, follow_up_on__isnull=False),
                name="crm_activity_open_follow_ups",
            ),
            # "Overdue" on the project list: the projects of open follow-ups past their date,
            # answered from this small index without visiting a million activity rows.
            models.Index(
                fields=["follow_up_on", "project"],
                condition=models.Q(follow_up_done_at__isnull=True, follow_up_on__isnull=False),
                name="crm_activity_open_by_date",
            ),
            models.Index(fields=["project", "-occurred_at"], name="crm_activity_project_time"),
            models.Index(fields=["enterprise", "-occurred_at"], name="crm_activity_enterprise_time"),
        ]

    def __str__(self) -> str:
        return self.subject

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.project is not None and self.project.enterprise_id != self.enterprise_id:
            errors["project"] = _("This project belongs to another enterprise.")
        if self.follow_up_owner_id is not None and self.follow_up_on is None:
            errors["follow_up_on"] = _("Give the follow-up a date, or leave its owner empty.")
        occurred_on = timezone.localdate(self.occurred_at) if self.occurred_at is not None else None
        if self.follow_up_on is not None and occurred_on is not None and self.follow_up_on < occurred_on:
            errors["follow_up_on"] = _("The follow-up cannot be before the activity.")
        if errors:
            raise ValidationError(errors)

    @property
    def has_open_follow_up(self) -> bool:
        return self.follow_up_on is not None and self.follow_up_done_at is None


class EnterpriseNameKey(models.Model):
    """One name of an enterprise folded for duplicate detection (``crm.duplicates.name_key``).

    Derived data: one row per distinct key of the enterprise's names in every language,
    kept by the enterprise domain functions and rebuilt by ``rebuild_name_keys``.
    """

    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("enterprise"), on_delete=models.CASCADE, related_name="name_keys"
    )
    key = models.CharField(_("name key"), max_length=500, db_index=True)

    class Meta:
        verbose_name = _("enterprise name key")
        verbose_name_plural = _("enterprise name keys")
        constraints = [models.UniqueConstraint(fields=["enterprise", "key"], name="crm_enterprisenamekey_unique")]

    def __str__(self) -> str:
        return self.key


class EnterpriseMerge(models.Model):
    """An enterprise absorbed into another: what it was, who merged it and when.

    The absorbed enterprise is gone, but its audit entries stay under its old primary key;
    the kept enterprise's history reads them through these rows.
    """

    keep = models.ForeignKey(
        Enterprise, verbose_name=_("kept enterprise"), on_delete=models.PROTECT, related_name="merges"
    )
    absorbed_pk = models.BigIntegerField(_("absorbed enterprise (ID)"), db_index=True)
    absorbed_name = models.CharField(_("absorbed enterprise"), max_length=300)
    absorbed_snapshot = models.JSONField(_("absorbed enterprise as it was"), default=dict)
    moved = models.JSONField(_("moved records"), default=dict, blank=True)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("merged by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    merged_at = models.DateTimeField(_("merged at"), default=timezone.now)

    class Meta:
        verbose_name = _("enterprise merge")
        verbose_name_plural = _("enterprise merges")
        ordering = ["-merged_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.absorbed_name} → {self.keep_id}"

    @property
    def absorbed_display_name(self) -> str:
        """The absorbed enterprise's name in the reader's language, else in Chinese."""
        field = "name_" + (get_language() or "").replace("-", "_")
        return str(self.absorbed_snapshot.get(field) or self.absorbed_name)

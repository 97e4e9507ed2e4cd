"""Online project filings (项目填报): what an investor sends through the portal, and its files.

A filing keeps what the investor typed, in their own language, as they typed it; accepting it
copies it into the CRM and the pipeline (``filings.accept_filing``) and links the records made.
"""

from __future__ import annotations

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from yunzhao.crm.models import EnterpriseSize, Ownership, phone_validator, wechat_id_validator

#: The version of the data-processing notice the filer agreed to; raise it when the text changes.
CONSENT_VERSION = "2026-01"

#: Currencies an investor may state an amount in.
CURRENCIES = ("CNY", "USD", "EUR", "JPY", "KRW", "HKD", "GBP", "AED", "SAR", "RUB", "SGD", "CHF")


class FilingStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("filing status", "Submitted")
    IN_REVIEW = "in_review", pgettext_lazy("filing status", "In review")
    ACCEPTED = "accepted", pgettext_lazy("filing status", "Accepted")
    DECLINED = "declined", pgettext_lazy("filing status", "Declined")


OPEN_STATUSES = (FilingStatus.SUBMITTED, FilingStatus.IN_REVIEW)


def new_access_token() -> str:
    return secrets.token_urlsafe(24)


class Filing(models.Model):
    """A project an investor filed online, waiting for the agency's answer."""

    reference = models.CharField(_("reference number"), max_length=20, unique=True, null=True, blank=True)
    access_token = models.CharField(max_length=64, unique=True, default=new_access_token, editable=False)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=20, choices=FilingStatus.choices, default=FilingStatus.SUBMITTED, db_index=True
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)

    # The company
    company_name = models.CharField(_("company name"), max_length=300)
    company_country = models.CharField(_("country"), max_length=2, db_index=True)
    registration_number = models.CharField(_("registration number"), max_length=60, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    ownership = models.CharField(_("ownership"), max_length=20, choices=Ownership.choices, default=Ownership.FOREIGN)
    size = models.CharField(_("size"), max_length=10, choices=EnterpriseSize.choices, blank=True)

    # The contact
    contact_name = models.CharField(_("name"), max_length=200)
    contact_latin_name = models.CharField(_("name in Latin letters"), max_length=200, blank=True)
    contact_title = models.CharField(_("job title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), max_length=254)
    phone = models.CharField(_("phone"), max_length=50, blank=True, validators=[phone_validator])
    wechat_id = models.CharField(_("WeChat ID"), max_length=50, blank=True, validators=[wechat_id_validator])
    contact_languages = models.JSONField(_("languages spoken"), default=list, blank=True)

    # The project
    title = models.CharField(_("project title"), max_length=300)
    description = models.TextField(_("description"), max_length=5000)
    industry = models.ForeignKey(
        "crm.Industry", verbose_name=_("industry"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    amount = models.DecimalField(
        _("investment amount"),
        max_digits=18,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    registered_capital = models.DecimalField(
        _("registered capital"),
        max_digits=18,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    jobs = models.PositiveIntegerField(_("jobs created"), null=True, blank=True)
    land_need_mu = models.DecimalField(
        _("land needed (mu)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    space_need_sqm = models.DecimalField(
        _("floor space needed (m²)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    talent_needs = models.TextField(_("talent needs"), max_length=2000, blank=True)
    expected_start = models.DateField(_("expected start"), null=True, blank=True)
    expected_production = models.DateField(_("expected production"), null=True, blank=True)

    # Consent
    consented_at = models.DateTimeField(_("consent given"))
    consent_version = models.CharField(_("consent text version"), max_length=20, default=CONSENT_VERSION)

    # Who and where from
    investor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("investor account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="filings",
    )
    opportunity = models.ForeignKey(
        "portal.Opportunity",
        verbose_name=_("opportunity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="filings",
    )

    # The answer
    decline_reason = models.TextField(_("reason"), max_length=2000, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    project = models.ForeignKey(
        "pipeline.Project", null=True, blank=True, on_delete=models.SET_NULL, related_name="filings"
    )
    enterprise = models.ForeignKey(
        "crm.Enterprise", null=True, blank=True, on_delete=models.SET_NULL, related_name="filings"
    )
    contact = models.ForeignKey("crm.Contact", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("project filing")
        verbose_name_plural = _("project filings")
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["status", "-submitted_at"], name="intake_filing_queue")]

    def __str__(self) -> str:
        return f"{self.reference or '—'} {self.title}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class DetectedType(models.TextChoices):
    PDF = "pdf", "PDF"
    DOC = "doc", pgettext_lazy("file type", "Word (.doc)")
    DOCX = "docx", pgettext_lazy("file type", "Word (.docx)")
    XLS = "xls", pgettext_lazy("file type", "Excel (.xls)")
    XLSX = "xlsx", pgettext_lazy("file type", "Excel (.xlsx)")
    PNG = "png", "PNG"
    JPEG = "jpeg", "JPEG"
    GIF = "gif", "GIF"
    WEBP = "webp", "WebP"


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"intake/{timezone.now():%Y/%m}/{secrets.token_hex(16)}.{instance.detected_type}"


class Attachment(models.Model):
    """A file sent with a filing.  Before the filing is submitted it belongs to a draft."""

    filing = models.ForeignKey(Filing, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments")
    draft = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    detected_type = models.CharField(_("type"), max_length=10, choices=DetectedType.choices)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def content_type(self) -> str:
        from yunzhao.intake.attachments import CONTENT_TYPES

        return CONTENT_TYPES[self.detected_type]

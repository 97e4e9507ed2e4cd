"""What staff write for the portal, in eight languages: the leader's letter, the promotional
video and its captions, opportunities, the advantages, the service directory and the policy
library with its eligibility rules."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from yunzhao.accounts.models import Department, DepartmentKind
from yunzhao.core.content import TranslatedContent
from yunzhao.crm.models import Ownership

DISTRICTS = {"kind": DepartmentKind.DISTRICT}
SALUTATION_LENGTH = 40


def validate_webvtt(upload: File) -> None:
    """A caption file must be WebVTT: UTF-8 text whose first line starts with "WEBVTT"."""
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(64)
    upload.seek(position)
    if isinstance(head, str):
        head = head.encode()
    head = head.removeprefix(b"\xef\xbb\xbf")
    if not head.startswith(b"WEBVTT") or (len(head) > 6 and head[6:7] not in (b" ", b"\t", b"\n", b"\r")):
        raise ValidationError(_("This is not a WebVTT caption file (it must begin with “WEBVTT”)."), code="not_webvtt")


class Letter(TranslatedContent):
    """The leader's letter to investors; the portal shows the latest published one."""

    TRANSLATED_FIELDS = ("title", "body", "signatory_name", "signatory_title")

    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("letter"), max_length=20_000)
    signatory_name = models.CharField(_("signed by"), max_length=100)
    signatory_title = models.CharField(_("signatory's position"), max_length=200)
    signature = models.ImageField(_("signature image"), upload_to="portal/signatures/", blank=True)

    class Meta:
        verbose_name = _("letter to investors")
        verbose_name_plural = _("letters to investors")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return str(self.title)

    def paragraphs(self) -> list[str]:
        return [part.strip() for part in str(self.body or "").split("\n\n") if part.strip()]

    def opening(self) -> str:
        """The letter's first real paragraph (past a one-line salutation such as "Dear investors,")."""
        paragraphs = self.paragraphs()
        return next((p for p in paragraphs if len(p) > SALUTATION_LENGTH), paragraphs[0] if paragraphs else "")


class Video(TranslatedContent):
    """The promotional film: an uploaded file, its poster, captions per language."""

    TRANSLATED_FIELDS = ("title", "description")
    REQUIRED_TRANSLATED_FIELDS = ("title",)

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=2_000, blank=True)
    file = models.FileField(
        _("video file"),
        upload_to="portal/videos/",
        blank=True,
        max_length=200,
        validators=[FileExtensionValidator(["mp4", "webm"])],
        help_text=_("MP4 or WebM."),
    )
    poster = models.ImageField(_("poster image"), upload_to="portal/posters/", blank=True, max_length=200)

    class Meta:
        verbose_name = _("promotional video")
        verbose_name_plural = _("promotional videos")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return str(self.title)


class Caption(models.Model):
    video = models.ForeignKey(Video, on_delete=models.CASCADE, related_name="captions", verbose_name=_("video"))
    language = models.CharField(_("language"), max_length=10)
    label = models.CharField(_("label"), max_length=60, help_text=_("As the player's menu shows it, e.g. “日本語”."))
    file = models.FileField(
        _("WebVTT file"), upload_to="portal/captions/", validators=[validate_webvtt], max_length=200
    )

    class Meta:
        verbose_name = _("caption track")
        verbose_name_plural = _("caption tracks")
        ordering = ["video", "language"]
        constraints = [models.UniqueConstraint(fields=["video", "language"], name="portal_caption_one_per_language")]

    def __str__(self) -> str:
        return f"{self.video_id} {self.language}"


class OpportunityKind(models.TextChoices):
    PROJECT = "project", pgettext_lazy("opportunity kind", "Project seeking investors")
    SITE = "site", pgettext_lazy("opportunity kind", "Site available")
    SPACE = "space", pgettext_lazy("opportunity kind", "Space available")


class Opportunity(TranslatedContent):
    TRANSLATED_FIELDS = ("title", "summary", "body", "location", "key_figures")
    REQUIRED_TRANSLATED_FIELDS = ("title", "summary")

    kind = models.CharField(_("kind"), max_length=12, choices=OpportunityKind.choices, default=OpportunityKind.PROJECT)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500)
    body = models.TextField(_("description"), max_length=10_000, blank=True)
    industry = models.ForeignKey(
        "crm.Industry", verbose_name=_("industry"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    district = models.ForeignKey(
        "accounts.Department",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to=DISTRICTS,
        related_name="+",
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    investment_sought = models.DecimalField(
        _("investment sought"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    land_area_mu = models.DecimalField(_("land area (mu)"), max_digits=12, decimal_places=2, null=True, blank=True)
    land_area_m2 = models.DecimalField(_("land area (m²)"), max_digits=14, decimal_places=2, null=True, blank=True)
    floor_space_m2 = models.DecimalField(_("floor space (m²)"), max_digits=14, decimal_places=2, null=True, blank=True)
    key_figures = models.TextField(_("other key figures"), max_length=2_000, blank=True, help_text=_("One per line."))
    image = models.ImageField(_("image"), upload_to="portal/opportunities/", blank=True, max_length=200)
    is_featured = models.BooleanField(_("featured on the invitation page"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return str(self.title)

    def figure_lines(self) -> list[str]:
        return [line.strip() for line in str(self.key_figures or "").splitlines() if line.strip()]


class AdvantageTopic(models.TextChoices):
    INDUSTRIES = "industries", pgettext_lazy("advantage topic", "Industries")
    LOCATION = "location", pgettext_lazy("advantage topic", "Location and connectivity")
    TALENT = "talent", pgettext_lazy("advantage topic", "Talent")
    COSTS = "costs", pgettext_lazy("advantage topic", "Costs")


class AdvantageSection(TranslatedContent):
    """One of the four topics; its figures come from the indicators named by their codes."""

    TRANSLATED_FIELDS = ("title", "body")

    topic = models.CharField(_("topic"), max_length=12, choices=AdvantageTopic.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=10_000)
    indicator_codes = models.JSONField(
        _("indicator codes"), default=list, blank=True, help_text=_("The zone figures this section shows.")
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        verbose_name = _("advantage")
        verbose_name_plural = _("advantages")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return str(self.title)


class ServiceCategory(models.TextChoices):
    REGISTRATION = "registration", pgettext_lazy("service category", "Company registration")
    PERMITS = "permits", pgettext_lazy("service category", "Permits")
    TALENT = "talent", pgettext_lazy("service category", "Talent")
    HOUSING = "housing", pgettext_lazy("service category", "Housing")
    SCHOOLS = "schools", pgettext_lazy("service category", "International schools")
    MEDICAL = "medical", pgettext_lazy("service category", "Medical care")
    COMMUNITIES = "communities", pgettext_lazy("service category", "Communities for foreigners")


class ServiceEntry(TranslatedContent):
    TRANSLATED_FIELDS = ("title", "description", "provider", "address", "hours")
    REQUIRED_TRANSLATED_FIELDS = ("title", "description")

    category = models.CharField(_("category"), max_length=16, choices=ServiceCategory.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=4_000)
    provider = models.CharField(_("provided by"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["category", "sort_order", "pk"]

    def __str__(self) -> str:
        return str(self.title)


class PolicyTopic(models.TextChoices):
    FUNDING = "funding", pgettext_lazy("policy topic", "Grants and funding")
    TAX = "tax", pgettext_lazy("policy topic", "Tax")
    LAND = "land", pgettext_lazy("policy topic", "Land and space")
    TALENT = "talent", pgettext_lazy("policy topic", "Talent")
    INNOVATION = "innovation", pgettext_lazy("policy topic", "Research and innovation")
    TRADE = "trade", pgettext_lazy("policy topic", "Trade and finance")


class Policy(TranslatedContent):
    """An incentive and its eligibility rules (empty rule = no condition)."""

    TRANSLATED_FIELDS = ("title", "summary", "body", "benefit", "legal_basis")
    REQUIRED_TRANSLATED_FIELDS = ("title", "summary", "benefit")

    title = models.CharField(_("title"), max_length=200)
    topic = models.CharField(_("topic"), max_length=12, choices=PolicyTopic.choices, default=PolicyTopic.FUNDING)
    summary = models.CharField(_("summary"), max_length=500)
    body = models.TextField(_("full text"), max_length=20_000, blank=True)
    benefit = models.CharField(_("benefit"), max_length=500)
    legal_basis = models.CharField(_("legal basis and issuer"), max_length=300, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    industries = models.ManyToManyField(
        "crm.Industry",
        verbose_name=_("industries"),
        blank=True,
        related_name="+",
        help_text=_("A section covers all its divisions. None: every industry."),
    )
    min_investment_cny = models.DecimalField(
        _("minimum investment (yuan)"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    max_investment_cny = models.DecimalField(
        _("maximum investment (yuan)"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    ownership_types = models.JSONField(
        _("ownership types"), default=list, blank=True, help_text=_("None: any ownership.")
    )
    min_jobs = models.PositiveIntegerField(_("minimum jobs created"), null=True, blank=True)
    districts: models.ManyToManyField[Department, Any] = models.ManyToManyField(
        "accounts.Department",
        verbose_name=_("locations"),
        blank=True,
        limit_choices_to=DISTRICTS,
        related_name="+",
        help_text=_("None: anywhere in the zone."),
    )

    class Meta:
        verbose_name = _("policy")
        verbose_name_plural = _("policies")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return str(self.title)

    def ownership_labels(self) -> list[str]:
        labels = dict(Ownership.choices)
        return [str(labels.get(code, code)) for code in self.ownership_types]

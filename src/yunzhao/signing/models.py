"""Cloud signing (云签约): agreements, their parties and signatories, one-time codes and the signing trail.

An agreement's document is fixed once it goes out for signature: its SHA-256 is kept so the
audit certificate can name exactly what was signed, and the final PDF's SHA-256 is kept so
anyone holding a copy can check it on the public verification page.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("agreement status", "Draft")
    SENT = "sent", pgettext_lazy("agreement status", "Out for signature")
    COMPLETED = "completed", pgettext_lazy("agreement status", "Completed")
    VOIDED = "voided", pgettext_lazy("agreement status", "Voided")
    EXPIRED = "expired", pgettext_lazy("agreement status", "Expired")


class SigningOrder(models.TextChoices):
    SEQUENTIAL = "sequential", pgettext_lazy("signing order", "One after another")
    PARALLEL = "parallel", pgettext_lazy("signing order", "All at once")


class Agreement(models.Model):
    """A document several parties sign online; the trail of its signing makes its audit certificate."""

    title = models.CharField(pgettext_lazy("agreement", "title"), max_length=300)
    status = models.CharField(
        _("status"), max_length=12, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT, db_index=True
    )
    signing_order = models.CharField(
        _("signing order"), max_length=12, choices=SigningOrder.choices, default=SigningOrder.SEQUENTIAL
    )
    expires_at = models.DateTimeField(
        _("signing closes at"), null=True, blank=True, help_text=_("Leave empty for no deadline.")
    )
    enterprise = models.ForeignKey(
        "crm.Enterprise",
        verbose_name=_("enterprise"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    project = models.ForeignKey(
        "pipeline.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    document = models.FileField(_("document"), upload_to="signing/originals/", blank=True)
    document_name = models.CharField(_("document file name"), max_length=255, blank=True)
    document_sha256 = models.CharField(_("SHA-256 of the document"), max_length=64, blank=True)
    document_pages = models.PositiveIntegerField(_("pages"), default=0)
    final_document = models.FileField(_("final document"), upload_to="signing/final/", blank=True)
    #: Unique so that the verification page finds at most one agreement for a file.
    final_sha256 = models.CharField(
        _("SHA-256 of the final document"), max_length=64, null=True, blank=True, unique=True
    )
    finalised_at = models.DateTimeField(_("final document made at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    voided_at = models.DateTimeField(_("voided at"), null=True, blank=True)
    void_reason = models.TextField(_("reason for voiding"), blank=True)
    # Signing ceremonies: the event it is signed at, and its turn on stage.
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("signed at the event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements",
    )
    ceremony_position = models.PositiveSmallIntegerField(_("turn in the ceremony"), null=True, blank=True)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return str(self.title)

    @property
    def is_past_deadline(self) -> bool:
        return self.expires_at is not None and timezone.now() >= self.expires_at

    @property
    def is_draft(self) -> bool:
        return self.status == AgreementStatus.DRAFT


class Party(models.Model):
    """An organisation that signs: the zone's own side or a partner, optionally one on file."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="parties"
    )
    name = models.CharField(_("organisation"), max_length=300)
    enterprise = models.ForeignKey(
        "crm.Enterprise",
        verbose_name=_("enterprise on file"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["agreement", "position", "pk"]

    def __str__(self) -> str:
        return self.name


class Signatory(models.Model):
    """A person who signs for a party, reached by a secret link of their own.

    Only the link's SHA-256 is kept: the link itself exists in the e-mail alone, so a copy
    of the database does not let anyone sign.
    """

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="signatories"
    )
    party = models.ForeignKey(Party, verbose_name=_("party"), on_delete=models.CASCADE, related_name="signatories")
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("job title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    #: Turn in a sequential agreement (1 signs first); the order they were added.
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    token_hash = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    signed_name = models.CharField(_("name as typed"), max_length=200, blank=True)
    signature_png = models.BinaryField(_("drawn signature"), null=True, blank=True, editable=False)
    signed_ip = models.GenericIPAddressField(_("signed from IP address"), null=True, blank=True)
    signed_user_agent = models.CharField(_("signed with browser"), max_length=400, blank=True)

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ["agreement", "order", "pk"]
        indexes = [models.Index(fields=["agreement", "signed_at"], name="signing_signatory_progress")]

    def __str__(self) -> str:
        return self.name

    @property
    def has_signed(self) -> bool:
        return self.signed_at is not None


class OneTimeCode(models.Model):
    """A six-digit code e-mailed to a signatory to prove they read that mailbox: once, ten minutes, few tries."""

    signatory = models.ForeignKey(Signatory, on_delete=models.CASCADE, related_name="codes")
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)
    #: Set when a newer code replaces this one or too many wrong tries spent it.
    spent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("one-time code")
        verbose_name_plural = _("one-time codes")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.signatory} · {self.created_at:%Y-%m-%d %H:%M}"


class EventKind(models.TextChoices):
    CREATED = "created", pgettext_lazy("signing step", "Agreement created")
    SENT = "sent", pgettext_lazy("signing step", "Sent for signature")
    INVITED = "invited", pgettext_lazy("signing step", "Signing link e-mailed")
    CODE_SENT = "code_sent", pgettext_lazy("signing step", "One-time code e-mailed")
    CODE_FAILED = "code_failed", pgettext_lazy("signing step", "Wrong one-time code")
    VERIFIED = "verified", pgettext_lazy("signing step", "Identity confirmed by one-time code")
    VIEWED = "viewed", pgettext_lazy("signing step", "Document opened")
    SIGNED = "signed", pgettext_lazy("signing step", "Signed")
    COMPLETED = "completed", pgettext_lazy("signing step", "All signatures given")
    VOIDED = "voided", pgettext_lazy("signing step", "Voided")
    EXPIRED = "expired", pgettext_lazy("signing step", "Expired")


class SigningEvent(models.Model):
    """One step of an agreement's signing, with the address and browser it came from: the certificate's lines."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="events")
    signatory = models.ForeignKey(Signatory, null=True, blank=True, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("step"), max_length=20, choices=EventKind.choices)
    actor_label = models.CharField(_("by"), max_length=255)
    at = models.DateTimeField(_("at"), default=timezone.now)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=400, blank=True)

    class Meta:
        verbose_name = _("signing step")
        verbose_name_plural = _("signing steps")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["agreement", "at"], name="signing_event_agreement_at")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.actor_label}"

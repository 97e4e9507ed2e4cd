"""The consulting service: FAQ, questions on a response clock with their threads, and online meetings."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from yunzhao.core.content import TranslatedContent


def default_reply_days() -> int:
    """The zone-wide first-reply target in working days (``YUNZHAO["FIRST_REPLY_WORKING_DAYS"]``, 1)."""
    return int(settings.YUNZHAO.get("FIRST_REPLY_WORKING_DAYS", 1))


class Topic(TranslatedContent):
    """What a question is about; it decides which department answers and how fast."""

    TRANSLATED_FIELDS: ClassVar[tuple[str, ...]] = ("name",)

    name = models.CharField(_("name"), max_length=200)
    department = models.ForeignKey(
        "accounts.Department", on_delete=models.PROTECT, related_name="consulting_topics", verbose_name=_("department")
    )
    reply_days = models.PositiveSmallIntegerField(
        _("first-reply target (working days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_("Empty: the zone's default target."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return str(self.name)

    def target_days(self) -> int:
        return self.reply_days or default_reply_days()


class FaqEntry(TranslatedContent):
    """A question investors often ask, with its answer."""

    TRANSLATED_FIELDS: ClassVar[tuple[str, ...]] = ("question", "answer")

    topic = models.ForeignKey(
        Topic, on_delete=models.SET_NULL, null=True, blank=True, related_name="faq", verbose_name=_("topic")
    )
    question = models.CharField(_("question"), max_length=300)
    answer = models.TextField(_("answer"), max_length=5000)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return str(self.question)


class QuestionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("question status", "Waiting for our reply")
    ANSWERED = "answered", pgettext_lazy("question status", "Answered")
    CLOSED = "closed", pgettext_lazy("question status", "Closed")


class Question(models.Model):
    """A question from the portal or the API; the clock runs from ``asked_at`` to ``due_at``."""

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    token = models.CharField(max_length=64, unique=True, editable=False)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="questions", verbose_name=_("topic"))
    department = models.ForeignKey(
        "accounts.Department",
        on_delete=models.PROTECT,
        related_name="consulting_questions",
        verbose_name=_("department"),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    organisation = models.CharField(
        pgettext_lazy("a person's company or body", "organisation"), max_length=300, blank=True
    )
    country = models.CharField(_("country"), max_length=2, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consulting_questions",
        verbose_name=_("investor account"),
    )
    consented_at = models.DateTimeField(_("consent given"))
    asked_at = models.DateTimeField(_("asked"), db_index=True)
    target_days = models.PositiveSmallIntegerField(_("target (working days)"))
    due_at = models.DateTimeField(_("first reply due"), db_index=True)
    first_replied_at = models.DateTimeField(_("first reply"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=QuestionStatus.choices, default=QuestionStatus.OPEN, db_index=True
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(
        _("satisfaction"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    rating_comment = models.TextField(_("comment on the service"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-asked_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5), name="consulting_rating_1_to_5"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    @property
    def answered_in_time(self) -> bool | None:
        if self.first_replied_at is None:
            return None
        return self.first_replied_at <= self.due_at


class Author(models.TextChoices):
    ASKER = "asker", pgettext_lazy("who wrote a message", "The asker")
    STAFF = "staff", pgettext_lazy("who wrote a message", "Our team")


class Message(models.Model):
    """One message of a question's thread: the question itself first, then replies both ways."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="messages")
    author_kind = models.CharField(_("from"), max_length=10, choices=Author.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = models.TextField(_("message"), max_length=10000)
    created_at = models.DateTimeField(_("sent"))

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.question_id} {self.author_kind} {self.created_at:%Y-%m-%d %H:%M}"


class MeetingSlot(models.Model):
    """A time an officer offers for a video meeting with an investor."""

    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="meeting_slots", verbose_name=_("officer")
    )
    department = models.ForeignKey(
        "accounts.Department", on_delete=models.PROTECT, related_name="meeting_slots", verbose_name=_("department")
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.SET_NULL, null=True, blank=True, related_name="slots", verbose_name=_("topic")
    )
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    languages = models.JSONField(_("languages spoken"), default=list)
    is_published = models.BooleanField(_("published"), default=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("meeting slot")
        verbose_name_plural = _("meeting slots")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="consulting_slot_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M} {self.officer}"

    def language_names(self) -> list[str]:
        names = dict(settings.LANGUAGES)
        return [str(names.get(code, code)) for code in self.languages]


class Booking(models.Model):
    """An investor's booking of a slot; at most one live booking per slot."""

    slot = models.ForeignKey(MeetingSlot, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("slot"))
    token = models.CharField(max_length=64, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    company = models.CharField(_("company"), max_length=300, blank=True)
    agenda = models.TextField(_("what to discuss"), max_length=2000)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    video_url = models.URLField(_("video link"), max_length=500)
    booked_at = models.DateTimeField(_("booked"))
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancelled_by_staff = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["-booked_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["slot"], condition=Q(cancelled_at__isnull=True), name="consulting_one_booking_per_slot"
            )
        ]

    def __str__(self) -> str:
        return f"{self.slot} — {self.name}"

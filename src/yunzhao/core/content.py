"""Content that staff write in eight languages and publish on the portal.

:class:`TranslatedContent` is the abstract base of every such model (the letter, policies,
services, FAQ entries, indicators' names…). It keeps a draft/published status and, per
language, when that language's text was last saved, so the back office can say which
languages are *missing* (empty) and which are *outdated* (saved before the source text last
changed). The source language is ``settings.MODELTRANSLATION_DEFAULT_LANGUAGE``.

Views that save a translated form call :func:`record_translation` with the language the
editor wrote in; portal pages show :func:`fallback_languages` notices where the reader's
language is missing and the text falls back to another.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname, resolution_order


class Publication(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("publication status", "Draft")
    PUBLISHED = "published", pgettext_lazy("publication status", "Published")


class TranslationState(models.TextChoices):
    COMPLETE = "complete", pgettext_lazy("translation status", "Up to date")
    OUTDATED = "outdated", pgettext_lazy("translation status", "Older than the source")
    MISSING = "missing", pgettext_lazy("translation status", "Missing")


@dataclass(frozen=True)
class LanguageStatus:
    code: str
    name: str
    state: TranslationState
    missing_fields: tuple[str, ...]


def source_language() -> str:
    return str(settings.MODELTRANSLATION_DEFAULT_LANGUAGE)


class TranslatedContent(models.Model):
    """Abstract: a published/draft status and per-language save times.

    Subclasses list in ``TRANSLATED_FIELDS`` the fields registered with modeltranslation
    that a reader needs (``REQUIRED_TRANSLATED_FIELDS`` when only some must be filled for a
    language to count as present; by default all of them).
    """

    TRANSLATED_FIELDS: ClassVar[tuple[str, ...]] = ()
    REQUIRED_TRANSLATED_FIELDS: ClassVar[tuple[str, ...] | None] = None

    status = models.CharField(
        _("status"), max_length=12, choices=Publication.choices, default=Publication.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    translated_at = models.JSONField(_("languages saved"), default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Publication.PUBLISHED

    def _required_fields(self) -> tuple[str, ...]:
        return (
            self.REQUIRED_TRANSLATED_FIELDS if self.REQUIRED_TRANSLATED_FIELDS is not None else self.TRANSLATED_FIELDS
        )

    def missing_fields(self, language: str) -> tuple[str, ...]:
        return tuple(
            name
            for name in self._required_fields()
            if not str(getattr(self, build_localized_fieldname(name, language), "") or "").strip()
        )

    def translation_status(self) -> list[LanguageStatus]:
        """One entry per configured language, the source language first."""
        source = source_language()
        source_saved = _parse(self.translated_at.get(source))
        statuses = []
        languages = sorted(settings.LANGUAGES, key=lambda item: item[0] != source)
        for code, name in languages:
            missing = self.missing_fields(code)
            saved = _parse(self.translated_at.get(code))
            if missing:
                state = TranslationState.MISSING
            elif code != source and source_saved and (saved is None or saved < source_saved):
                state = TranslationState.OUTDATED
            else:
                state = TranslationState.COMPLETE
            statuses.append(LanguageStatus(code=code, name=str(name), state=state, missing_fields=missing))
        return statuses

    def languages_needing_work(self) -> list[LanguageStatus]:
        return [status for status in self.translation_status() if status.state != TranslationState.COMPLETE]

    def is_fallback(self, field: str, language: str | None = None) -> bool:
        """Whether ``field`` shows another language's text to a reader of ``language``."""
        language = language or get_language() or source_language()
        return not str(getattr(self, build_localized_fieldname(field, language), "") or "").strip()


def _parse(value: Any) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None


def record_translation(content: TranslatedContent, language: str, *, when: dt.datetime | None = None) -> None:
    """Note that ``language``'s text of ``content`` was saved now (call before ``save``)."""
    content.translated_at = {**content.translated_at, language: (when or timezone.now()).isoformat()}


def record_all_translations(content: TranslatedContent, *, when: dt.datetime | None = None) -> None:
    """Every language present counts as saved together (imports and demo data)."""
    moment = when or timezone.now()
    for code, _name in settings.LANGUAGES:
        if not content.missing_fields(code):
            record_translation(content, code, when=moment)


def publish(content: TranslatedContent) -> None:
    """Mark published (call before ``save``); the first publication keeps its date."""
    content.status = Publication.PUBLISHED
    if content.published_at is None:
        content.published_at = timezone.now()


def shown_language(content: Any, field: str, language: str | None = None) -> str:
    """The language whose text of ``field`` a reader of ``language`` is shown (their own, or a fallback)."""
    language = language or get_language() or settings.LANGUAGE_CODE
    for code in (language, *resolution_order(language)):
        if str(getattr(content, build_localized_fieldname(field, code), "") or "").strip():
            return code
    return language


def language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))

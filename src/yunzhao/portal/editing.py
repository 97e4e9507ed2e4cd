"""Writes to portal content from the back office: save a language, publish, unpublish, captions.

Every write is audited; any write that touches what the portal shows (published content, or a
publication change) calls :func:`yunzhao.core.pagecache.content_changed` so the next request
renders afresh.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models, transaction

from yunzhao.accounts.models import User
from yunzhao.core import audit, pagecache
from yunzhao.core.content import Publication, TranslatedContent, publish, record_translation
from yunzhao.portal.models import Caption, Video


def _label(content: models.Model) -> str:
    return str(content._meta.model_name)


def save_content(
    *,
    content: TranslatedContent,
    language: str,
    by: User,
    values: Mapping[str, Any],
    relations: Mapping[str, Iterable[Any]] | None = None,
) -> TranslatedContent:
    """Create or change ``content`` with ``values`` written in ``language``."""
    with transaction.atomic():
        created = content.pk is None
        was_published = (
            not created and type(content)._default_manager.filter(pk=content.pk, status=Publication.PUBLISHED).exists()
        )
        for name, value in values.items():
            setattr(content, name, value)
        record_translation(content, language)
        content.save()
        for name, items in (relations or {}).items():
            getattr(content, name).set(list(items))
        audit.record(
            actor=by,
            action=f"portal.{_label(content)}.{'created' if created else 'changed'}",
            target=content,
            data={"language": language, "fields": sorted(values)},
        )
        if was_published or content.is_published:
            pagecache.content_changed()
    return content


def publish_content(*, content: TranslatedContent, by: User) -> None:
    with transaction.atomic():
        publish(content)
        content.save(update_fields=["status", "published_at", "updated_at"])
        audit.record(actor=by, action=f"portal.{_label(content)}.published", target=content)
        pagecache.content_changed()


def unpublish_content(*, content: TranslatedContent, by: User) -> None:
    with transaction.atomic():
        content.status = Publication.DRAFT
        content.save(update_fields=["status", "updated_at"])
        audit.record(actor=by, action=f"portal.{_label(content)}.unpublished", target=content)
        pagecache.content_changed()


def add_caption(*, video: Video, language: str, label: str, file: Any, by: User) -> Caption:
    """Add (or replace) the caption track of ``language``."""
    with transaction.atomic():
        caption = Caption.objects.filter(video=video, language=language).first() or Caption(
            video=video, language=language
        )
        caption.label = label
        caption.file = file
        caption.full_clean()
        caption.save()
        audit.record(
            actor=by, action="portal.video.caption_saved", target=video, data={"language": language, "label": label}
        )
        if video.is_published:
            pagecache.content_changed()
    return caption


def delete_caption(*, caption: Caption, by: User) -> None:
    with transaction.atomic():
        video = caption.video
        language = caption.language
        caption.delete()
        audit.record(actor=by, action="portal.video.caption_removed", target=video, data={"language": language})
        if video.is_published:
            pagecache.content_changed()

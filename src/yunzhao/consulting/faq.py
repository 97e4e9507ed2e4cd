"""Saving FAQ entries and topics from the back office: one language at a time, audited, and the portal refreshed."""

from __future__ import annotations

from django.db import transaction

from yunzhao.accounts.models import User
from yunzhao.consulting.models import FaqEntry, Topic
from yunzhao.core import audit
from yunzhao.core.content import Publication, publish, record_translation
from yunzhao.core.pagecache import content_changed


def save_translated(*, content: FaqEntry | Topic, language: str, by: User) -> FaqEntry | Topic:
    """Save ``content`` as edited in ``language`` (its status as chosen in the form)."""
    with transaction.atomic():
        created = content.pk is None
        record_translation(content, language)
        if content.status == Publication.PUBLISHED:
            publish(content)
        content.save()
        kind = "faq" if isinstance(content, FaqEntry) else "topic"
        audit.record(
            actor=by,
            action=f"consulting.{kind}.{'created' if created else 'changed'}",
            target=content,
            data={"language": language, "status": content.status},
        )
        content_changed()
    return content

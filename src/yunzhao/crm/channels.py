"""Domain functions for investment channels (招商渠道): every write is validated, audited and re-indexed."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from yunzhao.core import audit
from yunzhao.crm.indexing import index_channel
from yunzhao.crm.models import Channel

#: What a person may change through the pages: the names in every language and the agreement.
EDITABLE_FIELDS = (
    "name_zh_hans",
    "name_en",
    "name_ja",
    "name_ko",
    "name_ar",
    "name_es",
    "name_fr",
    "name_ru",
    "kind",
    "country",
    "agreement_date",
    "keeper",
)


def create_channel(*, by: Any, **values: Any) -> Channel:
    """A new channel from ``values`` (names from :data:`EDITABLE_FIELDS`)."""
    unknown = sorted(set(values) - set(EDITABLE_FIELDS))
    if unknown:
        raise TypeError(f"create_channel() cannot set {', '.join(unknown)}")
    with transaction.atomic():
        channel = Channel(**values)
        if channel.country:
            channel.country = channel.country.upper()
        channel.full_clean()
        channel.save()
        audit.record(actor=by, action="channel.created", target=channel, after=audit.snapshot(channel, EDITABLE_FIELDS))
        index_channel(channel)
    return channel


def update_channel(*, channel: Channel, by: Any, **changes: Any) -> Channel:
    """Apply ``changes`` (names from :data:`EDITABLE_FIELDS`) and record only what actually changed."""
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise TypeError(f"update_channel() cannot change {', '.join(unknown)}")
    with transaction.atomic():
        channel = Channel.objects.select_for_update().get(pk=channel.pk)
        fields = list(changes)
        before = audit.snapshot(channel, fields)
        for name, value in changes.items():
            setattr(channel, name, value.upper() if name == "country" and isinstance(value, str) else value)
        channel.full_clean()
        after = audit.snapshot(channel, fields)
        changed = [key for key in after if before[key] != after[key]]
        if changed:
            names = [name for name in fields if _attname(name) in changed]
            channel.save(update_fields=names)
            audit.record(
                actor=by,
                action="channel.updated",
                target=channel,
                before={key: before[key] for key in changed},
                after={key: after[key] for key in changed},
            )
            index_channel(channel)
    return channel


def _attname(name: str) -> str:
    return str(getattr(Channel._meta.get_field(name), "attname", name))

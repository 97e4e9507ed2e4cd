"""Domain functions for enterprises: every write is audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from yunzhao.core import audit
from yunzhao.crm.duplicates import NAME_FIELDS, sync_name_keys
from yunzhao.crm.indexing import index_enterprise
from yunzhao.crm.models import Enterprise

EDITABLE_FIELDS = (
    "name_zh_hans",
    "name_en",
    "name_ja",
    "name_ko",
    "credit_code",
    "registration_number",
    "country",
    "industry",
    "ownership",
    "size",
    "website",
    "registered_in_zone_on",
)


def create_enterprise(*, by: Any, **values: Any) -> Enterprise:
    with transaction.atomic():
        enterprise = Enterprise(**values)
        enterprise.full_clean()
        enterprise.save()
        audit.record(
            actor=by, action="enterprise.created", target=enterprise, after=audit.snapshot(enterprise, EDITABLE_FIELDS)
        )
        index_enterprise(enterprise)
        sync_name_keys(enterprise)
    return enterprise


def update_enterprise(*, enterprise: Enterprise, by: Any, **changes: Any) -> Enterprise:
    """Apply ``changes`` and record only what actually changed."""
    with transaction.atomic():
        enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
        fields = [name for name in changes if name in EDITABLE_FIELDS]
        before = audit.snapshot(enterprise, fields)
        for name in fields:
            setattr(enterprise, name, changes[name])
        enterprise.full_clean()
        after = audit.snapshot(enterprise, fields)
        changed = [name for name in fields if before[_attname(enterprise, name)] != after[_attname(enterprise, name)]]
        if changed:
            enterprise.save(update_fields=[*changed, "updated_at"])
            audit.record(
                actor=by,
                action="enterprise.updated",
                target=enterprise,
                before={k: v for k, v in before.items() if k in {_attname(enterprise, n) for n in changed}},
                after={k: v for k, v in after.items() if k in {_attname(enterprise, n) for n in changed}},
            )
            index_enterprise(enterprise)
            if set(changed) & set(NAME_FIELDS):
                sync_name_keys(enterprise)
    return enterprise


def _attname(instance: Enterprise, name: str) -> str:
    return str(getattr(instance._meta.get_field(name), "attname", name))

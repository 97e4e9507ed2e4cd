"""Domain functions for contacts: every write is validated, audited and re-indexed in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone

from yunzhao.accounts.models import User
from yunzhao.core import audit
from yunzhao.crm.indexing import index_contact
from yunzhao.crm.models import Contact, Enterprise

#: What a person may change through the pages and the API.
EDITABLE_FIELDS = (
    "name",
    "latin_name",
    "title",
    "languages",
    "email",
    "phone",
    "wechat_id",
    "data_source",
    "consented",
    "is_active",
)
#: What the audit log keeps of a contact: the editable fields and when consent was given.
AUDITED_FIELDS = (*EDITABLE_FIELDS, "consented_at")


def create_contact(
    *,
    enterprise: Enterprise,
    by: User,
    name: str,
    data_source: str,
    latin_name: str = "",
    title: str = "",
    languages: Sequence[str] = (),
    email: str = "",
    phone: str = "",
    wechat_id: str = "",
    consented: bool = False,
) -> Contact:
    """Add a contact to ``enterprise``; consent given now is stamped with the current time."""
    with transaction.atomic():
        contact = Contact(
            enterprise=enterprise,
            name=name,
            latin_name=latin_name,
            title=title,
            languages=list(languages),
            email=email,
            phone=phone,
            wechat_id=wechat_id,
            data_source=data_source,
            consented=consented,
            consented_at=timezone.now() if consented else None,
        )
        contact.full_clean()
        contact.save()
        audit.record(
            actor=by,
            action="contact.created",
            target=contact,
            after=audit.snapshot(contact, ("enterprise", *AUDITED_FIELDS)),
        )
        index_contact(contact)
    return contact


def update_contact(*, contact: Contact, by: User, **changes: Any) -> Contact:
    """Apply ``changes`` (names from :data:`EDITABLE_FIELDS`) and record only what actually changed.

    Consent given stamps ``consented_at`` with the current time; consent withdrawn clears it.
    """
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise TypeError(f"update_contact() cannot change {', '.join(unknown)}")
    with transaction.atomic():
        contact = Contact.objects.select_for_update().get(pk=contact.pk)
        before = audit.snapshot(contact, AUDITED_FIELDS)
        for name, value in changes.items():
            setattr(contact, name, list(value) if name == "languages" else value)
        if contact.consented and before["consented"] is False:
            contact.consented_at = timezone.now()
        elif not contact.consented:
            contact.consented_at = None
        contact.full_clean()
        after = audit.snapshot(contact, AUDITED_FIELDS)
        changed = [name for name in AUDITED_FIELDS if before[name] != after[name]]
        if changed:
            contact.save(update_fields=[*changed, "updated_at"])
            audit.record(
                actor=by,
                action="contact.updated",
                target=contact,
                before={name: before[name] for name in changed},
                after={name: after[name] for name in changed},
            )
            index_contact(contact)
    return contact

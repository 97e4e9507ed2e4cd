"""What of an enterprise, a channel or a contact the search finds.

Enterprises and channels: their names in every language and their codes.  Contacts: their
name in their own script and in Latin letters, their e-mail address and their WeChat ID.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from yunzhao.core import search
from yunzhao.crm.models import Channel, Contact, Enterprise

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
ENTERPRISE_NAME_FIELDS = [build_localized_fieldname("name", code) for code in LANGUAGE_CODES]


def enterprise_texts(enterprise: Enterprise) -> list[str]:
    names = [getattr(enterprise, field) or "" for field in ENTERPRISE_NAME_FIELDS]
    return [*names, enterprise.credit_code or "", enterprise.registration_number]


def channel_texts(channel: Channel) -> list[str]:
    return [getattr(channel, field) or "" for field in ENTERPRISE_NAME_FIELDS]


def contact_texts(contact: Contact) -> list[str]:
    return [contact.name, contact.latin_name, contact.email, contact.wechat_id]


def index_enterprise(enterprise: Enterprise) -> None:
    search.index_object(enterprise, *enterprise_texts(enterprise))


def index_channel(channel: Channel) -> None:
    search.index_object(channel, *channel_texts(channel))


def index_contact(contact: Contact) -> None:
    search.index_object(contact, *contact_texts(contact))


def _documents(queryset: Sequence[Enterprise] | Iterator[Enterprise]) -> Iterator[tuple[int, list[str]]]:
    for enterprise in queryset:
        yield enterprise.pk, enterprise_texts(enterprise)


def rebuild_index() -> int:
    """Re-index every enterprise, channel and contact; returns how many entries were written."""
    fields = ["pk", "credit_code", "registration_number", *ENTERPRISE_NAME_FIELDS]
    written = search.rebuild_model_index(
        Enterprise, _documents(Enterprise.objects.only(*fields).order_by("pk").iterator(chunk_size=1000))
    )
    channels = ((c.pk, channel_texts(c)) for c in Channel.objects.only("pk", *ENTERPRISE_NAME_FIELDS).order_by("pk"))
    written += search.rebuild_model_index(Channel, channels)
    contact_fields = ["pk", "name", "latin_name", "email", "wechat_id"]
    contacts = Contact.objects.only(*contact_fields).order_by("pk").iterator(chunk_size=1000)
    return written + search.rebuild_model_index(Contact, ((c.pk, contact_texts(c)) for c in contacts))

"""The signing trail: each step of an agreement with who took it, when, and from which address and browser.

The address and browser come from the request being served (the audit middleware puts
them in :mod:`yunzhao.core.audit`'s request context), so domain functions need not pass
them around and the audit log and the trail never disagree.
"""

from __future__ import annotations

from typing import Any

from yunzhao.core import audit
from yunzhao.signing.models import Agreement, Signatory, SigningEvent


def current_client() -> audit.RequestContext:
    """The address and browser of the request being served; empty outside a request (tasks, shell)."""
    context = audit._request_context.get()  # the audit module's own context: one source for both records
    return context if context is not None else audit.RequestContext(ip_address=None, user_agent="")


def _label(actor: Any, signatory: Signatory | None) -> str:
    if signatory is not None and actor is None:
        return f"{signatory.name} <{signatory.email}>"
    if actor is not None and getattr(actor, "is_authenticated", False):
        name = getattr(actor, "full_name", "") or actor.get_username()
        return f"{name} <{actor.get_username()}>"
    return "system"


def log(*, agreement: Agreement, kind: str, actor: Any, signatory: Signatory | None = None) -> SigningEvent:
    client = current_client()
    return SigningEvent.objects.create(
        agreement=agreement,
        signatory=signatory,
        kind=kind,
        actor_label=_label(actor, signatory)[:255],
        ip_address=client.ip_address,
        user_agent=client.user_agent[:400],
    )

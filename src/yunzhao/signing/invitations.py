"""The e-mails of signing, each in the signatory's own language: the secret link, the one-time code, the final PDF.

A link is made when it is e-mailed, never before: in a sequential agreement the second
signatory's link does not exist until the first has signed. Only its SHA-256 is stored.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from yunzhao.core import audit
from yunzhao.signing import trail
from yunzhao.signing.models import Agreement, EventKind, Signatory


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def signing_url(*, token: str, language: str) -> str:
    with translation.override(language):
        path = reverse("signing:sign", kwargs={"token": token})
    return settings.SITE_URL.rstrip("/") + path


def invite(*, signatory: Signatory, agreement: Agreement) -> None:
    """Give ``signatory`` a new secret link (any earlier one stops working) and e-mail it once committed."""
    token = secrets.token_urlsafe(32)
    signatory.token_hash = hash_token(token)
    signatory.invited_at = timezone.now()
    signatory.save(update_fields=["token_hash", "invited_at"])
    audit.record(actor=None, action="agreement.signatory.invited", target=agreement, data={"signatory": signatory.pk})
    trail.log(agreement=agreement, kind=EventKind.INVITED, actor=None, signatory=signatory)
    context = {
        "agreement": agreement,
        "signatory": signatory,
        "url": signing_url(token=token, language=signatory.language),
    }
    transaction.on_commit(lambda: _send(signatory, "invitation", context))


def send_code(*, signatory: Signatory, code: str, minutes: int) -> None:
    context = {"agreement": signatory.agreement, "signatory": signatory, "code": code, "minutes": minutes}
    transaction.on_commit(lambda: _send(signatory, "code", context))


def _render(signatory: Signatory, name: str, context: dict[str, object]) -> tuple[str, str]:
    with translation.override(signatory.language):
        subject = render_to_string(f"signing/email/{name}_subject.txt", context).strip()
        body = render_to_string(f"signing/email/{name}_body.txt", context)
    return " ".join(subject.split()), body


def _send(signatory: Signatory, name: str, context: dict[str, object]) -> None:
    subject, body = _render(signatory, name, context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [signatory.email], fail_silently=False)


def send_final_document(*, agreement: Agreement, data: bytes) -> None:
    """E-mail every signatory the final PDF, each in their language."""
    filename = f"agreement-{agreement.pk}-signed.pdf"
    for signatory in agreement.signatories.select_related("party").order_by("order", "pk"):
        with translation.override(signatory.language):
            verify_url = settings.SITE_URL.rstrip("/") + reverse("signing:verify")
        context = {"agreement": agreement, "signatory": signatory, "verify_url": verify_url}
        subject, body = _render(signatory, "completed", context)
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [signatory.email])
        message.attach(filename, data, "application/pdf")
        message.send(fail_silently=False)

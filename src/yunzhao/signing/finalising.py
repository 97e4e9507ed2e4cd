"""The final PDF: the original pages unchanged, then a signature page and the audit certificate.

The original's bytes are not touched, so its pages are exactly what each signatory read;
the certificate names the original's SHA-256, and the final file's SHA-256 is stored so
the verification page can tell an unaltered copy from any other file.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from pypdf import PdfReader, PdfWriter

from yunzhao.core import audit
from yunzhao.signing import documents, invitations
from yunzhao.signing.models import Agreement, AgreementStatus, Signatory, SigningEvent

#: The certificate speaks Chinese and English side by side: the zone's language and the lingua franca
#: of its partners, whoever prints it.
CERTIFICATE_LANGUAGES = ("zh-hans", "en")


@dataclass(frozen=True)
class Label:
    zh: str
    en: str


#: The certificate's words, marked for the catalogue and translated into each certificate language.
LABELS = {
    "signatures": gettext_noop("Signatures"),
    "certificate": gettext_noop("Audit certificate"),
    "agreement": gettext_noop("Agreement"),
    "reference": gettext_noop("Reference"),
    "party": gettext_noop("Party"),
    "name": gettext_noop("Name"),
    "title": gettext_noop("Job title"),
    "signed_at": gettext_noop("Signed at"),
    "signature": gettext_noop("Signature"),
    "typed": gettext_noop("Signed by typing the name"),
    "original_sha": gettext_noop("SHA-256 of the original document"),
    "pages": gettext_noop("Pages of the original document"),
    "sent_at": gettext_noop("Sent for signature"),
    "completed_at": gettext_noop("All signatures given"),
    "steps": gettext_noop("Steps"),
    "when": gettext_noop("When"),
    "step": gettext_noop("Step"),
    "who": gettext_noop("Who"),
    "ip": gettext_noop("IP address"),
    "browser": gettext_noop("Browser"),
    "note": gettext_noop(
        "Each signatory proved control of their e-mail address with a one-time code before signing. "
        "The SHA-256 of this whole file is kept by the platform: its verification page tells whether "
        "a copy is unaltered."
    ),
}


def _labels() -> dict[str, Label]:
    labels = {}
    for key, message in LABELS.items():
        texts = []
        for language in CERTIFICATE_LANGUAGES:
            with translation.override(language):
                texts.append(_(message))
        labels[key] = Label(*texts)
    return labels


def _when(value: object) -> str:
    """An unambiguous moment for a legal record: local time with its UTC offset, seconds included."""
    if not isinstance(value, dt.datetime):
        return "—"
    return timezone.localtime(value).isoformat(sep=" ", timespec="seconds")


def _step_label(kind: str) -> Label:
    from yunzhao.signing.models import EventKind

    texts = []
    for language in CERTIFICATE_LANGUAGES:
        with translation.override(language):
            texts.append(str(EventKind(kind).label))
    return Label(*texts)


def added_pages_html(agreement: Agreement) -> str:
    signatories = list(agreement.signatories.select_related("party").order_by("order", "pk"))
    signers = [
        {
            "signatory": signatory,
            "when": _when(signatory.signed_at),
            "image": (
                "data:image/png;base64," + base64.b64encode(bytes(signatory.signature_png)).decode("ascii")
                if signatory.signature_png
                else ""
            ),
        }
        for signatory in signatories
    ]
    events = [
        {"event": event, "when": _when(event.at), "step": _step_label(event.kind)}
        for event in SigningEvent.objects.filter(agreement=agreement).order_by("at", "pk")
    ]
    titles = [
        (code, value)
        for code, _name in settings.LANGUAGES
        if (value := getattr(agreement, f"title_{code.replace('-', '_')}", None))
    ]
    return render_to_string(
        "signing/pdf/final_pages.html",
        {
            "agreement": agreement,
            "titles": titles,
            "signers": signers,
            "events": events,
            "labels": _labels(),
            "sent_at": _when(agreement.sent_at),
            "completed_at": _when(agreement.completed_at),
            "font_stack": documents.FONT_STACK,
        },
    )


def build_final_pdf(agreement: Agreement) -> bytes:
    """The original's pages followed by the signature page and the certificate, as one PDF."""
    with agreement.document.open("rb") as handle:
        original = handle.read()
    if documents.sha256_of(original) != agreement.document_sha256:
        raise ValidationError("the stored original does not match its SHA-256", code="tampered")
    added = documents.render_pdf(added_pages_html(agreement))
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(original)))
    writer.append(PdfReader(io.BytesIO(added)))
    writer.add_metadata({"/Title": str(agreement.title_zh_hans or agreement.title), "/Producer": "Yunzhao"})  # type: ignore[attr-defined]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def finalise_agreement(*, agreement_pk: int) -> bool:
    """Make, store and e-mail the final PDF of a completed agreement; False when there is nothing to do.

    Safe to run twice, or twice at once: the agreement row is locked, and an agreement that
    already has its final document is left alone (and nobody is e-mailed again).
    """
    with transaction.atomic():
        agreement = Agreement.objects.select_for_update().filter(pk=agreement_pk).first()
        if agreement is None or agreement.status != AgreementStatus.COMPLETED or agreement.final_sha256:
            return False
        data = build_final_pdf(agreement)
        agreement.final_document.save(f"{secrets.token_hex(16)}.pdf", ContentFile(data), save=False)
        agreement.final_sha256 = documents.sha256_of(data)
        agreement.finalised_at = timezone.now()
        agreement.save(update_fields=["final_document", "final_sha256", "finalised_at", "updated_at"])
        audit.record(
            actor=None,
            action="agreement.finalised",
            target=agreement,
            data={"final_sha256": agreement.final_sha256, "pages": len(PdfReader(io.BytesIO(data)).pages)},
        )
        # Sent inside the transaction (as the daily digest is): if the mail server refuses,
        # the agreement is not marked final and the task can run again.
        invitations.send_final_document(agreement=agreement, data=data)
    return True


@dataclass(frozen=True)
class Verification:
    sha256: str
    agreement: Agreement | None
    signatories: list[Signatory]


def verify_file(data: bytes) -> Verification:
    """Whether ``data`` is, byte for byte, the final document of an agreement."""
    digest = documents.sha256_of(data)
    agreement = Agreement.objects.filter(final_sha256=digest, status=AgreementStatus.COMPLETED).first()
    signatories = list(agreement.signatories.select_related("party").order_by("order", "pk")) if agreement else []
    return Verification(sha256=digest, agreement=agreement, signatories=signatories)

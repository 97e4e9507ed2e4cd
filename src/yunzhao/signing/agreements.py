"""What staff do with an agreement: create it, give it its document, parties and signatories, send it, void it.

Each function does its work in one transaction and writes the audit record; the signing
trail (:class:`~yunzhao.signing.models.SigningEvent`) gets the steps the certificate lists.
E-mails go out on commit, so a refused transaction never leaves a link in someone's inbox.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yunzhao.core import audit
from yunzhao.signing import documents, trail
from yunzhao.signing.models import Agreement, AgreementStatus, EventKind, Party, Signatory, SigningOrder

EDITABLE_FIELDS = (
    "title_zh_hans",
    "title_en",
    "title_ja",
    "title_ko",
    "title_ar",
    "title_es",
    "title_fr",
    "title_ru",
    "signing_order",
    "expires_at",
    "enterprise",
    "project",
)

NOT_A_DRAFT = _("Only a draft agreement can be changed; this one has been sent.")
NO_DOCUMENT = _("Give the agreement its document before sending it.")
NO_SIGNATORIES = _("Add at least one party with a signatory before sending.")
EMPTY_PARTY = _("Every party needs at least one signatory: %(party)s has none.")
PAST_DEADLINE = _("The signing deadline has passed; set a later one before sending.")
CANNOT_VOID = _("Only an agreement out for signature, or a draft, can be voided.")
REASON_NEEDED = _("Say why the agreement is voided.")
PROJECT_OF_OTHER_ENTERPRISE = _("This project belongs to another enterprise.")


def _locked(agreement: Agreement) -> Agreement:
    return Agreement.objects.select_for_update().get(pk=agreement.pk)


def _require_draft(agreement: Agreement) -> None:
    if agreement.status != AgreementStatus.DRAFT:
        raise ValidationError(NOT_A_DRAFT, code="not_draft")


def create_agreement(*, by: Any, **values: Any) -> Agreement:
    """A draft agreement; ``values`` are among :data:`EDITABLE_FIELDS`."""
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    with transaction.atomic():
        agreement = Agreement(created_by=by, **values)
        if agreement.project is not None and agreement.enterprise is None:
            agreement.enterprise = agreement.project.enterprise
        if agreement.project is not None and agreement.project.enterprise_id != agreement.enterprise_id:
            raise ValidationError({"project": PROJECT_OF_OTHER_ENTERPRISE})
        agreement.full_clean(exclude=["document", "final_document", "created_by"])
        agreement.save()
        audit.record(
            actor=by, action="agreement.created", target=agreement, after=audit.snapshot(agreement, EDITABLE_FIELDS)
        )
        trail.log(agreement=agreement, kind=EventKind.CREATED, actor=by)
    return agreement


def attach_document(*, agreement: Agreement, data: bytes, filename: str, by: Any) -> Agreement:
    """Give a draft its PDF (replacing any earlier one); the file is checked and its SHA-256 kept."""
    pages = documents.check_pdf(data)
    with transaction.atomic():
        agreement = _locked(agreement)
        _require_draft(agreement)
        before = audit.snapshot(agreement, ["document_name", "document_sha256", "document_pages"])
        # An unguessable stored name: wherever media files are served, a document is not found by counting.
        agreement.document.save(f"{secrets.token_hex(16)}.pdf", ContentFile(data), save=False)
        agreement.document_name = filename[:255] or f"agreement-{agreement.pk}.pdf"
        agreement.document_sha256 = documents.sha256_of(data)
        agreement.document_pages = pages
        agreement.save(update_fields=["document", "document_name", "document_sha256", "document_pages", "updated_at"])
        audit.record(
            actor=by,
            action="agreement.document.attached",
            target=agreement,
            before=before,
            after=audit.snapshot(agreement, ["document_name", "document_sha256", "document_pages"]),
        )
    return agreement


def generate_document(
    *, agreement: Agreement, by: Any, title_partner: str, text_zh: str, text_partner: str, language: str
) -> Agreement:
    """Make the draft's document from the bilingual template: Chinese beside ``language``."""
    data = documents.generate_bilingual_pdf(
        title_zh=agreement.title_zh_hans or str(agreement.title),  # type: ignore[attr-defined]
        title_partner=title_partner,
        text_zh=text_zh,
        text_partner=text_partner,
        language=language,
    )
    return attach_document(
        agreement=agreement, data=data, filename=f"agreement-{agreement.pk}-zh-{language}.pdf", by=by
    )


def add_party(
    *, agreement: Agreement, by: Any, name: str, enterprise: Any = None, signatories: list[dict[str, Any]]
) -> Party:
    """Add an organisation that signs, with its signatories (each: name, title, email, language)."""
    if not signatories:
        raise ValidationError(NO_SIGNATORIES, code="no_signatories")
    with transaction.atomic():
        agreement = _locked(agreement)
        _require_draft(agreement)
        position = (agreement.parties.aggregate(last=Max("position"))["last"] or 0) + 1
        party = Party(agreement=agreement, name=name or (enterprise.name if enterprise else ""), enterprise=enterprise)
        party.position = position
        party.full_clean(exclude=["agreement"])
        party.save()
        audit.record(
            actor=by,
            action="agreement.party.added",
            target=agreement,
            data={"party": party.name, "enterprise": enterprise.pk if enterprise else None},
        )
        for values in signatories:
            _add_signatory(agreement=agreement, party=party, by=by, **values)
    return party


def add_signatory(*, party: Party, by: Any, name: str, email: str, title: str = "", language: str) -> Signatory:
    """Add a person who signs for ``party``; in a sequential agreement they sign after those already added."""
    with transaction.atomic():
        agreement = _locked(party.agreement)
        _require_draft(agreement)
        return _add_signatory(
            agreement=agreement, party=party, by=by, name=name, email=email, title=title, language=language
        )


def _add_signatory(
    *, agreement: Agreement, party: Party, by: Any, name: str, email: str, title: str = "", language: str
) -> Signatory:
    order = (agreement.signatories.aggregate(last=Max("order"))["last"] or 0) + 1
    signatory = Signatory(
        agreement=agreement, party=party, name=name, email=email, title=title, language=language, order=order
    )
    signatory.full_clean(exclude=["agreement", "party"])
    signatory.save()
    audit.record(
        actor=by,
        action="agreement.signatory.added",
        target=agreement,
        data={"party": party.name, "name": name, "email": email, "language": language, "order": order},
    )
    return signatory


def send_agreement(*, agreement: Agreement, by: Any) -> Agreement:
    """Fix the document and send the links: to the first signatory (sequential) or to all (parallel)."""
    from yunzhao.signing import invitations

    with transaction.atomic():
        agreement = _locked(agreement)
        _require_draft(agreement)
        if not agreement.document:
            raise ValidationError(NO_DOCUMENT, code="no_document")
        parties = list(agreement.parties.prefetch_related("signatories"))
        if not parties:
            raise ValidationError(NO_SIGNATORIES, code="no_signatories")
        for party in parties:
            if not party.signatories.all():
                raise ValidationError(EMPTY_PARTY % {"party": party.name}, code="empty_party")
        if agreement.is_past_deadline:
            raise ValidationError({"expires_at": PAST_DEADLINE})
        agreement.status = AgreementStatus.SENT
        agreement.sent_at = timezone.now()
        agreement.save(update_fields=["status", "sent_at", "updated_at"])
        audit.record(
            actor=by,
            action="agreement.sent",
            target=agreement,
            before={"status": AgreementStatus.DRAFT},
            after={"status": agreement.status},
        )
        trail.log(agreement=agreement, kind=EventKind.SENT, actor=by)
        signatories = list(agreement.signatories.order_by("order", "pk"))
        first = signatories if agreement.signing_order == SigningOrder.PARALLEL else signatories[:1]
        for signatory in first:
            invitations.invite(signatory=signatory, agreement=agreement)
    return agreement


def void_agreement(*, agreement: Agreement, by: Any, reason: str) -> Agreement:
    """Stop the signing for good, saying why: every link stops working."""
    if not reason.strip():
        raise ValidationError({"reason": REASON_NEEDED})
    with transaction.atomic():
        agreement = _locked(agreement)
        if agreement.status not in {AgreementStatus.DRAFT, AgreementStatus.SENT}:
            raise ValidationError(CANNOT_VOID, code="cannot_void")
        before = audit.snapshot(agreement, ["status"])
        agreement.status = AgreementStatus.VOIDED
        agreement.voided_at = timezone.now()
        agreement.void_reason = reason.strip()
        agreement.save(update_fields=["status", "voided_at", "void_reason", "updated_at"])
        audit.record(
            actor=by,
            action="agreement.voided",
            target=agreement,
            before=before,
            after=audit.snapshot(agreement, ["status"]),
            data={"reason": agreement.void_reason},
        )
        trail.log(agreement=agreement, kind=EventKind.VOIDED, actor=by)
    return agreement


def expire_if_past_deadline(agreement: Agreement) -> bool:
    """Mark an agreement out for signature whose deadline has passed as expired; True if it is (now) expired.

    Called where a signatory acts, so an expired agreement never takes another signature
    even before any periodic sweep has run.
    """
    if agreement.status == AgreementStatus.EXPIRED:
        return True
    if agreement.status != AgreementStatus.SENT or not agreement.is_past_deadline:
        return False
    with transaction.atomic():
        locked = _locked(agreement)
        if locked.status == AgreementStatus.SENT:
            locked.status = AgreementStatus.EXPIRED
            locked.save(update_fields=["status", "updated_at"])
            audit.record(
                actor=None,
                action="agreement.expired",
                target=locked,
                before={"status": AgreementStatus.SENT},
                after={"status": AgreementStatus.EXPIRED},
            )
            trail.log(agreement=locked, kind=EventKind.EXPIRED, actor=None)
        agreement.status = locked.status
    return agreement.status == AgreementStatus.EXPIRED

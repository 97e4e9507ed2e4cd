"""Domain functions of filings: submit, take into review, accept into the pipeline, decline.

Every write runs in one transaction and is audited; the e-mail to the investor leaves after the
commit.  Accepting and declining lock the filing's row, so two officers cannot both decide it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from yunzhao.core import audit
from yunzhao.crm.contacts import create_contact
from yunzhao.crm.duplicates import DuplicateMatch, find_probable_duplicates
from yunzhao.crm.enterprises import create_enterprise
from yunzhao.crm.models import Contact, DataSource, Enterprise
from yunzhao.intake import emails
from yunzhao.intake.models import CONSENT_VERSION, Attachment, Filing, FilingStatus
from yunzhao.pipeline.models import Project, Source, Stage
from yunzhao.pipeline.projects import create_project

#: What the investor fills in (the names of :class:`Filing`'s fields).
FILING_FIELDS = (
    "company_name",
    "company_country",
    "registration_number",
    "website",
    "ownership",
    "size",
    "contact_name",
    "contact_latin_name",
    "contact_title",
    "email",
    "phone",
    "wechat_id",
    "contact_languages",
    "title",
    "description",
    "industry",
    "amount",
    "currency",
    "registered_capital",
    "jobs",
    "land_need_mu",
    "space_need_sqm",
    "talent_needs",
    "expected_start",
    "expected_production",
)
AUDITED_FIELDS = ("reference", "status", "language", "company_name", "company_country", "title", "amount", "currency")
#: Filings one address may send per hour (form and API each), unless ``settings.FILING_RATE_LIMIT`` says otherwise.
DEFAULT_RATE_LIMIT = 10
RATE_WINDOW = 3600
NO_CONSENT = _("Please agree to the processing of your data: without it we cannot handle your filing.")
ALREADY_DECIDED = _("This filing has already been decided.")


class FilingDecidedError(Exception):
    """The filing was accepted or declined already (perhaps by someone else a moment ago)."""

    def __init__(self) -> None:
        super().__init__(str(ALREADY_DECIDED))


@dataclass(frozen=True)
class AcceptResult:
    filing: Filing
    enterprise: Enterprise
    contact: Contact
    project: Project


def rate_limit() -> int:
    return int(getattr(settings, "FILING_RATE_LIMIT", DEFAULT_RATE_LIMIT))


def reference_for(filing: Filing) -> str:
    """``YZ-2026-000123``: the year it was submitted and its number."""
    return f"YZ-{filing.submitted_at:%Y}-{filing.pk:06d}"


def submit_filing(
    *,
    values: Mapping[str, Any],
    language: str,
    consented: bool,
    investor: Any = None,
    draft: str = "",
    opportunity_id: int | None = None,
) -> Filing:
    """Record a filing with its reference number and send the confirmation in ``language``.

    ``draft`` names attachments uploaded before submitting; they move to the filing.
    """
    if not consented:
        raise ValidationError({"consent": NO_CONSENT}, code="consent")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    unknown = set(values) - set(FILING_FIELDS)
    if unknown:
        raise ValueError(f"not filing fields: {sorted(unknown)}")
    now = timezone.now()
    with transaction.atomic():
        filing = Filing(
            **values,
            language=language,
            submitted_at=now,
            consented_at=now,
            consent_version=CONSENT_VERSION,
            investor=investor if getattr(investor, "is_authenticated", False) else None,
            opportunity_id=opportunity_id,
        )
        filing.full_clean(exclude=["reference"])
        filing.save(force_insert=True)
        filing.reference = reference_for(filing)
        filing.save(update_fields=["reference"])
        files = 0
        if draft:
            files = Attachment.objects.filter(draft=draft, filing__isnull=True).update(filing=filing, draft="")
        audit.record(
            actor=filing.investor or f"{filing.contact_name} <{filing.email}>",
            action="filing.submitted",
            target=filing,
            after=audit.snapshot(filing, AUDITED_FIELDS),
            data={"attachments": files},
        )
        pk = filing.pk
        transaction.on_commit(lambda: emails.send_filing_email(filing_pk=pk, what="received"))
    return filing


def _lock_open(filing: Filing) -> Filing:
    locked = Filing.objects.select_for_update().get(pk=filing.pk)
    if not locked.is_open:
        raise FilingDecidedError
    return locked


def start_review(*, filing: Filing, by: Any) -> Filing:
    """An officer takes the filing: the investor sees "in review"."""
    with transaction.atomic():
        filing = _lock_open(filing)
        if filing.status == FilingStatus.SUBMITTED:
            filing.status = FilingStatus.IN_REVIEW
            filing.save(update_fields=["status"])
            audit.record(
                actor=by,
                action="filing.review.started",
                target=filing,
                before={"status": FilingStatus.SUBMITTED},
                after={"status": filing.status},
            )
    return filing


def probable_duplicates(filing: Filing) -> list[DuplicateMatch]:
    """Enterprises on file that are probably the filing's company, best first."""
    code, number = _identifiers(filing)
    return find_probable_duplicates(
        names=[filing.company_name],
        credit_code=code,
        registration_number=number,
        country=filing.company_country,
    )


def _identifiers(filing: Filing) -> tuple[str | None, str]:
    """(credit code, registration number): a Chinese company's 18-character number is its credit code."""
    number = filing.registration_number.strip()
    if filing.company_country == "CN" and len(number) == 18 and number.isalnum():
        return number.upper(), ""
    return None, number


def _translated(field: str, text: str, language: str) -> dict[str, str]:
    """``text`` in the default language's column and in the filer's own."""
    values = {build_localized_fieldname(field, settings.LANGUAGE_CODE): text}
    values[build_localized_fieldname(field, language)] = text
    return values


def accept_filing(
    *, filing: Filing, by: Any, department: Any, owner: Any = None, enterprise: Enterprise | None = None
) -> AcceptResult:
    """Take the filing into the pipeline: link ``enterprise`` (or create one), add the contact and a
    project at "lead" with source "online filing".  :class:`FilingDecidedError` if decided already."""
    with transaction.atomic():
        filing = _lock_open(filing)
        if enterprise is None:
            code, number = _identifiers(filing)
            enterprise = create_enterprise(
                by=by,
                **_translated("name", filing.company_name, filing.language),
                credit_code=code,
                registration_number=number,
                country=filing.company_country,
                industry=filing.industry,
                ownership=filing.ownership,
                size=filing.size,
                website=filing.website,
                department=department,
                owner=owner,
            )
        contact = create_contact(
            enterprise=enterprise,
            by=by,
            name=filing.contact_name,
            latin_name=filing.contact_latin_name,
            title=filing.contact_title,
            languages=list(filing.contact_languages or []),
            email=filing.email,
            phone=filing.phone,
            wechat_id=filing.wechat_id,
            data_source=DataSource.ONLINE_FILING,
            consented=True,
        )
        project = create_project(
            by=by,
            department=department,
            owner=owner,
            **_translated("title", filing.title, filing.language),
            enterprise=enterprise,
            industry=filing.industry,
            stage=Stage.LEAD,
            source=Source.ONLINE_FILING,
            planned_investment=filing.amount,
            currency=filing.currency,
            registered_capital=filing.registered_capital,
            expected_jobs=filing.jobs,
            land_need_mu=filing.land_need_mu,
            space_need_sqm=filing.space_need_sqm,
        )
        before = audit.snapshot(filing, ["status"])
        filing.status = FilingStatus.ACCEPTED
        filing.decided_at = timezone.now()
        filing.decided_by = by
        filing.enterprise = enterprise
        filing.contact = contact
        filing.project = project
        filing.save(update_fields=["status", "decided_at", "decided_by", "enterprise", "contact", "project"])
        audit.record(
            actor=by,
            action="filing.accepted",
            target=filing,
            before=before,
            after=audit.snapshot(filing, ["status", "enterprise", "contact", "project"]),
        )
        pk = filing.pk
        transaction.on_commit(lambda: emails.send_filing_email(filing_pk=pk, what="accepted"))
    return AcceptResult(filing=filing, enterprise=enterprise, contact=contact, project=project)


def decline_filing(*, filing: Filing, by: Any, reason: str) -> Filing:
    """Decline with ``reason``, which the investor receives by e-mail in their language."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason: the investor receives it.")}, code="reason")
    with transaction.atomic():
        filing = _lock_open(filing)
        before = audit.snapshot(filing, ["status"])
        filing.status = FilingStatus.DECLINED
        filing.decline_reason = reason
        filing.decided_at = timezone.now()
        filing.decided_by = by
        filing.save(update_fields=["status", "decline_reason", "decided_at", "decided_by"])
        audit.record(
            actor=by,
            action="filing.declined",
            target=filing,
            before=before,
            after=audit.snapshot(filing, ["status", "decline_reason"]),
        )
        pk = filing.pk
        transaction.on_commit(lambda: emails.send_filing_email(filing_pk=pk, what="declined"))
    return filing


def add_draft_attachment(*, draft: str, file: Any, name: str, detected_type: str, size: int) -> Attachment:
    """Keep a checked file for a filing not yet submitted (see ``attachments.check_file``)."""
    with transaction.atomic():
        attachment = Attachment(
            draft=draft, original_name=name[:255], detected_type=detected_type, size=size, file=None
        )
        attachment.file.save(name, file, save=False)
        attachment.save()
    return attachment


def remove_draft_attachment(*, draft: str, pk: int) -> bool:
    attachment = Attachment.objects.filter(draft=draft, filing__isnull=True, pk=pk).first()
    if attachment is None:
        return False
    attachment.file.delete(save=False)
    attachment.delete()
    return True

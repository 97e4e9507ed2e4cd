"""Agreements of cloud signing: create one, give it its document, parties and signatories, send it, void it.

The same ``rules`` permissions and domain functions (``signing.agreements``) as the back
office; signing itself happens only on the signatory's own page, never through the API.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, File, Query, Router, Schema, Status, UploadedFile

from yunzhao.api.access import get_or_404, page_of, require, resolve, staff
from yunzhao.api.errors import ErrorOut
from yunzhao.api.schemas import Id, Moment, PageParams, PathId, Ref, UserRef, text
from yunzhao.crm.models import Enterprise
from yunzhao.pipeline.models import Project
from yunzhao.signing import agreements, documents
from yunzhao.signing.models import Agreement, AgreementStatus, Party, Signatory, SigningOrder
from yunzhao.signing.queries import agreement_list

router = Router()

READ = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
WRITE = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


# --- Output -----------------------------------------------------------------------------------


class SignatoryOut(Schema):
    id: int
    name: str
    title: str
    email: str
    language: str
    order: int
    invited_at: dt.datetime | None
    signed_at: dt.datetime | None


class PartyOut(Schema):
    id: int
    name: str
    enterprise: Ref | None
    signatories: list[SignatoryOut]

    @staticmethod
    def resolve_enterprise(obj: Party) -> dict[str, Any] | None:
        return None if obj.enterprise is None else {"id": obj.enterprise.pk, "name": str(obj.enterprise)}

    @staticmethod
    def resolve_signatories(obj: Party) -> list[Signatory]:
        return list(obj.signatories.all())


class AgreementSummaryOut(Schema):
    id: int
    title: str
    status: AgreementStatus
    status_label: str
    signing_order: SigningOrder
    expires_at: dt.datetime | None
    enterprise: Ref | None
    project: Ref | None
    signed_count: int
    signatory_count: int
    document_sha256: str = Field(description="SHA-256 of the document to sign; empty until it is given.")
    final_sha256: str | None = Field(description="SHA-256 of the final signed PDF, once it is made.")
    created_by: UserRef
    created_at: dt.datetime
    sent_at: dt.datetime | None
    completed_at: dt.datetime | None
    voided_at: dt.datetime | None
    void_reason: str

    @staticmethod
    def resolve_title(obj: Agreement) -> str:
        return str(obj.title or "")

    @staticmethod
    def resolve_status_label(obj: Agreement) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_enterprise(obj: Agreement) -> dict[str, Any] | None:
        return None if obj.enterprise is None else {"id": obj.enterprise.pk, "name": str(obj.enterprise)}

    @staticmethod
    def resolve_project(obj: Agreement) -> dict[str, Any] | None:
        return None if obj.project is None else {"id": obj.project.pk, "name": str(obj.project)}


class AgreementOut(AgreementSummaryOut):
    title_zh_hans: str
    title_en: str
    document_pages: int
    parties: list[PartyOut]

    @staticmethod
    def resolve_title_en(obj: Agreement) -> str:
        return getattr(obj, "title_en", None) or ""

    @staticmethod
    def resolve_parties(obj: Agreement) -> list[Party]:
        return list(obj.parties.all())


class AgreementPage(Schema):
    count: int
    items: list[AgreementSummaryOut]


# --- Input ------------------------------------------------------------------------------------


class AgreementFilters(PageParams):
    status: AgreementStatus | None = None


class AgreementIn(Schema):
    title_zh_hans: text(300, min_length=1)  # type: ignore[valid-type]
    title_en: text(300) = ""  # type: ignore[valid-type]
    signing_order: SigningOrder = SigningOrder.SEQUENTIAL
    expires_at: Moment | None = None
    enterprise: Id | None = None
    project: Id | None = Field(None, description="A project; the enterprise is then the project's.")


class SignatoryIn(Schema):
    name: text(200, min_length=1)  # type: ignore[valid-type]
    title: text(200) = ""  # type: ignore[valid-type]
    email: text(254, min_length=3) = Field(..., description="Checked like the office form: a valid e-mail address.")  # type: ignore[valid-type]
    language: str = Field(settings.LANGUAGE_CODE, description=f"One of {', '.join(LANGUAGE_CODES)}.")


class PartyIn(Schema):
    name: text(300) = Field("", description="The organisation; leave empty to use the enterprise's name.")  # type: ignore[valid-type]
    enterprise: Id | None = None
    signatories: list[SignatoryIn] = Field(..., min_length=1, max_length=20)


class VoidIn(Schema):
    reason: text(2000, min_length=1)  # type: ignore[valid-type]


def _agreements() -> QuerySet[Agreement]:
    return agreement_list().prefetch_related("parties__enterprise", "parties__signatories")


def _agreement(agreement_id: int) -> Agreement:
    return get_or_404(_agreements(), agreement_id)


# --- Operations -------------------------------------------------------------------------------


@router.get("/agreements", response={200: AgreementPage, **READ}, tags=["agreements"])
def list_agreements(request: HttpRequest, filters: Query[AgreementFilters]) -> Any:
    """Agreements, newest first, optionally of one status."""
    user = staff(request)
    require(user, "signing.view_agreement")
    queryset = agreement_list().order_by("-created_at", "-pk")
    if filters.status is not None:
        queryset = queryset.filter(status=filters.status)
    return page_of(queryset, filters)


@router.get("/agreements/{agreement_id}", response={200: AgreementOut, **READ}, tags=["agreements"])
def get_agreement(request: HttpRequest, agreement_id: PathId) -> Any:
    """One agreement with its parties and who has signed."""
    require(staff(request), "signing.view_agreement")
    return _agreement(agreement_id)


@router.post("/agreements", response={201: AgreementOut, **WRITE}, tags=["agreements"])
def create_agreement(request: HttpRequest, payload: AgreementIn) -> Any:
    """A draft agreement; give it a document and parties, then send it."""
    user = staff(request)
    require(user, "signing.add_agreement")
    values = payload.model_dump()
    values["title_en"] = values["title_en"] or None
    values["enterprise"] = resolve(Enterprise.objects.all(), values["enterprise"], "enterprise")
    values["project"] = resolve(Project.objects.all(), values["project"], "project")
    agreement = agreements.create_agreement(by=user, **values)
    return Status(201, _agreement(agreement.pk))


@router.post("/agreements/{agreement_id}/document", response={200: AgreementOut, **WRITE}, tags=["agreements"])
def attach_agreement_document(request: HttpRequest, agreement_id: PathId, file: File[UploadedFile]) -> Any:
    """Upload the PDF to sign (multipart, field ``file``), replacing any earlier one of the draft."""
    user = staff(request)
    agreement = _agreement(agreement_id)
    require(user, "signing.change_agreement", agreement)
    data = documents.read_upload(file)
    agreements.attach_document(agreement=agreement, data=data, filename=file.name or "", by=user)
    return _agreement(agreement.pk)


@router.post("/agreements/{agreement_id}/parties", response={201: AgreementOut, **WRITE}, tags=["agreements"])
def add_agreement_party(request: HttpRequest, agreement_id: PathId, payload: PartyIn) -> Any:
    """Add an organisation that signs and its signatories (in a sequential agreement, in the order given)."""
    user = staff(request)
    agreement = _agreement(agreement_id)
    require(user, "signing.change_agreement", agreement)
    enterprise = resolve(Enterprise.objects.all(), payload.enterprise, "enterprise")
    agreements.add_party(
        agreement=agreement,
        by=user,
        name=payload.name,
        enterprise=enterprise,
        signatories=[signatory.model_dump() for signatory in payload.signatories],
    )
    return Status(201, _agreement(agreement.pk))


@router.post("/agreements/{agreement_id}/send", response={200: AgreementOut, **WRITE}, tags=["agreements"])
def send_agreement(request: HttpRequest, agreement_id: PathId) -> Any:
    """Send it for signature: the first signatory (sequential) or all (parallel) get their link by e-mail."""
    user = staff(request)
    agreement = _agreement(agreement_id)
    require(user, "signing.send_agreement", agreement)
    agreements.send_agreement(agreement=agreement, by=user)
    return _agreement(agreement.pk)


@router.post("/agreements/{agreement_id}/void", response={200: AgreementOut, **WRITE}, tags=["agreements"])
def void_agreement(request: HttpRequest, agreement_id: PathId, payload: VoidIn) -> Any:
    """Stop the signing for good, saying why; every signing link stops working."""
    user = staff(request)
    agreement = _agreement(agreement_id)
    require(user, "signing.void_agreement", agreement)
    agreements.void_agreement(agreement=agreement, by=user, reason=payload.reason)
    return _agreement(agreement.pk)

"""Project filings through the versioned API.

Public (no token): ``submit_filing`` — the same validation and domain function
(``intake.filings.submit_filing``) as the portal's form, rate-limited per address like it; it
takes no attachments (send documents through the portal's form, or to the officer once the
filing is answered) — and ``get_own_filing``, which shows a filing to whoever holds both its
reference number and its private token (both in the confirmation e-mail).

Staff (token): ``list_filings``, ``get_filing``, ``accept_filing`` and ``decline_filing``, with the
permissions of the back office (``intake.rules``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.http import HttpRequest
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema, Status

from yunzhao.accounts.models import INTERNAL_ROLES, Department, User
from yunzhao.api.access import get_or_404, page_of, require, resolve, staff
from yunzhao.api.errors import INVALID, NOT_FOUND, ApiError, ErrorOut
from yunzhao.api.schemas import Amount, Country, Day, Id, PageParams, PathId, text
from yunzhao.core.public_forms import TOO_MANY, over_limit
from yunzhao.crm.models import Enterprise, EnterpriseSize, Industry, Ownership
from yunzhao.intake import filings as intake
from yunzhao.intake.forms import _countries
from yunzhao.intake.models import CURRENCIES, Filing, FilingStatus

assert set(CURRENCIES) == {"CNY", "USD", "EUR", "JPY", "KRW", "HKD", "GBP", "AED", "SAR", "RUB", "SGD", "CHF"}

router = Router(tags=["filings"])

READ = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
WRITE = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
NOT_A_COUNTRY = gettext_lazy("Choose the country from the list.")
Language = Literal["zh-hans", "en", "ja", "ko", "ar", "es", "fr", "ru"]
CurrencyCode = Literal["CNY", "USD", "EUR", "JPY", "KRW", "HKD", "GBP", "AED", "SAR", "RUB", "SGD", "CHF"]
Area = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2, allow_inf_nan=False)]


class FilingIn(Schema):
    """What the portal's six steps ask, in one body (without attachments)."""

    language: Language = Field("zh-hans", description="The language the investor is answered in.")
    company_name: text(300, min_length=1)  # type: ignore[valid-type]
    company_country: Country
    registration_number: text(60) = ""  # type: ignore[valid-type]
    website: text(300) = ""  # type: ignore[valid-type]
    ownership: Ownership = Ownership.FOREIGN
    size: EnterpriseSize | Literal[""] = ""
    contact_name: text(200, min_length=1)  # type: ignore[valid-type]
    contact_latin_name: text(200) = ""  # type: ignore[valid-type]
    contact_title: text(200) = ""  # type: ignore[valid-type]
    email: text(254, min_length=3)  # type: ignore[valid-type]
    phone: text(50) = ""  # type: ignore[valid-type]
    wechat_id: text(50) = ""  # type: ignore[valid-type]
    contact_languages: list[Language] = Field(default_factory=list, max_length=8)
    title: text(300, min_length=1)  # type: ignore[valid-type]
    description: text(5000, min_length=1)  # type: ignore[valid-type]
    industry: Id = Field(description="A GB/T 4754 division (two-digit code), by its id.")
    amount: Amount
    currency: CurrencyCode = "USD"
    registered_capital: Amount | None = None
    jobs: int | None = Field(None, ge=0, le=2_000_000_000)
    land_need_mu: Area | None = None
    space_need_sqm: Area | None = None
    talent_needs: text(2000) = ""  # type: ignore[valid-type]
    expected_start: Day | None = None
    expected_production: Day | None = None
    consent: bool = Field(description="The investor agrees to the processing of the data; must be true.")


class FilingReceiptOut(Schema):
    reference: str
    token: str = Field(description="Private: with the reference it reads the filing (get_own_filing).")
    status: FilingStatus


class FilingStatusOut(Schema):
    reference: str
    status: FilingStatus
    status_label: str
    title: str
    company_name: str
    submitted_at: dt.datetime
    decided_at: dt.datetime | None
    decline_reason: str

    @staticmethod
    def resolve_status_label(obj: Filing) -> str:
        return str(obj.get_status_display())


class FilingOut(FilingStatusOut):
    id: int
    language: str
    company_country: str
    registration_number: str
    website: str
    ownership: str
    size: str
    contact_name: str
    contact_latin_name: str
    contact_title: str
    email: str
    phone: str
    wechat_id: str
    contact_languages: list[str]
    description: str
    industry: int | None
    amount: str = Field(description="Decimal amount as a string, in ``currency``.")
    currency: str
    registered_capital: str | None
    jobs: int | None
    land_need_mu: str | None
    space_need_sqm: str | None
    talent_needs: str
    expected_start: dt.date | None
    expected_production: dt.date | None
    consented_at: dt.datetime
    consent_version: str
    opportunity: int | None
    attachments: int
    enterprise: int | None
    contact: int | None
    project: int | None

    @staticmethod
    def resolve_industry(obj: Filing) -> int | None:
        return obj.industry_id

    @staticmethod
    def resolve_amount(obj: Filing) -> str:
        return str(obj.amount)

    @staticmethod
    def resolve_registered_capital(obj: Filing) -> str | None:
        return None if obj.registered_capital is None else str(obj.registered_capital)

    @staticmethod
    def resolve_land_need_mu(obj: Filing) -> str | None:
        return None if obj.land_need_mu is None else str(obj.land_need_mu)

    @staticmethod
    def resolve_space_need_sqm(obj: Filing) -> str | None:
        return None if obj.space_need_sqm is None else str(obj.space_need_sqm)

    @staticmethod
    def resolve_contact_languages(obj: Filing) -> list[str]:
        return [str(code) for code in obj.contact_languages or []]

    @staticmethod
    def resolve_opportunity(obj: Filing) -> int | None:
        return obj.opportunity_id

    @staticmethod
    def resolve_attachments(obj: Filing) -> int:
        return int(getattr(obj, "attachment_count", 0))

    @staticmethod
    def resolve_enterprise(obj: Filing) -> int | None:
        return obj.enterprise_id

    @staticmethod
    def resolve_contact(obj: Filing) -> int | None:
        return obj.contact_id

    @staticmethod
    def resolve_project(obj: Filing) -> int | None:
        return obj.project_id


class FilingPage(Schema):
    count: int
    items: list[FilingOut]


class FilingFilters(PageParams):
    status: FilingStatus | None = None
    country: Country | None = None


class OwnFilingQuery(Schema):
    reference: text(20, min_length=1)  # type: ignore[valid-type]
    token: text(64, min_length=1)  # type: ignore[valid-type]


class AcceptIn(Schema):
    department: Id
    owner: Id | None = None
    enterprise: Id | None = Field(None, description="An enterprise on file to link; none creates one.")


class DeclineIn(Schema):
    reason: text(2000, min_length=1)  # type: ignore[valid-type]


def _filings() -> Any:
    from django.db.models import Count

    return Filing.objects.annotate(attachment_count=Count("attachments"))


def _invalid(field: str, message: Any) -> ApiError:
    return ApiError(422, "validation_error", INVALID, {field: [str(message)]})


@router.post("/filings", response={201: FilingReceiptOut, 422: ErrorOut, 429: ErrorOut}, auth=None)
def submit_filing(request: HttpRequest, payload: FilingIn) -> Any:
    """File a project (public).  The investor receives the confirmation e-mail in ``language``."""
    values = payload.dict()
    language = values.pop("language")
    consent = values.pop("consent")
    if values["company_country"].upper() not in dict(_countries("en")):
        raise _invalid("company_country", NOT_A_COUNTRY)
    values["company_country"] = values["company_country"].upper()
    values["industry"] = resolve(Industry.objects.filter(parent__isnull=False), values["industry"], "industry")
    values["size"] = str(values["size"] or "")
    values["ownership"] = str(values["ownership"])
    values["contact_languages"] = [code.split("-")[0] for code in dict.fromkeys(values["contact_languages"])]
    start, production = values["expected_start"], values["expected_production"]
    if start and production and production < start:
        raise _invalid("expected_production", gettext_lazy("Production cannot start before the project does."))
    if not consent:
        raise _invalid("consent", intake.NO_CONSENT)
    if over_limit(request, "filing-api", limit=intake.rate_limit(), window_seconds=intake.RATE_WINDOW):
        raise ApiError(429, "too_many_requests", TOO_MANY)
    filing = intake.submit_filing(values=values, language=language, consented=consent)
    return Status(201, {"reference": filing.reference, "token": filing.access_token, "status": filing.status})


@router.get("/filing-status", response={200: FilingStatusOut, 404: ErrorOut, 422: ErrorOut}, auth=None)
def get_own_filing(request: HttpRequest, query: Query[OwnFilingQuery]) -> Any:
    """A filing as its investor sees it, for its reference number and private token (public)."""
    filing = Filing.objects.filter(reference=query.reference, access_token=query.token).first()
    if filing is None:
        raise ApiError(404, "not_found", NOT_FOUND)
    return filing


@router.get("/filings", response={200: FilingPage, **READ})
def list_filings(request: HttpRequest, filters: Query[FilingFilters]) -> Any:
    """Filings, the longest-waiting first."""
    require(staff(request), "intake.view_filing")
    found = _filings().order_by("submitted_at", "pk")
    if filters.status:
        found = found.filter(status=filters.status)
    if filters.country:
        found = found.filter(company_country=filters.country.upper())
    return page_of(found, filters)


@router.get("/filings/{filing_id}", response={200: FilingOut, **READ})
def get_filing(request: HttpRequest, filing_id: PathId) -> Any:
    require(staff(request), "intake.view_filing")
    return get_or_404(_filings(), filing_id)


@router.post("/filings/{filing_id}/accept", response={200: FilingOut, **WRITE})
def accept_filing(request: HttpRequest, filing_id: PathId, payload: AcceptIn) -> Any:
    """Into the pipeline: link or create the enterprise, add the contact and a project at "lead"."""
    user = staff(request)
    filing = get_or_404(Filing.objects.all(), filing_id)
    require(user, "intake.review_filing", filing)
    department = resolve(Department.objects.filter(is_active=True), payload.department, "department")
    owner = resolve(User.objects.filter(is_active=True, role__in=INTERNAL_ROLES), payload.owner, "owner")
    enterprise = resolve(Enterprise.objects.all(), payload.enterprise, "enterprise")
    try:
        intake.accept_filing(filing=filing, by=user, department=department, owner=owner, enterprise=enterprise)
    except intake.FilingDecidedError as error:
        raise ApiError(409, "already_decided", intake.ALREADY_DECIDED) from error
    return get_or_404(_filings(), filing_id)


@router.post("/filings/{filing_id}/decline", response={200: FilingOut, **WRITE})
def decline_filing(request: HttpRequest, filing_id: PathId, payload: DeclineIn) -> Any:
    """Decline with a reason, which the investor receives by e-mail in their language."""
    user = staff(request)
    filing = get_or_404(Filing.objects.all(), filing_id)
    require(user, "intake.review_filing", filing)
    try:
        intake.decline_filing(filing=filing, by=user, reason=payload.reason)
    except intake.FilingDecidedError as error:
        raise ApiError(409, "already_decided", intake.ALREADY_DECIDED) from error
    return get_or_404(_filings(), filing_id)

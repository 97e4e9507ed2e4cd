"""The portal's published content through the versioned API: the leader's letter, opportunities,
the service directory, the policy library and the policy finder. Public reads (``auth=None``);
texts come in the request's language (``Accept-Language``), falling back as the pages do, and
the finder is the same :func:`yunzhao.portal.finder.find_policies` as the portal's page."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema

from yunzhao.accounts.models import Department, DepartmentKind
from yunzhao.api.access import get_or_404, page_of, resolve
from yunzhao.api.errors import INVALID, ApiError, ErrorOut
from yunzhao.api.schemas import Amount, Currency, Id, PageParams, PathId, text
from yunzhao.core import money
from yunzhao.core.content import shown_language
from yunzhao.crm.models import Industry, Ownership
from yunzhao.portal import finder, queries
from yunzhao.portal.models import (
    Letter,
    Opportunity,
    OpportunityKind,
    Policy,
    PolicyTopic,
    ServiceCategory,
    ServiceEntry,
)
from yunzhao.portal.views.public import search_policies

router = Router(tags=["portal"])

READ = {404: ErrorOut, 422: ErrorOut}
NO_RATE = gettext_lazy("We have no exchange rate for this currency.")


def _text(obj: Any, name: str) -> str:
    return str(getattr(obj, name, "") or "")


class IndustryOut(Schema):
    id: int
    code: str
    name: str


class DistrictOut(Schema):
    id: int
    name: str


class LetterOut(Schema):
    id: int
    title: str
    body: str
    paragraphs: list[str]
    signatory_name: str
    signatory_title: str
    signature_url: str | None
    language: str = Field(description="The language the text is shown in (the reader's, or a fallback).")
    published_at: dt.datetime | None

    @staticmethod
    def resolve_title(obj: Letter) -> str:
        return _text(obj, "title")

    @staticmethod
    def resolve_body(obj: Letter) -> str:
        return _text(obj, "body")

    @staticmethod
    def resolve_signatory_name(obj: Letter) -> str:
        return _text(obj, "signatory_name")

    @staticmethod
    def resolve_signatory_title(obj: Letter) -> str:
        return _text(obj, "signatory_title")

    @staticmethod
    def resolve_signature_url(obj: Letter) -> str | None:
        return obj.signature.url if obj.signature else None

    @staticmethod
    def resolve_language(obj: Letter) -> str:
        return shown_language(obj, "body")


class OpportunityOut(Schema):
    id: int
    kind: OpportunityKind
    kind_label: str
    title: str
    summary: str
    body: str
    location: str
    industry: IndustryOut | None
    district: DistrictOut | None
    investment_sought: Decimal | None
    currency: str
    land_area_mu: Decimal | None
    land_area_m2: Decimal | None
    floor_space_m2: Decimal | None
    key_figures: list[str]
    image_url: str | None
    language: str

    @staticmethod
    def resolve_kind_label(obj: Opportunity) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_title(obj: Opportunity) -> str:
        return _text(obj, "title")

    @staticmethod
    def resolve_summary(obj: Opportunity) -> str:
        return _text(obj, "summary")

    @staticmethod
    def resolve_body(obj: Opportunity) -> str:
        return _text(obj, "body")

    @staticmethod
    def resolve_location(obj: Opportunity) -> str:
        return _text(obj, "location")

    @staticmethod
    def resolve_key_figures(obj: Opportunity) -> list[str]:
        return obj.figure_lines()

    @staticmethod
    def resolve_image_url(obj: Opportunity) -> str | None:
        return obj.image.url if obj.image else None

    @staticmethod
    def resolve_language(obj: Opportunity) -> str:
        return shown_language(obj, "title")


class OpportunityPage(Schema):
    count: int
    items: list[OpportunityOut]


class OpportunityFilters(PageParams):
    kind: OpportunityKind | None = None


class ServiceOut(Schema):
    id: int
    category: ServiceCategory
    category_label: str
    title: str
    description: str
    provider: str
    address: str
    phone: str
    website: str
    hours: str
    language: str

    @staticmethod
    def resolve_category_label(obj: ServiceEntry) -> str:
        return str(obj.get_category_display())

    @staticmethod
    def resolve_title(obj: ServiceEntry) -> str:
        return _text(obj, "title")

    @staticmethod
    def resolve_description(obj: ServiceEntry) -> str:
        return _text(obj, "description")

    @staticmethod
    def resolve_provider(obj: ServiceEntry) -> str:
        return _text(obj, "provider")

    @staticmethod
    def resolve_address(obj: ServiceEntry) -> str:
        return _text(obj, "address")

    @staticmethod
    def resolve_hours(obj: ServiceEntry) -> str:
        return _text(obj, "hours")

    @staticmethod
    def resolve_language(obj: ServiceEntry) -> str:
        return shown_language(obj, "title")


class ServicePage(Schema):
    count: int
    items: list[ServiceOut]


class ServiceFilters(PageParams):
    category: ServiceCategory | None = None


class PolicyOut(Schema):
    id: int
    topic: PolicyTopic
    topic_label: str
    title: str
    summary: str
    body: str
    benefit: str
    legal_basis: str
    valid_from: dt.date | None
    valid_until: dt.date | None
    industries: list[IndustryOut] = Field(description="Empty: every industry. A section covers its divisions.")
    min_investment_cny: Decimal | None
    max_investment_cny: Decimal | None
    ownership_types: list[Ownership] = Field(description="Empty: any ownership.")
    min_jobs: int | None
    districts: list[DistrictOut] = Field(description="Empty: anywhere in the zone.")
    language: str

    @staticmethod
    def resolve_topic_label(obj: Policy) -> str:
        return str(obj.get_topic_display())

    @staticmethod
    def resolve_title(obj: Policy) -> str:
        return _text(obj, "title")

    @staticmethod
    def resolve_summary(obj: Policy) -> str:
        return _text(obj, "summary")

    @staticmethod
    def resolve_body(obj: Policy) -> str:
        return _text(obj, "body")

    @staticmethod
    def resolve_benefit(obj: Policy) -> str:
        return _text(obj, "benefit")

    @staticmethod
    def resolve_legal_basis(obj: Policy) -> str:
        return _text(obj, "legal_basis")

    @staticmethod
    def resolve_industries(obj: Policy) -> list[Industry]:
        return list(obj.industries.all())

    @staticmethod
    def resolve_districts(obj: Policy) -> list[Department]:
        return list(obj.districts.all())

    @staticmethod
    def resolve_language(obj: Policy) -> str:
        return shown_language(obj, "title")


class PolicyPage(Schema):
    count: int
    items: list[PolicyOut]


class PolicyFilters(PageParams):
    topic: PolicyTopic | None = None
    industry: Id | None = Field(None, description="A section (letter): its policies, its divisions' and general ones.")
    q: text(100) = Field("", description="Words in the title, summary or benefit.")  # type: ignore[valid-type]


class FinderQuery(Schema):
    industry: Id | None = Field(None, description="Industry id (a GB/T section or division).")
    amount: Amount | None = Field(None, description="The planned investment, in ``currency``.")
    currency: Currency = money.BASE_CURRENCY
    ownership: Ownership | None = None
    jobs: int | None = Field(None, ge=0, le=10_000_000)
    district: Id | None = Field(None, description="District (department id) where the project would be.")


class PolicyMatchOut(Schema):
    policy: PolicyOut
    reasons: list[str] = Field(description="Why it applies, in the reader's language.")
    missing: list[str] = Field(description="What is missing (near misses only).")


class FinderOut(Schema):
    amount_cny: Decimal | None = Field(description="The amount converted to yuan with the rates table.")
    matches: list[PolicyMatchOut]
    near_misses: list[PolicyMatchOut]


@router.get("/portal/letter", response={200: LetterOut, **READ}, auth=None)
def get_letter(request: HttpRequest) -> Any:
    """The leader's letter to investors the portal shows (the latest published)."""
    letter = queries.published_letter()
    if letter is None:
        return get_or_404(Letter.objects.none(), 1)
    return letter


@router.get("/portal/opportunities", response={200: OpportunityPage, **READ}, auth=None)
def list_opportunities(request: HttpRequest, filters: Query[OpportunityFilters]) -> Any:
    """Published opportunities: projects seeking investors, sites and space available."""
    opportunities = queries.published_opportunities().order_by("sort_order", "pk")
    if filters.kind:
        opportunities = opportunities.filter(kind=filters.kind)
    return page_of(opportunities, filters)


@router.get("/portal/opportunities/{opportunity_id}", response={200: OpportunityOut, **READ}, auth=None)
def get_opportunity(request: HttpRequest, opportunity_id: PathId) -> Any:
    return get_or_404(queries.published_opportunities(), opportunity_id)


@router.get("/portal/services", response={200: ServicePage, **READ}, auth=None)
def list_services(request: HttpRequest, filters: Query[ServiceFilters]) -> Any:
    """The service directory, by category."""
    services = queries.published_services()
    if filters.category:
        services = services.filter(category=filters.category)
    return page_of(services, filters)


@router.get("/portal/policies", response={200: PolicyPage, **READ}, auth=None)
def list_policies(request: HttpRequest, filters: Query[PolicyFilters]) -> Any:
    """The policy library with each policy's eligibility rules."""
    policies = queries.published_policies()
    if filters.topic:
        policies = policies.filter(topic=filters.topic)
    if filters.industry:
        section = resolve(Industry.objects.all(), filters.industry, "industry")
        assert section is not None
        policies = queries.policies_for_industry(policies, section)
    if filters.q.strip():
        policies = search_policies(policies, filters.q)
    return page_of(policies, filters)


@router.get("/portal/policies/{policy_id}", response={200: PolicyOut, **READ}, auth=None)
def get_policy(request: HttpRequest, policy_id: PathId) -> Any:
    return get_or_404(queries.published_policies(), policy_id)


@router.get("/portal/policy-finder", response={200: FinderOut, 422: ErrorOut}, auth=None)
def find_policies(request: HttpRequest, query: Query[FinderQuery]) -> Any:
    """Which published policies apply to a project, with the reasons; and the near misses."""
    profile = finder.ProjectProfile(
        industry=resolve(Industry.objects.all(), query.industry, "industry"),
        amount=query.amount,
        currency=query.currency.upper(),
        ownership=str(query.ownership or ""),
        jobs=query.jobs,
        district=resolve(Department.objects.filter(kind=DepartmentKind.DISTRICT), query.district, "district"),
    )
    try:
        result = finder.find_policies(profile=profile)
    except money.MissingRateError as error:
        raise ApiError(422, "validation_error", INVALID, {"currency": [str(NO_RATE)]}) from error
    return {
        "amount_cny": result.amount_cny,
        "matches": [{"policy": m.policy, "reasons": m.reasons, "missing": m.missing} for m in result.matches],
        "near_misses": [{"policy": m.policy, "reasons": m.reasons, "missing": m.missing} for m in result.near_misses],
    }

"""Enterprises, their contacts and activities, and investment channels.

Every write calls the same domain function as the back-office pages (``crm.enterprises``,
``crm.contacts``, ``crm.activities``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.db import IntegrityError
from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema, Status

from yunzhao.accounts.models import INTERNAL_ROLES, User
from yunzhao.api.access import get_or_404, page_of, require, resolve, resolve_many, staff
from yunzhao.api.errors import INVALID, ApiError, ErrorOut, field_errors_from_form
from yunzhao.api.schemas import (
    Country,
    Day,
    Id,
    IndustryRef,
    Moment,
    PageParams,
    PathId,
    Ref,
    UserRef,
    text,
)
from yunzhao.core import search
from yunzhao.crm import activities, contacts, enterprises
from yunzhao.crm.forms import EnterpriseFilterForm
from yunzhao.crm.models import (
    Activity,
    ActivityKind,
    Channel,
    ChannelKind,
    Contact,
    DataSource,
    Enterprise,
    EnterpriseSize,
    Industry,
    Ownership,
)
from yunzhao.crm.queries import contacts_of
from yunzhao.pipeline.models import Project
from yunzhao.pipeline.queries import visible_projects

router = Router()

READ = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
WRITE = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
CREDIT_CODE_TAKEN = gettext_lazy("An enterprise with this unified social credit code is already on file.")


# --- Enterprises ------------------------------------------------------------------------------


class EnterpriseOut(Schema):
    id: int
    name: str
    name_zh_hans: str
    name_en: str
    name_ja: str
    name_ko: str
    credit_code: str | None
    registration_number: str
    country: str
    industry: IndustryRef | None
    ownership: Ownership
    size: EnterpriseSize | Literal[""]
    website: str
    registered_in_zone_on: dt.date | None
    department: Ref | None
    owner: UserRef | None
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_name(obj: Enterprise) -> str:
        return str(obj.name or "")

    @staticmethod
    def resolve_name_en(obj: Enterprise) -> str:
        return getattr(obj, "name_en", None) or ""

    @staticmethod
    def resolve_name_ja(obj: Enterprise) -> str:
        return getattr(obj, "name_ja", None) or ""

    @staticmethod
    def resolve_name_ko(obj: Enterprise) -> str:
        return getattr(obj, "name_ko", None) or ""


class EnterprisePage(Schema):
    count: int
    items: list[EnterpriseOut]


class EnterpriseFilters(PageParams):
    q: text(200) = Field("", description="Words to search for, in any language.")  # type: ignore[valid-type]
    country: Country | None = Field(None, description="ISO 3166 country code, e.g. JP.")
    ownership: Ownership | None = None


class EnterpriseIn(Schema):
    name_zh_hans: text(300, min_length=1)  # type: ignore[valid-type]
    name_en: text(300) = ""  # type: ignore[valid-type]
    name_ja: text(300) = ""  # type: ignore[valid-type]
    name_ko: text(300) = ""  # type: ignore[valid-type]
    credit_code: text(18) | None = None  # type: ignore[valid-type]
    registration_number: text(60) = ""  # type: ignore[valid-type]
    country: Country = "CN"
    industry: Id | None = None
    ownership: Ownership = Ownership.PRIVATE
    size: EnterpriseSize | Literal[""] = ""
    website: text(200) = ""  # type: ignore[valid-type]
    registered_in_zone_on: Day | None = None


class EnterprisePatch(Schema):
    name_zh_hans: text(300, min_length=1) | None = None  # type: ignore[valid-type]
    name_en: text(300) | None = None  # type: ignore[valid-type]
    name_ja: text(300) | None = None  # type: ignore[valid-type]
    name_ko: text(300) | None = None  # type: ignore[valid-type]
    credit_code: text(18) | None = None  # type: ignore[valid-type]
    registration_number: text(60) | None = None  # type: ignore[valid-type]
    country: Country | None = None
    industry: Id | None = None
    ownership: Ownership | None = None
    size: EnterpriseSize | Literal[""] | None = None
    website: text(200) | None = None  # type: ignore[valid-type]
    registered_in_zone_on: Day | None = None


#: Fields of an enterprise that cannot be empty: ``null`` for them is refused, not stored.
_ENTERPRISE_NOT_NULL = {"name_zh_hans", "registration_number", "country", "ownership", "size", "website"}


def _enterprise_values(values: dict[str, Any]) -> dict[str, Any]:
    for name in _ENTERPRISE_NOT_NULL & {k for k, v in values.items() if v is None}:
        raise ApiError(422, "validation_error", INVALID, {name: [str(gettext_lazy("This field cannot be null."))]})
    if "industry" in values:
        values["industry"] = resolve(Industry.objects.all(), values["industry"], "industry")
    if "country" in values:
        values["country"] = values["country"].upper()
    if values.get("credit_code") == "":
        values["credit_code"] = None
    for name in ("name_en", "name_ja", "name_ko"):
        if name in values and values[name] == "":
            values[name] = None
    return values


def _enterprises() -> QuerySet[Enterprise]:
    return Enterprise.objects.select_related("industry", "department", "owner")


@router.get("/enterprises", response={200: EnterprisePage, **READ}, tags=["enterprises"])
def list_enterprises(request: HttpRequest, filters: Query[EnterpriseFilters]) -> Any:
    """Enterprises on file, by name; ``q`` searches every language's names and codes."""
    require(staff(request), "crm.view_enterprise")
    params = QueryDict(mutable=True)
    for key in ("q", "country", "ownership"):
        value = getattr(filters, key)
        if value:
            params[key] = str(value)
    form = EnterpriseFilterForm(params)
    if not form.is_valid():
        raise ApiError(422, "validation_error", INVALID, field_errors_from_form(form))
    queryset = _enterprises().order_by("name", "pk")
    data = form.cleaned_data
    if data["q"]:
        queryset = search.filter_queryset(queryset, data["q"])
    if data["country"]:
        queryset = queryset.filter(country=data["country"].upper())
    if data["ownership"]:
        queryset = queryset.filter(ownership=data["ownership"])
    return page_of(queryset, filters)


@router.get("/enterprises/{enterprise_id}", response={200: EnterpriseOut, **READ}, tags=["enterprises"])
def get_enterprise(request: HttpRequest, enterprise_id: PathId) -> Any:
    require(staff(request), "crm.view_enterprise")
    return get_or_404(_enterprises(), enterprise_id)


@router.post("/enterprises", response={201: EnterpriseOut, **WRITE}, tags=["enterprises"])
def create_enterprise(request: HttpRequest, payload: EnterpriseIn) -> Any:
    """Add an enterprise; the caller becomes its officer."""
    user = staff(request)
    require(user, "crm.add_enterprise")
    values = _enterprise_values(payload.model_dump())
    try:
        enterprise = enterprises.create_enterprise(by=user, owner=user, **values)
    except IntegrityError as error:
        raise ApiError(409, "conflict", CREDIT_CODE_TAKEN, {"credit_code": [str(CREDIT_CODE_TAKEN)]}) from error
    return Status(201, _enterprises().get(pk=enterprise.pk))


@router.patch("/enterprises/{enterprise_id}", response={200: EnterpriseOut, **WRITE}, tags=["enterprises"])
def update_enterprise(request: HttpRequest, enterprise_id: PathId, payload: EnterprisePatch) -> Any:
    """Change the fields given; the others stay."""
    user = staff(request)
    enterprise = get_or_404(_enterprises(), enterprise_id)
    require(user, "crm.change_enterprise", enterprise)
    values = _enterprise_values(payload.model_dump(exclude_unset=True))
    try:
        enterprises.update_enterprise(enterprise=enterprise, by=user, **values)
    except IntegrityError as error:
        raise ApiError(409, "conflict", CREDIT_CODE_TAKEN, {"credit_code": [str(CREDIT_CODE_TAKEN)]}) from error
    return _enterprises().get(pk=enterprise.pk)


# --- Contacts ---------------------------------------------------------------------------------


class ContactOut(Schema):
    id: int
    enterprise_id: int
    name: str
    latin_name: str
    title: str
    languages: list[str]
    email: str
    phone: str
    wechat_id: str
    data_source: DataSource
    consented: bool
    consented_at: dt.datetime | None
    is_active: bool
    created_at: dt.datetime
    updated_at: dt.datetime


class ContactPage(Schema):
    count: int
    items: list[ContactOut]


LanguageCode = text(8, min_length=2)


class ContactIn(Schema):
    name: text(200, min_length=1)  # type: ignore[valid-type]
    data_source: DataSource
    latin_name: text(200) = ""  # type: ignore[valid-type]
    title: text(200) = ""  # type: ignore[valid-type]
    languages: list[LanguageCode] = Field(default_factory=list, max_length=20)  # type: ignore[valid-type]
    email: text(254) = ""  # type: ignore[valid-type]
    phone: text(50) = ""  # type: ignore[valid-type]
    wechat_id: text(50) = ""  # type: ignore[valid-type]
    consented: bool = False


class ContactPatch(Schema):
    name: text(200, min_length=1) | None = None  # type: ignore[valid-type]
    data_source: DataSource | None = None
    latin_name: text(200) | None = None  # type: ignore[valid-type]
    title: text(200) | None = None  # type: ignore[valid-type]
    languages: list[LanguageCode] | None = Field(None, max_length=20)  # type: ignore[valid-type]
    email: text(254) | None = None  # type: ignore[valid-type]
    phone: text(50) | None = None  # type: ignore[valid-type]
    wechat_id: text(50) | None = None  # type: ignore[valid-type]
    consented: bool | None = None
    is_active: bool | None = None


@router.get("/enterprises/{enterprise_id}/contacts", response={200: ContactPage, **READ}, tags=["contacts"])
def list_contacts(request: HttpRequest, enterprise_id: PathId, page: Query[PageParams]) -> Any:
    """The enterprise's contacts, active ones first, by name."""
    require(staff(request), "crm.view_contact")
    enterprise = get_or_404(Enterprise.objects.all(), enterprise_id)
    return page_of(contacts_of(enterprise), page)


@router.get("/contacts/{contact_id}", response={200: ContactOut, **READ}, tags=["contacts"])
def get_contact(request: HttpRequest, contact_id: PathId) -> Any:
    require(staff(request), "crm.view_contact")
    return get_or_404(Contact.objects.all(), contact_id)


@router.post("/enterprises/{enterprise_id}/contacts", response={201: ContactOut, **WRITE}, tags=["contacts"])
def create_contact(request: HttpRequest, enterprise_id: PathId, payload: ContactIn) -> Any:
    user = staff(request)
    require(user, "crm.add_contact")
    enterprise = get_or_404(Enterprise.objects.all(), enterprise_id)
    contact = contacts.create_contact(enterprise=enterprise, by=user, **payload.model_dump())
    return Status(201, contact)


@router.patch("/contacts/{contact_id}", response={200: ContactOut, **WRITE}, tags=["contacts"])
def update_contact(request: HttpRequest, contact_id: PathId, payload: ContactPatch) -> Any:
    user = staff(request)
    contact = get_or_404(Contact.objects.all(), contact_id)
    require(user, "crm.change_contact", contact)
    values = payload.model_dump(exclude_unset=True)
    for name in [k for k, v in values.items() if v is None]:
        raise ApiError(422, "validation_error", INVALID, {name: [str(gettext_lazy("This field cannot be null."))]})
    return contacts.update_contact(contact=contact, by=user, **values)


# --- Channels ---------------------------------------------------------------------------------


class ChannelOut(Schema):
    id: int
    name: str
    name_zh_hans: str
    name_en: str
    kind: ChannelKind
    country: str
    agreement_date: dt.date | None
    keeper: UserRef | None
    created_at: dt.datetime

    @staticmethod
    def resolve_name(obj: Channel) -> str:
        return str(obj.name or "")

    @staticmethod
    def resolve_name_zh_hans(obj: Channel) -> str:
        return getattr(obj, "name_zh_hans", None) or ""

    @staticmethod
    def resolve_name_en(obj: Channel) -> str:
        return getattr(obj, "name_en", None) or ""


class ChannelPage(Schema):
    count: int
    items: list[ChannelOut]


class ChannelFilters(PageParams):
    country: Country | None = None
    kind: ChannelKind | None = None


@router.get("/channels", response={200: ChannelPage, **READ}, tags=["channels"])
def list_channels(request: HttpRequest, filters: Query[ChannelFilters]) -> Any:
    """International investment channels (chambers, associations, consulates, investment offices …)."""
    require(staff(request), "crm.view_channel")
    queryset = Channel.objects.select_related("keeper").order_by("name", "pk")
    if filters.country:
        queryset = queryset.filter(country=filters.country.upper())
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    return page_of(queryset, filters)


@router.get("/channels/{channel_id}", response={200: ChannelOut, **READ}, tags=["channels"])
def get_channel(request: HttpRequest, channel_id: PathId) -> Any:
    require(staff(request), "crm.view_channel")
    return get_or_404(Channel.objects.select_related("keeper"), channel_id)


# --- Activities -------------------------------------------------------------------------------


class ActivityOut(Schema):
    id: int
    kind: ActivityKind
    enterprise: Ref
    project: Ref | None
    occurred_at: dt.datetime
    subject: str
    notes: str
    participants: list[UserRef]
    contacts: list[Ref]
    next_step: str
    follow_up_on: dt.date | None
    follow_up_owner: UserRef | None
    follow_up_done_at: dt.datetime | None
    created_by: UserRef
    created_at: dt.datetime

    @staticmethod
    def resolve_participants(obj: Activity) -> list[User]:
        return list(obj.participants.all())

    @staticmethod
    def resolve_contacts(obj: Activity) -> list[dict[str, Any]]:
        return [{"id": contact.pk, "name": str(contact)} for contact in obj.contacts.all()]

    @staticmethod
    def resolve_enterprise(obj: Activity) -> dict[str, Any]:
        return {"id": obj.enterprise_id, "name": str(obj.enterprise)}

    @staticmethod
    def resolve_project(obj: Activity) -> dict[str, Any] | None:
        return None if obj.project is None else {"id": obj.project.pk, "name": str(obj.project)}


class ActivityPage(Schema):
    count: int
    items: list[ActivityOut]


class ActivityIn(Schema):
    enterprise: Id
    kind: ActivityKind
    occurred_at: Moment
    subject: text(300, min_length=1)  # type: ignore[valid-type]
    project: Id | None = None
    notes: text(20000) = ""  # type: ignore[valid-type]
    participants: list[Id] = Field(default_factory=list, max_length=50)
    contacts: list[Id] = Field(default_factory=list, max_length=50)
    next_step: text(500) = ""  # type: ignore[valid-type]
    follow_up_on: Day | None = None
    follow_up_owner: Id | None = None


def activities_with_details() -> QuerySet[Activity]:
    """Activities with what an API item shows joined: one query, plus one per many-to-many."""
    return (
        Activity.objects.select_related("enterprise", "project", "created_by", "follow_up_owner")
        .prefetch_related("participants", "contacts")
        .order_by("-occurred_at", "-pk")
    )


@router.get("/enterprises/{enterprise_id}/activities", response={200: ActivityPage, **READ}, tags=["activities"])
def list_enterprise_activities(request: HttpRequest, enterprise_id: PathId, page: Query[PageParams]) -> Any:
    """What happened with the enterprise, newest first."""
    require(staff(request), "crm.view_activity")
    enterprise = get_or_404(Enterprise.objects.all(), enterprise_id)
    return page_of(activities_with_details().filter(enterprise=enterprise), page)


@router.get("/projects/{project_id}/activities", response={200: ActivityPage, **READ}, tags=["activities"])
def list_project_activities(request: HttpRequest, project_id: PathId, page: Query[PageParams]) -> Any:
    """What happened in the project, newest first (projects the caller may see only)."""
    user = staff(request)
    require(user, "crm.view_activity")
    project = get_or_404(visible_projects(user), project_id)
    return page_of(activities_with_details().filter(project=project), page)


@router.post("/activities", response={201: ActivityOut, **WRITE}, tags=["activities"])
def record_activity(request: HttpRequest, payload: ActivityIn) -> Any:
    """Record a call, e-mail, meeting, visit or negotiation round, with its follow-up."""
    user = staff(request)
    require(user, "crm.add_activity")
    enterprise = resolve(Enterprise.objects.all(), payload.enterprise, "enterprise")
    assert enterprise is not None
    staff_members = User.objects.filter(role__in=INTERNAL_ROLES, is_active=True)
    activity = activities.record_activity(
        by=user,
        enterprise=enterprise,
        kind=payload.kind,
        occurred_at=payload.occurred_at,
        subject=payload.subject,
        project=resolve(Project.objects.all(), payload.project, "project"),
        notes=payload.notes,
        participants=resolve_many(staff_members, payload.participants, "participants"),
        contacts=resolve_many(Contact.objects.filter(enterprise=enterprise), payload.contacts, "contacts"),
        next_step=payload.next_step,
        follow_up_on=payload.follow_up_on,
        follow_up_owner=resolve(staff_members, payload.follow_up_owner, "follow_up_owner"),
    )
    return Status(201, activities_with_details().get(pk=activity.pk))

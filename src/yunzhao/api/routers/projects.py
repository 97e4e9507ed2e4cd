"""Projects, their stage moves and their hand-overs between departments.

Reads use the same visibility as the pages (``pipeline.queries.visible_projects``) and the
same filters (``pipeline.filters``); writes call ``pipeline.projects``, ``pipeline.lifecycle``
and ``pipeline.circulation``, checked with the same ``rules`` permissions.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema, Status

from yunzhao.accounts.models import Department, User
from yunzhao.api.access import get_or_404, page_of, require, resolve, staff
from yunzhao.api.errors import CHANGED_MEANWHILE, INVALID, ApiError, ConflictOut, ErrorOut, field_errors_from_form
from yunzhao.api.schemas import Amount, Currency, Id, IndustryRef, Moment, PageParams, PathId, Ref, UserRef, text
from yunzhao.crm.models import Channel, Enterprise, Industry
from yunzhao.pipeline import circulation, lifecycle, projects
from yunzhao.pipeline.filters import SORTS, ProjectFilterForm, apply_filters, apply_sort, with_list_figures
from yunzhao.pipeline.lifecycle import ConcurrentEditError
from yunzhao.pipeline.models import Handover, HandoverStatus, KeyLevel, Project, Source, Stage
from yunzhao.pipeline.queries import project_list, visible_projects

router = Router()

READ = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
WRITE = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ConflictOut, 422: ErrorOut}
NOT_NULL = gettext_lazy("This field cannot be null.")
DEPARTMENT_NEEDED = gettext_lazy("Say which department will work the project.")

Area = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2, allow_inf_nan=False)]
Count = Annotated[int, Field(ge=0, le=2_147_483_647)]
Version = Annotated[int, Field(ge=1, le=2_147_483_647, description="The version the change is based on.")]


# --- Output -----------------------------------------------------------------------------------


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


class ProjectOut(Schema):
    id: int
    title: str
    title_zh_hans: str
    title_en: str
    title_ja: str
    title_ko: str
    enterprise: Ref
    industry: IndustryRef | None
    stage: Stage
    stage_label: str
    stage_entered_at: dt.datetime
    closing_reason: str
    planned_investment: str = Field(description="Decimal amount as a string, in ``currency``.")
    currency: str
    registered_capital: str | None
    expected_jobs: int | None
    expected_annual_output: str | None
    expected_annual_tax: str | None
    land_need_mu: str | None
    space_need_sqm: str | None
    is_key: bool
    key_level: KeyLevel | Literal[""]
    source: Source
    channel: Ref | None
    department: Ref
    owner: UserRef | None
    version: int = Field(description="Send it back with an update: a change over a newer version is refused (409).")
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_title(obj: Project) -> str:
        return str(obj.title or "")

    @staticmethod
    def resolve_title_en(obj: Project) -> str:
        return getattr(obj, "title_en", None) or ""

    @staticmethod
    def resolve_title_ja(obj: Project) -> str:
        return getattr(obj, "title_ja", None) or ""

    @staticmethod
    def resolve_title_ko(obj: Project) -> str:
        return getattr(obj, "title_ko", None) or ""

    @staticmethod
    def resolve_enterprise(obj: Project) -> dict[str, Any]:
        return {"id": obj.enterprise_id, "name": str(obj.enterprise)}

    @staticmethod
    def resolve_channel(obj: Project) -> dict[str, Any] | None:
        return None if obj.channel is None else {"id": obj.channel.pk, "name": str(obj.channel)}

    @staticmethod
    def resolve_stage_label(obj: Project) -> str:
        return str(obj.get_stage_display())

    @staticmethod
    def resolve_planned_investment(obj: Project) -> str:
        return str(obj.planned_investment)

    @staticmethod
    def resolve_registered_capital(obj: Project) -> str | None:
        return _amount(obj.registered_capital)

    @staticmethod
    def resolve_expected_annual_output(obj: Project) -> str | None:
        return _amount(obj.expected_annual_output)

    @staticmethod
    def resolve_expected_annual_tax(obj: Project) -> str | None:
        return _amount(obj.expected_annual_tax)

    @staticmethod
    def resolve_land_need_mu(obj: Project) -> str | None:
        return _amount(obj.land_need_mu)

    @staticmethod
    def resolve_space_need_sqm(obj: Project) -> str | None:
        return _amount(obj.space_need_sqm)


class ProjectPage(Schema):
    count: int
    items: list[ProjectOut]


# --- Input ------------------------------------------------------------------------------------


class ProjectFilters(PageParams):
    q: text(200) = Field("", description="Words to search for, in any language.")  # type: ignore[valid-type]
    stage: list[Stage] = Field(default_factory=list, max_length=12, description="One or more stages.")
    industry: Id | None = Field(None, description="An industry section (its id); its divisions are included.")
    country: Annotated[str, Field(max_length=2, pattern=r"^[A-Za-z]{0,2}$")] = Field(
        "", description="The enterprise's country (ISO 3166), e.g. JP."
    )
    department: Id | None = Field(None, description="A department (its id); departments under it are included.")
    owner: Id | None = Field(None, description="The officer (a user id).")
    key: bool = Field(False, description="Key projects only.")
    source: Source | None = None
    amount_min: Amount | None = Field(None, description="Planned investment from, in yuan.")
    amount_max: Amount | None = Field(None, description="Planned investment up to, in yuan.")
    overdue: bool = Field(False, description="Hand-over past its deadline or follow-up past its date.")
    sort: Literal["-updated", "title", "-amount", "amount", "stage", "-stage", "in_stage"] = "-updated"


assert set(SORTS) == {"-updated", "title", "-amount", "amount", "stage", "-stage", "in_stage"}


class ProjectIn(Schema):
    title_zh_hans: text(300, min_length=1)  # type: ignore[valid-type]
    title_en: text(300) = ""  # type: ignore[valid-type]
    title_ja: text(300) = ""  # type: ignore[valid-type]
    title_ko: text(300) = ""  # type: ignore[valid-type]
    enterprise: Id
    industry: Id | None = Field(None, description="An industry section (its id).")
    planned_investment: Amount = Decimal("0")
    currency: Currency = "CNY"
    registered_capital: Amount | None = None
    expected_jobs: Count | None = None
    expected_annual_output: Amount | None = None
    expected_annual_tax: Amount | None = None
    land_need_mu: Area | None = None
    space_need_sqm: Area | None = None
    is_key: bool = False
    key_level: KeyLevel | Literal[""] = ""
    source: Source = Source.OWN_WORK
    channel: Id | None = None
    department: Id | None = Field(
        None, description="Only for people without a department of their own (administrators)."
    )


class ProjectPatch(Schema):
    version: Version
    title_zh_hans: text(300, min_length=1) | None = None  # type: ignore[valid-type]
    title_en: text(300) | None = None  # type: ignore[valid-type]
    title_ja: text(300) | None = None  # type: ignore[valid-type]
    title_ko: text(300) | None = None  # type: ignore[valid-type]
    enterprise: Id | None = None
    industry: Id | None = None
    planned_investment: Amount | None = None
    currency: Currency | None = None
    registered_capital: Amount | None = None
    expected_jobs: Count | None = None
    expected_annual_output: Amount | None = None
    expected_annual_tax: Amount | None = None
    land_need_mu: Area | None = None
    space_need_sqm: Area | None = None
    is_key: bool | None = None
    key_level: KeyLevel | Literal[""] | None = None
    source: Source | None = None
    channel: Id | None = None


#: Fields that cannot be empty: ``null`` for them is refused rather than stored.
_NOT_NULL = {"title_zh_hans", "enterprise", "planned_investment", "currency", "is_key", "key_level", "source"}


def _project_values(values: dict[str, Any]) -> dict[str, Any]:
    """Ids to objects, amounts at the column's scale (as the page's form does), ``null`` refused where not allowed."""
    for name in sorted(_NOT_NULL & {k for k, v in values.items() if v is None}):
        raise ApiError(422, "validation_error", INVALID, {name: [str(NOT_NULL)]})
    if "enterprise" in values:
        values["enterprise"] = resolve(Enterprise.objects.all(), values["enterprise"], "enterprise")
    if "industry" in values:
        values["industry"] = resolve(Industry.objects.filter(parent__isnull=True), values["industry"], "industry")
    if "channel" in values:
        values["channel"] = resolve(Channel.objects.all(), values["channel"], "channel")
    if "currency" in values:
        values["currency"] = values["currency"].upper()
    for name, value in values.items():
        field = Project._meta.get_field(name)
        if isinstance(value, Decimal) and isinstance(field, models.DecimalField):
            values[name] = value.quantize(Decimal(1).scaleb(-field.decimal_places))
    return values


def _project(user: User, project_id: int) -> Project:
    return get_or_404(project_list(user), project_id)


def _conflict(project: Project) -> ApiError:
    version = Project.objects.filter(pk=project.pk).values_list("version", flat=True).first()
    message = str(CHANGED_MEANWHILE % {"version": version})
    return ApiError(409, "version_conflict", message, {"version": [message]}, current_version=version)


# --- Projects ---------------------------------------------------------------------------------


@router.get("/projects", response={200: ProjectPage, **READ}, tags=["projects"])
def list_projects(request: HttpRequest, filters: Query[ProjectFilters]) -> Any:
    """The projects the caller may see, filtered and sorted like the project list page."""
    user = staff(request)
    require(user, "office.access")
    params = QueryDict(mutable=True)
    params.setlist("stage", [str(stage.value) for stage in filters.stage])
    for key in ("q", "industry", "country", "department", "owner", "source", "amount_min", "amount_max", "sort"):
        value = getattr(filters, key)
        if value not in (None, ""):
            params[key] = str(getattr(value, "value", value))
    for key in ("key", "overdue"):
        if getattr(filters, key):
            params[key] = "true"
    form = ProjectFilterForm(params)
    if not form.is_valid():
        raise ApiError(422, "validation_error", INVALID, field_errors_from_form(form))
    queryset = apply_sort(
        apply_filters(with_list_figures(project_list(user)), form.cleaned_data), form.cleaned_data["sort"]
    )
    return page_of(queryset, filters)


@router.get("/projects/{project_id}", response={200: ProjectOut, **READ}, tags=["projects"])
def get_project(request: HttpRequest, project_id: PathId) -> Any:
    """One project; a project the caller may not see answers 404, as if it did not exist."""
    return _project(staff(request), project_id)


@router.post("/projects", response={201: ProjectOut, **WRITE}, tags=["projects"])
def create_project(request: HttpRequest, payload: ProjectIn) -> Any:
    """A new project at the lead stage, in the caller's department, with the caller as its officer."""
    user = staff(request)
    require(user, "pipeline.add_project")
    values = payload.model_dump()
    department_id = values.pop("department")
    if user.department_id is not None:
        department = user.department
    else:
        department = resolve(Department.objects.filter(is_active=True), department_id, "department")
        if department is None:
            raise ApiError(422, "validation_error", INVALID, {"department": [str(DEPARTMENT_NEEDED)]})
    values = _project_values(values)
    for name in ("title_en", "title_ja", "title_ko"):
        values[name] = values[name] or None
    project = projects.create_project(by=user, department=department, owner=user, **values)
    return Status(201, _project(user, project.pk))


@router.patch("/projects/{project_id}", response={200: ProjectOut, **WRITE}, tags=["projects"])
def update_project(request: HttpRequest, project_id: PathId, payload: ProjectPatch) -> Any:
    """Change the fields given.  ``version`` is the version you loaded: if someone saved the project
    since, nothing changes and the answer is 409 with the current version."""
    user = staff(request)
    project = _project(user, project_id)
    require(user, "pipeline.change_project", project)
    values = payload.model_dump(exclude_unset=True)
    version = values.pop("version")
    values = _project_values(values)
    for name in ("title_en", "title_ja", "title_ko"):
        if name in values:
            values[name] = values[name] or None
    try:
        projects.update_project(project=project, by=user, expected_version=version, **values)
    except ConcurrentEditError as error:
        raise _conflict(project) from error
    return _project(user, project.pk)


# --- Stage moves ------------------------------------------------------------------------------


class MoveIn(Schema):
    to_stage: Stage
    reason: text(2000) = Field("", description="Needed to move back, put on hold, mark lost, reopen, or back-date.")  # type: ignore[valid-type]
    effective_at: Moment | None = Field(None, description="When the move took effect; leave out for now.")
    version: Version | None = None


@router.post("/projects/{project_id}/moves", response={200: ProjectOut, **WRITE}, tags=["projects"])
def move_project(request: HttpRequest, project_id: PathId, payload: MoveIn) -> Any:
    """Move the project to another stage.  A move the lifecycle does not allow answers 422 with the reason."""
    user = staff(request)
    project = _project(user, project_id)
    require(user, "pipeline.move_project", project)
    try:
        lifecycle.move_project(
            project=project,
            to_stage=payload.to_stage,
            by=user,
            reason=payload.reason,
            effective_at=payload.effective_at,
            expected_version=payload.version,
        )
    except ConcurrentEditError as error:
        raise _conflict(project) from error
    return _project(user, project.pk)


# --- Hand-overs -------------------------------------------------------------------------------


class HandoverOut(Schema):
    id: int
    project: Ref
    from_department: Ref
    to_department: Ref
    to_owner: UserRef | None
    status: HandoverStatus
    status_label: str
    note: str
    requested_by: UserRef
    requested_at: dt.datetime
    deadline: dt.datetime
    decided_by: UserRef | None
    decided_at: dt.datetime | None
    reason: str

    @staticmethod
    def resolve_project(obj: Handover) -> dict[str, Any]:
        return {"id": obj.project_id, "name": str(obj.project)}

    @staticmethod
    def resolve_status_label(obj: Handover) -> str:
        return str(obj.get_status_display())


class HandoverIn(Schema):
    to_department: Id
    to_owner: Id | None = Field(None, description="A receiving officer in that department, if you know one.")
    note: text(2000) = ""  # type: ignore[valid-type]


class RejectIn(Schema):
    reason: text(2000, min_length=1)  # type: ignore[valid-type]


class CancelIn(Schema):
    reason: text(2000) = ""  # type: ignore[valid-type]


def _handovers() -> QuerySet[Handover]:
    return Handover.objects.select_related(
        "project", "from_department", "to_department", "to_owner", "requested_by", "decided_by"
    )


def _handover(user: User, handover_id: int) -> Handover:
    """The hand-over, if the caller may see its project (else 404, as the pages do)."""
    handover = get_or_404(_handovers(), handover_id)
    get_or_404(visible_projects(user), handover.project_id)
    return handover


@router.post("/projects/{project_id}/handovers", response={201: HandoverOut, **WRITE}, tags=["hand-overs"])
def hand_over_project(request: HttpRequest, project_id: PathId, payload: HandoverIn) -> Any:
    """Hand the project to another department, which accepts or rejects it before the deadline."""
    user = staff(request)
    project = _project(user, project_id)
    require(user, "pipeline.hand_over_project", project)
    to_department = resolve(Department.objects.all(), payload.to_department, "to_department")
    assert to_department is not None
    handover = circulation.hand_over(
        project=project,
        to_department=to_department,
        by=user,
        note=payload.note,
        to_owner=resolve(User.objects.all(), payload.to_owner, "to_owner"),
    )
    return Status(201, _handovers().get(pk=handover.pk))


@router.get("/handovers/{handover_id}", response={200: HandoverOut, **READ}, tags=["hand-overs"])
def get_handover(request: HttpRequest, handover_id: PathId) -> Any:
    return _handover(staff(request), handover_id)


@router.post("/handovers/{handover_id}/accept", response={200: HandoverOut, **WRITE}, tags=["hand-overs"])
def accept_handover(request: HttpRequest, handover_id: PathId) -> Any:
    """Take the project: its department (and officer) change now."""
    user = staff(request)
    handover = _handover(user, handover_id)
    require(user, "pipeline.answer_handover", handover)
    circulation.accept_handover(handover=handover, by=user)
    return _handovers().get(pk=handover.pk)


@router.post("/handovers/{handover_id}/reject", response={200: HandoverOut, **WRITE}, tags=["hand-overs"])
def reject_handover(request: HttpRequest, handover_id: PathId, payload: RejectIn) -> Any:
    """Decline the project, saying why; it stays where it was."""
    user = staff(request)
    handover = _handover(user, handover_id)
    require(user, "pipeline.answer_handover", handover)
    if not payload.reason.strip():
        message = str(gettext_lazy("This field cannot be blank."))
        raise ApiError(422, "validation_error", INVALID, {"reason": [message]})
    circulation.reject_handover(handover=handover, by=user, reason=payload.reason)
    return _handovers().get(pk=handover.pk)


@router.post("/handovers/{handover_id}/cancel", response={200: HandoverOut, **WRITE}, tags=["hand-overs"])
def cancel_handover(request: HttpRequest, handover_id: PathId, payload: CancelIn) -> Any:
    """Withdraw a hand-over you sent that still waits for an answer."""
    user = staff(request)
    handover = _handover(user, handover_id)
    require(user, "pipeline.cancel_handover", handover)
    circulation.cancel_handover(handover=handover, by=user, reason=payload.reason)
    return _handovers().get(pk=handover.pk)

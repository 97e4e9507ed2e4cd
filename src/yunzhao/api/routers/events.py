"""Events, their registrations and check-in at the door.

The same permissions (``events.rules``) and domain functions (``events.planning``,
``events.registrations``) as the pages: a registration through the API takes its place in the
same queue, waiting list and capacity as one through the public form.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema, Status

from yunzhao.accounts.models import Department, User
from yunzhao.api.access import get_or_404, page_of, require, resolve, staff
from yunzhao.api.errors import INVALID, ApiError, ErrorOut
from yunzhao.api.schemas import Country, Id, Moment, PageParams, PathId, Ref, UserRef, text
from yunzhao.events import planning, registrations
from yunzhao.events.models import Event, EventKind, EventStatus, Registration, RegistrationStatus

router = Router()

READ = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
WRITE = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
CLOSED = gettext_lazy("This event does not take registrations now.")
ENDS_BEFORE_START = gettext_lazy("The event cannot end before it starts.")


def _counts(event: Event) -> registrations.RegistrationCounts:
    """The event's registration counts, read once for the four fields that show them."""
    if not hasattr(event, "_registration_counts"):
        event._registration_counts = registrations.counts(event)  # type: ignore[attr-defined]
    return event._registration_counts  # type: ignore[attr-defined]


class EventOut(Schema):
    id: int
    kind: EventKind
    kind_label: str
    title: str
    title_zh_hans: str
    title_en: str
    status: EventStatus
    starts_at: dt.datetime
    ends_at: dt.datetime
    city: str
    country: str
    venue: str
    is_online: bool
    video_url: str
    registration_open: bool
    capacity: int | None
    needs_approval: bool
    department: Ref
    owner: UserRef | None
    registered: int = Field(description="Confirmed, waiting and awaiting approval.")
    confirmed: int
    waiting: int
    checked_in: int

    @staticmethod
    def resolve_kind_label(obj: Event) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_title(obj: Event) -> str:
        return str(obj.title or "")

    @staticmethod
    def resolve_title_en(obj: Event) -> str:
        return getattr(obj, "title_en", None) or ""

    @staticmethod
    def resolve_venue(obj: Event) -> str:
        return str(obj.venue or "")

    @staticmethod
    def resolve_department(obj: Event) -> dict[str, Any]:
        return {"id": obj.department_id, "name": str(obj.department)}

    @staticmethod
    def resolve_registered(obj: Event) -> int:
        return _counts(obj).registered

    @staticmethod
    def resolve_confirmed(obj: Event) -> int:
        return _counts(obj).confirmed

    @staticmethod
    def resolve_waiting(obj: Event) -> int:
        return _counts(obj).waiting

    @staticmethod
    def resolve_checked_in(obj: Event) -> int:
        return _counts(obj).checked_in


class EventPage(Schema):
    count: int
    items: list[EventOut]


class EventFilters(PageParams):
    kind: EventKind | None = None
    upcoming: bool = Field(False, description="Only events that have not ended.")


class EventIn(Schema):
    kind: EventKind
    title_zh_hans: text(300, min_length=1)  # type: ignore[valid-type]
    title_en: text(300) = ""  # type: ignore[valid-type]
    starts_at: Moment
    ends_at: Moment
    city: text(120) = ""  # type: ignore[valid-type]
    country: Country | Literal[""] = ""
    status: EventStatus = EventStatus.DRAFT
    registration_open: bool = False
    capacity: int | None = Field(None, ge=0, le=1_000_000)
    needs_approval: bool = False
    is_online: bool = False
    department: Id | None = Field(None, description="Defaults to the caller's department.")


class RegistrationOut(Schema):
    id: int
    event: int
    status: RegistrationStatus
    status_label: str
    name: str
    organisation: str
    email: str
    language: str
    country: str
    waiting_position: int | None
    created_at: dt.datetime
    checked_in_at: dt.datetime | None

    @staticmethod
    def resolve_event(obj: Registration) -> int:
        return obj.event_id

    @staticmethod
    def resolve_status_label(obj: Registration) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_waiting_position(obj: Registration) -> int | None:
        return registrations.waiting_position(obj) or None


class RegistrationPage(Schema):
    count: int
    items: list[RegistrationOut]


class RegistrationFilters(PageParams):
    status: RegistrationStatus | None = None


class RegistrationIn(Schema):
    name: text(200, min_length=1)  # type: ignore[valid-type]
    email: text(254, min_length=3)  # type: ignore[valid-type]
    language: Literal["zh-hans", "en", "ja", "ko", "ar", "es", "fr", "ru"] = "zh-hans"
    organisation: text(300) = ""  # type: ignore[valid-type]
    title: text(200) = ""  # type: ignore[valid-type]
    phone: text(50) = ""  # type: ignore[valid-type]
    country: Country | Literal[""] = ""


class CheckInIn(Schema):
    code: text(300, min_length=1)  # type: ignore[valid-type]


class CheckInOut(Schema):
    outcome: Literal["checked_in", "already", "not_confirmed", "other_event", "unknown"]
    registration: RegistrationOut | None


def _event(event_id: int) -> Event:
    return get_or_404(Event.objects.select_related("department", "owner"), event_id)


@router.get("/events", response={200: EventPage, **READ}, tags=["events"])
def list_events(request: HttpRequest, filters: Query[EventFilters]) -> Any:
    """Events, soonest first; ``upcoming`` leaves out those that have ended."""
    require(staff(request), "events.view_event")
    events = Event.objects.select_related("department", "owner").order_by("starts_at", "pk")
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.upcoming:
        events = events.filter(ends_at__gte=dt.datetime.now(dt.UTC))
    return page_of(events, filters)


@router.get("/events/{event_id}", response={200: EventOut, **READ}, tags=["events"])
def get_event(request: HttpRequest, event_id: PathId) -> Any:
    require(staff(request), "events.view_event")
    return _event(event_id)


@router.post("/events", response={201: EventOut, **WRITE}, tags=["events"])
def create_event(request: HttpRequest, payload: EventIn) -> Any:
    user: User = staff(request)
    require(user, "events.add_event")
    values = payload.dict()
    department_id = values.pop("department") or user.department_id
    department = resolve(Department.objects.filter(is_active=True), department_id, "department")
    if department is None:
        raise ApiError(422, "validation_error", INVALID, {"department": [str(gettext_lazy("This field is required."))]})
    if values["ends_at"] < values["starts_at"]:
        raise ApiError(422, "validation_error", INVALID, {"ends_at": [str(ENDS_BEFORE_START)]})
    event = planning.create_event(by=user, department=department, owner=user, **values)
    return Status(201, _event(event.pk))


@router.get("/events/{event_id}/registrations", response={200: RegistrationPage, **READ}, tags=["events"])
def list_registrations(request: HttpRequest, event_id: PathId, filters: Query[RegistrationFilters]) -> Any:
    """An event's registrations in the order they were stored (the waiting list's order)."""
    require(staff(request), "events.view_event")
    found = _event(event_id).registrations.order_by("pk")
    if filters.status:
        found = found.filter(status=filters.status)
    return page_of(found, filters)


@router.post(
    "/events/{event_id}/registrations", response={201: RegistrationOut, 200: RegistrationOut, **WRITE}, tags=["events"]
)
def register(request: HttpRequest, event_id: PathId, payload: RegistrationIn) -> Any:
    """Register somebody (staff entering a registration received by phone or e-mail).  201 with a
    new registration; 200 with the existing one when the address is already registered."""
    user = staff(request)
    event = _event(event_id)
    require(user, "events.manage_registrations", event)
    try:
        registration, created = registrations.register(
            event=event, registrant=registrations.Registrant(**payload.dict()), user=None
        )
    except registrations.RegistrationClosedError as error:
        raise ApiError(409, "registration_closed", CLOSED) from error
    return Status(201 if created else 200, registration)


@router.post("/events/{event_id}/check-ins", response={200: CheckInOut, **WRITE}, tags=["events"])
def check_in(request: HttpRequest, event_id: PathId, payload: CheckInIn) -> Any:
    """Check the holder of a registration code (or of the link that carries it) in at the door."""
    user = staff(request)
    event = _event(event_id)
    require(user, "events.check_in", event)
    result = registrations.check_in(event=event, code=payload.code, by=user)
    shown = result.registration if result.outcome != registrations.CheckIn.OTHER_EVENT else None
    return {"outcome": result.outcome.value, "registration": shown}

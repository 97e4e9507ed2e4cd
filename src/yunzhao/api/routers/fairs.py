"""The online fairs through the versioned API.

Public (no token): published fairs with their halls, booths (searched in any language) and a
booth with its products.  A participant's own token (any account, staff or not, with a profile
in the fair): their recommendations with reasons, their meeting requests — send, accept,
decline, cancel, through the same domain functions as the pages — and their published agenda.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.security import HttpBearer

from yunzhao.api import tokens
from yunzhao.api.access import get_or_404, page_of
from yunzhao.api.errors import INVALID, NOT_FOUND, ApiError, ErrorOut
from yunzhao.api.schemas import Id, PageParams, PathId, Ref, text
from yunzhao.core.content import Publication
from yunzhao.matchmaking import agenda, indexing, meeting_requests, recommend
from yunzhao.matchmaking.access import participant_for, published_fairs
from yunzhao.matchmaking.models import Booth, Fair, Hall, MeetingKind, MeetingRequest, Participant

router = Router(tags=["fairs"])

READ = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
WRITE = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
NOT_A_PARTICIPANT = gettext_lazy("Join the fair first: your account has no profile in it.")
SlugPath = Annotated[str, Path(..., min_length=1, max_length=80, pattern=r"^[-a-zA-Z0-9_]+$")]


class AccountTokenAuth(HttpBearer):
    """Any active account's token: visitors and exhibitors take part in fairs through it."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = tokens.authenticate(token.strip())
        if found is None or not found.owner.is_active:
            return None
        request.user = found.owner
        return found.owner


# --- Schemas -------------------------------------------------------------------------------------


class HallOut(Schema):
    id: int
    name: str
    booths: int


class FairOut(Schema):
    slug: SlugPath
    title: str
    summary: str
    starts_on: dt.date
    ends_on: dt.date
    halls: list[HallOut]

    @staticmethod
    def resolve_title(obj: Fair) -> str:
        return str(obj.title or "")

    @staticmethod
    def resolve_summary(obj: Fair) -> str:
        return str(obj.summary or "")

    @staticmethod
    def resolve_halls(obj: Fair) -> list[dict[str, Any]]:
        return [
            {"id": hall.pk, "name": str(hall.name or ""), "booths": hall.published_booths}
            for hall in getattr(obj, "hall_rows", [])
        ]


class ProductOut(Schema):
    id: int
    name: str
    description: str
    minimum_order: str
    price_min: str | None
    price_max: str | None
    currency: str
    certifications: str

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj.name or "")

    @staticmethod
    def resolve_description(obj: Any) -> str:
        return str(obj.description or "")

    @staticmethod
    def resolve_price_min(obj: Any) -> str | None:
        return None if obj.price_min is None else str(obj.price_min)

    @staticmethod
    def resolve_price_max(obj: Any) -> str | None:
        return None if obj.price_max is None else str(obj.price_max)


class BoothOut(Schema):
    id: int
    number: str
    name: str
    country: str
    hall: Ref
    website: str

    @staticmethod
    def resolve_name(obj: Booth) -> str:
        return str(obj.name or "")

    @staticmethod
    def resolve_hall(obj: Booth) -> dict[str, Any]:
        return {"id": obj.hall_id, "name": str(obj.hall.name or "")}


class BoothDetailOut(BoothOut):
    description: str
    products: list[ProductOut]

    @staticmethod
    def resolve_description(obj: Booth) -> str:
        return str(obj.description or "")

    @staticmethod
    def resolve_products(obj: Booth) -> list[Any]:
        return [p for p in obj.products.all() if p.status == Publication.PUBLISHED]


class BoothPage(Schema):
    count: int
    items: list[BoothOut]


class BoothFilters(PageParams):
    q: str = Field("", max_length=100, description="Words to find in booths and their products, in any language.")
    hall: Id | None = None


class ParticipantOut(Schema):
    id: int
    name: str
    organisation: str
    country: str
    role: str


class ProfileOut(ParticipantOut):
    """One's own profile in a fair, as the recommendations read it."""

    language: str
    industries: list[str]
    intents: list[str]
    sought_countries: list[str]
    offered_countries: list[str]
    company_size: str
    deal_min: str | None
    deal_max: str | None
    about: str
    hosted: bool

    @staticmethod
    def resolve_industries(obj: Participant) -> list[str]:
        return sorted(industry.code for industry in obj.industries.all())

    @staticmethod
    def resolve_deal_min(obj: Participant) -> str | None:
        return None if obj.deal_min is None else str(obj.deal_min)

    @staticmethod
    def resolve_deal_max(obj: Participant) -> str | None:
        return None if obj.deal_max is None else str(obj.deal_max)


class RecommendationOut(Schema):
    participant: ParticipantOut
    score: float
    reasons: list[str]
    they_asked: bool
    you_asked: bool


class RequestOut(Schema):
    id: int
    sender: ParticipantOut
    recipient: ParticipantOut
    kind: str
    message: str
    status: str
    created_at: dt.datetime
    expires_at: dt.datetime

    @staticmethod
    def resolve_status(obj: MeetingRequest) -> str:
        return meeting_requests.shown_status(obj)


class RequestIn(Schema):
    recipient: Id
    kind: Literal["one_to_one", "online", "group"] = "one_to_one"
    message: text(2000) = ""  # type: ignore[valid-type]


class AnswerIn(Schema):
    note: text(2000) = ""  # type: ignore[valid-type]


class MeetingOut(Schema):
    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    kind: str
    table: str | None
    video_url: str
    others: list[ParticipantOut]


# --- Helpers -----------------------------------------------------------------------------------


def _fair(slug: SlugPath) -> Fair:
    fair = published_fairs().filter(slug=slug).first()
    if fair is None:
        raise ApiError(404, "not_found", NOT_FOUND)
    return fair


def _me(request: HttpRequest, fair: Fair) -> Participant:
    me = participant_for(request.user, fair)
    if me is None:
        raise ApiError(403, "not_a_participant", NOT_A_PARTICIPANT)
    return me


def _refused(error: meeting_requests.RequestRefused) -> ApiError:
    return ApiError(409, error.code, error.message)


# --- Public ----------------------------------------------------------------------------------------


@router.get("/fairs", response={200: list[FairOut]}, auth=None)
def list_fairs(request: HttpRequest) -> list[Fair]:
    """Published fairs, the latest first, with their halls."""
    return list(_with_halls(published_fairs()).order_by("-starts_on", "-pk")[:50])


def _with_halls(fairs: QuerySet[Fair]) -> QuerySet[Fair]:
    """Fairs with their halls and each hall's published booths counted: one query for all halls."""
    halls = Hall.objects.annotate(
        published_booths=Count("booths", filter=Q(booths__status=Publication.PUBLISHED))
    ).order_by("position", "pk")
    return fairs.prefetch_related(Prefetch("halls", queryset=halls, to_attr="hall_rows"))


@router.get("/fairs/{slug}", response={200: FairOut, 404: ErrorOut}, auth=None)
def read_fair(request: HttpRequest, slug: SlugPath) -> Fair:
    fair = _with_halls(published_fairs()).filter(slug=slug).first()
    if fair is None:
        raise ApiError(404, "not_found", NOT_FOUND)
    return fair


@router.get("/fairs/{slug}/booths", response={200: BoothPage, 404: ErrorOut, 422: ErrorOut}, auth=None)
def list_booths(request: HttpRequest, slug: SlugPath, filters: Query[BoothFilters]) -> dict[str, Any]:
    """Published booths of the fair; ``q`` finds booths by their own text or their products'."""
    fair = _fair(slug)
    booths = indexing.published_booths(fair).select_related("hall")
    if filters.hall is not None:
        booths = booths.filter(hall_id=filters.hall)
    if filters.q.strip():
        found = indexing.search_fair(fair, filters.q, limit=500)
        ids = {b.pk for b in found.booths} | {p.booth_id for p in found.products}
        booths = booths.filter(pk__in=ids)
    return page_of(booths.order_by("hall__position", "number", "pk"), filters)


@router.get("/fairs/{slug}/booths/{booth_id}", response={200: BoothDetailOut, 404: ErrorOut}, auth=None)
def read_booth(request: HttpRequest, slug: SlugPath, booth_id: PathId) -> Booth:
    fair = _fair(slug)
    return get_or_404(indexing.published_booths(fair).select_related("hall").prefetch_related("products"), booth_id)


# --- A participant's own ---------------------------------------------------------------------------


@router.get("/fairs/{slug}/me", response={200: ProfileOut, **READ}, auth=AccountTokenAuth())
def read_profile(request: HttpRequest, slug: SlugPath) -> Participant:
    """The token owner's own profile in the fair (industries as GB/T 4754 codes, deal sizes in US dollars)."""
    return _me(request, _fair(slug))


@router.get("/fairs/{slug}/recommendations", response={200: list[RecommendationOut], **READ}, auth=AccountTokenAuth())
def list_recommendations(request: HttpRequest, slug: SlugPath) -> list[dict[str, Any]]:
    """Whom to meet, best first, each with its reasons in the language of ``Accept-Language``."""
    me = _me(request, _fair(slug))
    return [
        {
            "participant": found.participant,
            "score": round(found.score, 4),
            "reasons": found.reasons,
            "they_asked": found.they_asked,
            "you_asked": found.you_asked,
        }
        for found in recommend.recommendations_for(me, k=20)
    ]


@router.get("/fairs/{slug}/requests", response={200: list[RequestOut], **READ}, auth=AccountTokenAuth())
def list_requests(request: HttpRequest, slug: SlugPath) -> list[MeetingRequest]:
    """Meeting requests the participant sent or received, newest first."""
    me = _me(request, _fair(slug))
    return list(meeting_requests.requests_of(me).select_related("sender", "recipient")[:200])


@router.post("/fairs/{slug}/requests", response={201: RequestOut, **WRITE}, auth=AccountTokenAuth())
def send_request(request: HttpRequest, slug: SlugPath, payload: RequestIn) -> Status[MeetingRequest]:
    fair = _fair(slug)
    me = _me(request, fair)
    recipient = Participant.objects.filter(fair=fair, is_active=True, pk=payload.recipient).first()
    if recipient is None:
        raise ApiError(422, "validation_error", INVALID, {"recipient": [str(NOT_FOUND)]})
    try:
        sent = meeting_requests.send_request(
            sender=me, recipient=recipient, kind=MeetingKind(payload.kind), message=payload.message
        )
    except meeting_requests.RequestRefused as error:
        raise _refused(error) from error
    return Status(201, sent)


def _own_request(request: HttpRequest, slug: SlugPath, request_id: int) -> tuple[Participant, MeetingRequest]:
    fair = _fair(slug)
    me = _me(request, fair)
    found = get_or_404(meeting_requests.requests_of(me).select_related("sender", "recipient"), request_id)
    return me, found


@router.post("/fairs/{slug}/requests/{request_id}/accept", response={200: RequestOut, **WRITE}, auth=AccountTokenAuth())
def accept_request(request: HttpRequest, slug: SlugPath, request_id: PathId, payload: AnswerIn) -> MeetingRequest:
    me, found = _own_request(request, slug, request_id)
    try:
        return meeting_requests.accept_request(request=found, by=me, note=payload.note)
    except meeting_requests.RequestRefused as error:
        raise _refused(error) from error


@router.post(
    "/fairs/{slug}/requests/{request_id}/decline", response={200: RequestOut, **WRITE}, auth=AccountTokenAuth()
)
def decline_request(request: HttpRequest, slug: SlugPath, request_id: PathId, payload: AnswerIn) -> MeetingRequest:
    me, found = _own_request(request, slug, request_id)
    try:
        return meeting_requests.decline_request(request=found, by=me, note=payload.note)
    except meeting_requests.RequestRefused as error:
        raise _refused(error) from error


@router.post("/fairs/{slug}/requests/{request_id}/cancel", response={200: RequestOut, **WRITE}, auth=AccountTokenAuth())
def cancel_request(request: HttpRequest, slug: SlugPath, request_id: PathId) -> MeetingRequest:
    me, found = _own_request(request, slug, request_id)
    try:
        return meeting_requests.cancel_request(request=found, by=me)
    except meeting_requests.RequestRefused as error:
        raise _refused(error) from error


@router.get("/fairs/{slug}/agenda", response={200: list[MeetingOut], **READ}, auth=AccountTokenAuth())
def read_agenda(request: HttpRequest, slug: SlugPath) -> list[dict[str, Any]]:
    """The participant's published meetings in time order (times with their offset)."""
    me = _me(request, _fair(slug))
    return [
        {
            "id": item.meeting.pk,
            "starts_at": item.starts_at,
            "ends_at": item.ends_at,
            "kind": item.kind,
            "table": item.table.name if item.table else None,
            "video_url": item.video_url,
            "others": item.others,
        }
        for item in agenda.agenda_for(me)
    ]

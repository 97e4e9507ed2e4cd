"""The consulting service through the versioned API.

Public (no token): the published FAQ, asking a question (the same ``ask_question`` as the portal
form, so the same reference, clock, routing and acknowledgement) and reading one's own thread by
reference and private token.  Staff: the questions they may see, one question with its thread,
replying, and the first-reply figures.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema, Status

from yunzhao.api.access import get_or_404, page_of, require, resolve, staff
from yunzhao.api.errors import INVALID, NOT_FOUND, ApiError, ErrorOut
from yunzhao.api.schemas import Country, Day, Id, PageParams, PathId, Ref, text
from yunzhao.consulting import clock, questions
from yunzhao.consulting.models import FaqEntry, Question, QuestionStatus, Topic
from yunzhao.core.content import Publication
from yunzhao.core.public_forms import TOO_MANY, over_limit

router = Router()

READ = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
WRITE = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
Language = Literal["zh-hans", "en", "ja", "ko", "ar", "es", "fr", "ru"]
INVALID_EMAIL = gettext_lazy("Enter a valid email address.")
CLOSED = gettext_lazy("This question is closed.")


class FaqOut(Schema):
    id: int
    topic: Ref | None
    question: str
    answer: str

    @staticmethod
    def resolve_topic(obj: FaqEntry) -> dict[str, Any] | None:
        return None if obj.topic is None else {"id": obj.topic.pk, "name": str(obj.topic.name or "")}

    @staticmethod
    def resolve_question(obj: FaqEntry) -> str:
        return str(obj.question or "")

    @staticmethod
    def resolve_answer(obj: FaqEntry) -> str:
        return str(obj.answer or "")


class FaqPage(Schema):
    count: int
    items: list[FaqOut]


class FaqFilters(PageParams):
    q: str = Field("", max_length=100, description="Words to find in the question or answer (reader's language).")


class ThreadParams(Schema):
    reference: str = Field(..., max_length=20, description="The question's reference, e.g. Q-20250930-7KQ2.")
    token: str = Field(..., max_length=100, description="The private token given when asking.")


class MessageOut(Schema):
    author_kind: Literal["asker", "staff"]
    body: str
    created_at: dt.datetime


class ThreadOut(Schema):
    reference: str
    subject: str
    topic: Ref
    status: QuestionStatus
    language: str
    asked_at: dt.datetime
    due_at: dt.datetime
    first_replied_at: dt.datetime | None
    messages: list[MessageOut]

    @staticmethod
    def resolve_topic(obj: Question) -> dict[str, Any]:
        return {"id": obj.topic_id, "name": str(obj.topic.name or "")}

    @staticmethod
    def resolve_messages(obj: Question) -> list[Any]:
        return list(obj.messages.all())


class AskedOut(Schema):
    reference: str
    token: str = Field(description="Keep it: with the reference it reads the thread.")
    due_at: dt.datetime
    department: Ref


class QuestionIn(Schema):
    topic: Id
    language: Language = "zh-hans"
    name: text(200, min_length=1)  # type: ignore[valid-type]
    email: text(254, min_length=3)  # type: ignore[valid-type]
    organisation: text(300) = ""  # type: ignore[valid-type]
    country: Country | Literal[""] = ""
    subject: text(200, min_length=1)  # type: ignore[valid-type]
    text: text(5000, min_length=1)  # type: ignore[valid-type]
    consent: Literal[True] = Field(description="Consent to the processing of these details; must be true.")


class QuestionOut(Schema):
    id: int
    reference: str
    subject: str
    topic: Ref
    department: Ref
    language: str
    name: str
    email: str
    organisation: str
    country: str
    status: QuestionStatus
    asked_at: dt.datetime
    due_at: dt.datetime
    first_replied_at: dt.datetime | None
    escalated_at: dt.datetime | None
    rating: int | None
    working_days_left: float | None = Field(description="Until the first reply is due; negative when overdue.")

    @staticmethod
    def resolve_topic(obj: Question) -> dict[str, Any]:
        return {"id": obj.topic_id, "name": str(obj.topic.name or "")}

    @staticmethod
    def resolve_department(obj: Question) -> dict[str, Any]:
        return {"id": obj.department_id, "name": str(obj.department)}

    @staticmethod
    def resolve_working_days_left(obj: Question) -> float | None:
        if obj.first_replied_at is not None:
            return None
        exceptions = getattr(obj, "_calendar", None)
        return clock.working_days_left(obj.due_at, timezone.now(), exceptions)


class QuestionDetailOut(QuestionOut):
    messages: list[MessageOut]

    @staticmethod
    def resolve_messages(obj: Question) -> list[Any]:
        return list(obj.messages.all())


class QuestionPage(Schema):
    count: int
    items: list[QuestionOut]


class QuestionFilters(PageParams):
    status: QuestionStatus | None = None
    overdue: bool = Field(False, description="Only questions past due without a first reply.")


class ReplyIn(Schema):
    text: text(10000, min_length=1)  # type: ignore[valid-type]


class FiguresOut(Schema):
    label: str
    asked: int
    answered: int
    median_hours: float | None = Field(description="Median first-reply time in working hours.")
    within_target: int
    overdue_unanswered: int
    share_within_target: float | None


class MetricsOut(Schema):
    start: dt.date
    end: dt.date
    overall: FiguresOut
    departments: list[FiguresOut]


class MetricsFilters(Schema):
    start: Day | None = Field(None, description="First day asked (default: 90 days ago).")
    end: Day | None = Field(None, description="Last day asked (default: today).")


# --- Public -------------------------------------------------------------------------------


@router.get("/consulting/faq", response={200: FaqPage, 422: ErrorOut}, auth=None, tags=["consulting"])
def list_faq(request: HttpRequest, filters: Query[FaqFilters]) -> Any:
    """Published FAQ entries in the reader's language (``Accept-Language`` or the URL's)."""
    from yunzhao.consulting.forms import reader_language
    from yunzhao.consulting.views.public import search_faq

    return page_of(search_faq(" ".join(filters.q.split()), reader_language()), filters)


@router.post(
    "/consulting/questions/ask", response={201: AskedOut, 422: ErrorOut, 429: ErrorOut}, auth=None, tags=["consulting"]
)
def ask_question(request: HttpRequest, payload: QuestionIn) -> Any:
    """Ask a question as the portal's form does: 201 with the reference, the private token and the due time."""
    try:
        validate_email(payload.email.strip())
    except ValidationError as error:
        raise ApiError(422, "validation_error", INVALID, {"email": [str(INVALID_EMAIL)]}) from error
    topic = resolve(
        Topic.objects.filter(status=Publication.PUBLISHED).select_related("department"), payload.topic, "topic"
    )
    assert topic is not None
    if over_limit(request, "consulting-api-ask", limit=20, window_seconds=600):
        raise ApiError(429, "too_many", TOO_MANY)
    question = questions.ask_question(
        topic=topic,
        asker=questions.Asker(
            name=payload.name,
            email=payload.email,
            language=payload.language,
            organisation=payload.organisation,
            country=payload.country,
        ),
        subject=payload.subject,
        text=payload.text,
    )
    return Status(
        201,
        {
            "reference": question.reference,
            "token": question.token,
            "due_at": question.due_at,
            "department": {"id": question.department_id, "name": str(topic.department)},
        },
    )


@router.get(
    "/consulting/questions/thread",
    response={200: ThreadOut, 404: ErrorOut, 422: ErrorOut},
    auth=None,
    tags=["consulting"],
)
def read_own_question(request: HttpRequest, filters: Query[ThreadParams]) -> Any:
    """One's own question and its thread, by its reference and the private token given when asking."""
    question = (
        Question.objects.select_related("topic").filter(reference=filters.reference, token=filters.token).first()
        if filters.token
        else None
    )
    if question is None:
        raise ApiError(404, "not_found", NOT_FOUND)
    return question


# --- Staff --------------------------------------------------------------------------------


def _visible(request: HttpRequest) -> Any:
    user = staff(request)
    require(user, "consulting.view_questions")
    return questions.visible_questions(user).select_related("topic", "department")


@router.get("/consulting/questions", response={200: QuestionPage, **READ}, tags=["consulting"])
def list_questions(request: HttpRequest, filters: Query[QuestionFilters]) -> Any:
    """The questions the caller may see, first reply due soonest first."""
    found = _visible(request)
    if filters.status:
        found = found.filter(status=filters.status)
    if filters.overdue:
        found = found.filter(Q(first_replied_at__isnull=True) & Q(due_at__lt=timezone.now())).exclude(
            status=QuestionStatus.CLOSED
        )
    page = page_of(found.order_by("first_replied_at", "due_at", "pk"), filters)
    if page["items"]:
        calendar = clock.calendar_for([q.due_at for q in page["items"]], timezone.now())
        for question in page["items"]:
            question._calendar = calendar
    return page


@router.get("/consulting/questions/{question_id}", response={200: QuestionDetailOut, **READ}, tags=["consulting"])
def get_question(request: HttpRequest, question_id: PathId) -> Any:
    question = get_or_404(_visible(request), question_id)
    require(staff(request), "consulting.view_question", question)
    return question


@router.post(
    "/consulting/questions/{question_id}/replies", response={201: QuestionDetailOut, **WRITE}, tags=["consulting"]
)
def reply_to_question(request: HttpRequest, question_id: PathId, payload: ReplyIn) -> Any:
    """Reply to the asker (e-mailed to them); the first reply stops the clock."""
    user = staff(request)
    question = get_or_404(_visible(request), question_id)
    require(user, "consulting.reply_question", question)
    try:
        questions.reply_to_question(question=question, by=user, text=payload.text)
    except questions.QuestionClosedError as error:
        raise ApiError(409, "closed", CLOSED) from error
    return Status(201, get_or_404(_visible(request), question_id))


@router.get("/consulting/questions-metrics", response={200: MetricsOut, **READ}, tags=["consulting"])
def question_metrics(request: HttpRequest, filters: Query[MetricsFilters]) -> Any:
    """Median first-reply time (working hours) and the share answered within target, per department."""
    user = staff(request)
    require(user, "consulting.view_metrics")
    today = timezone.localdate()
    start = filters.start or today - dt.timedelta(days=90)
    end = filters.end or today
    if end < start:
        start, end = end, start
    tz = timezone.get_current_timezone()
    asked = questions.visible_questions(user).filter(
        asked_at__gte=dt.datetime.combine(start, dt.time.min, tzinfo=tz),
        asked_at__lt=dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
    )
    now = timezone.now()
    from yunzhao.accounts.models import Department

    departments = Department.objects.filter(pk__in=asked.values_list("department_id", flat=True)).order_by("path")

    def out(figures: clock.Figures) -> dict[str, Any]:
        return {**figures.__dict__, "share_within_target": figures.share_within_target}

    return {
        "start": start,
        "end": end,
        "overall": out(clock.figures(asked, label=str(gettext_lazy("All departments")), now=now)),
        "departments": [out(clock.figures(asked.filter(department=d), label=str(d), now=now)) for d in departments],
    }

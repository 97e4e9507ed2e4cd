"""Questions from investors: asking, the thread both ways, closing with a rating, reassigning, escalating.

Every function runs in one transaction and writes the audit log; e-mails go out through the
task queue after the commit (``consulting.tasks``).
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from yunzhao.accounts.models import Department, Role, User
from yunzhao.consulting import clock
from yunzhao.consulting.models import Author, Message, Question, QuestionStatus, Topic
from yunzhao.core import audit


class QuestionClosedError(Exception):
    """The question is closed: nothing more can be added to it."""


@dataclass(frozen=True)
class Asker:
    name: str
    email: str
    language: str
    organisation: str = ""
    country: str = ""


def _reference(asked_at: dt.datetime) -> str:
    """``Q`` + the date + four random characters, e.g. ``Q-20250930-7KQ2``: short enough to say on the phone."""
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    while True:
        code = "".join(secrets.choice(alphabet) for _ in range(4))
        reference = f"Q-{timezone.localtime(asked_at):%Y%m%d}-{code}"
        if not Question.objects.filter(reference=reference).exists():
            return reference


def _enqueue(task_name: str, *args: Any) -> None:
    from yunzhao.consulting import tasks

    task = getattr(tasks, task_name)
    transaction.on_commit(lambda: task.enqueue(*args))


def ask_question(
    *,
    topic: Topic,
    asker: Asker,
    subject: str,
    text: str,
    user: Any = None,
    now: dt.datetime | None = None,
) -> Question:
    """Store a question, start its clock, route it to the topic's department and acknowledge it."""
    now = now or timezone.now()
    account = user if getattr(user, "is_authenticated", False) and user.role == Role.INVESTOR else None
    with transaction.atomic():
        target = topic.target_days()
        question = Question.objects.create(
            reference=_reference(now),
            token=secrets.token_urlsafe(32),
            topic=topic,
            department=topic.department,
            language=asker.language,
            name=asker.name,
            email=asker.email.strip(),
            organisation=asker.organisation,
            country=asker.country.upper(),
            subject=subject,
            asker=account,
            consented_at=now,
            asked_at=now,
            target_days=target,
            due_at=clock.due_time(now, target),
        )
        Message.objects.create(question=question, author_kind=Author.ASKER, body=text, created_at=now)
        audit.record(
            actor=account,
            action="consulting.question.asked",
            target=question,
            data={"topic": topic.pk, "department": topic.department_id, "due_at": question.due_at},
        )
        _enqueue("send_question_email", question.pk, "acknowledgement")
    return question


def reply_to_question(*, question: Question, by: User, text: str, now: dt.datetime | None = None) -> Message:
    """An officer's reply: the first one stops the clock; the asker gets it by e-mail."""
    now = now or timezone.now()
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question.pk)
        if question.status == QuestionStatus.CLOSED:
            raise QuestionClosedError
        message = Message.objects.create(
            question=question, author_kind=Author.STAFF, author=by, body=text, created_at=now
        )
        fields = ["status"]
        if question.first_replied_at is None:
            question.first_replied_at = now
            fields.append("first_replied_at")
        question.status = QuestionStatus.ANSWERED
        question.save(update_fields=fields)
        audit.record(
            actor=by,
            action="consulting.question.replied",
            target=question,
            data={"message": message.pk, "first": "first_replied_at" in fields},
        )
        _enqueue("send_question_email", question.pk, "reply")
    return message


def add_asker_message(*, question: Question, text: str, now: dt.datetime | None = None) -> Message:
    """The asker writes again on the portal: the question waits for us again (the clock stays stopped)."""
    now = now or timezone.now()
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question.pk)
        if question.status == QuestionStatus.CLOSED:
            raise QuestionClosedError
        message = Message.objects.create(question=question, author_kind=Author.ASKER, body=text, created_at=now)
        question.status = QuestionStatus.OPEN
        question.save(update_fields=["status"])
        audit.record(
            actor=None, action="consulting.question.asker_wrote", target=question, data={"message": message.pk}
        )
    return message


def close_question(
    *, question: Question, rating: int | None = None, comment: str = "", now: dt.datetime | None = None
) -> Question:
    """The asker closes the question, optionally rating the service 1–5 with a comment."""
    if rating is not None and not 1 <= rating <= 5:
        raise ValueError("rating must be 1 to 5")
    now = now or timezone.now()
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question.pk)
        if question.status == QuestionStatus.CLOSED:
            raise QuestionClosedError
        question.status = QuestionStatus.CLOSED
        question.closed_at = now
        question.rating = rating
        question.rating_comment = comment
        question.save(update_fields=["status", "closed_at", "rating", "rating_comment"])
        audit.record(
            actor=None,
            action="consulting.question.closed",
            target=question,
            data={"rating": rating, "comment": bool(comment)},
        )
    return question


def reassign_question(*, question: Question, department: Department, by: User) -> Question:
    """Hand a question to another department; the clock keeps running."""
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question.pk)
        before = audit.snapshot(question, ["department"])
        question.department = department
        question.save(update_fields=["department"])
        audit.record(
            actor=by,
            action="consulting.question.reassigned",
            target=question,
            before=before,
            after=audit.snapshot(question, ["department"]),
        )
    return question


def escalate_overdue_questions(*, now: dt.datetime | None = None) -> list[Question]:
    """Mark every question past due without a first reply as escalated (once) and tell the
    department's heads and the leaders by e-mail, each in their language."""
    now = now or timezone.now()
    with transaction.atomic():
        overdue = list(
            Question.objects.select_for_update()
            .filter(first_replied_at__isnull=True, due_at__lt=now, escalated_at__isnull=True)
            .exclude(status=QuestionStatus.CLOSED)
            .order_by("due_at", "pk")
        )
        for question in overdue:
            question.escalated_at = now
            question.save(update_fields=["escalated_at"])
            audit.record(
                actor=None, action="consulting.question.escalated", target=question, data={"due_at": question.due_at}
            )
            _enqueue("send_escalation_email", question.pk)
    return overdue


def escalation_recipients(question: Question) -> list[User]:
    """The heads of the question's department (or of a department above it) and the leaders."""
    department = question.department
    chain = {department.pk, *(int(part) for part in department.path.strip("/").split("/") if part)}
    return list(
        User.objects.filter(is_active=True)
        .filter(Q(role=Role.LEADER) | Q(role=Role.DEPARTMENT_HEAD, department_id__in=chain))
        .order_by("pk")
    )


def visible_questions(user: User) -> QuerySet[Question]:
    """The questions a member of staff sees: leaders and administrators all, heads their
    department and those below it, officers their department's."""
    questions = Question.objects.all()
    if user.is_superuser or user.role in {Role.ADMINISTRATOR, Role.LEADER}:
        return questions
    if user.department_id is None:
        return questions.none()
    if user.role == Role.DEPARTMENT_HEAD and user.department is not None:
        return questions.filter(department__in=user.department.subtree())
    return questions.filter(department_id=user.department_id)

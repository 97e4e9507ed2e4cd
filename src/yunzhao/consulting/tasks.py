"""Background work of the consulting service: each task takes primary keys and calls one function."""

from __future__ import annotations

from django_tasks import task

from yunzhao.consulting import emails, questions


@task()
def send_question_email(question_pk: int, what: str) -> bool:
    return emails.send_question_email(question_pk=question_pk, what=what)


@task()
def send_escalation_email(question_pk: int) -> int:
    return emails.send_escalation_email(question_pk=question_pk)


@task()
def send_booking_emails(booking_pk: int, what: str) -> int:
    return emails.send_booking_emails(booking_pk=booking_pk, what=what)


@task()
def escalate_overdue_questions() -> int:
    return len(questions.escalate_overdue_questions())
